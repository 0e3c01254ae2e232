import type { GossipMember } from '../../components/gossip/index';
import type { Address, Message, MessageHandler } from '../../sim/env';
import type { Transport } from '../../sim/sim-env';
import type { Network } from '../request/network';

/** Messages and bytes of one message type. */
export interface TrafficCount {
  messages: number;
  bytes: number;
}

/** Where a member process lives: the transport delivers to whatever member is there now. */
export interface MemberSlot {
  member: GossipMember | undefined;
}

interface Delivery {
  readonly slot: MemberSlot;
  readonly from: Address;
  readonly message: Message;
}

function deliver(delivery: Delivery): void {
  delivery.slot.member?.receive(delivery.from, delivery.message);
}

/**
 * The members' Transport: counts what they send (messages, bytes, per type) and carries it
 * over the modelled Network with `Network.transmit`, so latency, bandwidth, loss and
 * partitions apply exactly as for `Network.send`.
 *
 * Why not `Network.send`: that path looks up a handler list by address string and iterates
 * it for every message. Here the address resolves through the cluster's shared directory
 * to a slot, and the slot's current member receives the message (none when crashed: the
 * message is dropped on arrival). Measured on the 10,000-member run: see bench/gossip.ts.
 */
export class ClusterTransport implements Transport {
  messages = 0;
  bytes = 0;
  /** Per message type, in first-seen order. */
  readonly byType = new Map<string, TrafficCount>();
  /** Counts of the common types, found by a switch instead of a Map lookup per message. */
  private readonly ping = this.countOf('ping');
  private readonly ack = this.countOf('ack');
  private readonly gossip = this.countOf('gossip');

  /**
   * @param slotOf the slot behind an address, or undefined
   */
  constructor(
    private readonly network: Network,
    private readonly slotOf: (address: Address) => MemberSlot | undefined,
  ) {}

  send(from: Address, to: Address, message: Message): void {
    const size = message.size ?? 0;
    this.messages++;
    this.bytes += size;
    const type = message.type;
    const count = type === 'ping' ? this.ping : type === 'ack' ? this.ack : type === 'gossip' ? this.gossip : this.countOf(type);
    count.messages++;
    count.bytes += size;
    const slot = this.slotOf(to);
    if (slot === undefined) return; // no such address: lost, as on a real network
    const delivery: Delivery = { slot, from, message };
    this.network.transmit(from, to, size, deliver, delivery);
  }

  private countOf(type: string): TrafficCount {
    let count = this.byType.get(type);
    if (count === undefined) {
      count = { messages: 0, bytes: 0 };
      this.byType.set(type, count);
    }
    return count;
  }

  /** Members are wired to slots, not registered per address. */
  listen(_address: Address, _handler: MessageHandler): void {}
}
