import type { Address, Message, MessageHandler, Rng } from '../../sim/env';
import type { EventFn } from '../../sim/event-queue';
import type { Transport } from '../../sim/sim-env';
import type { Simulation } from '../../sim/simulation';
import { sampler, type Sampler } from '../sampling/distributions';
import type { NetworkSpec } from '../scenario/types';

interface Envelope {
  readonly handlers: readonly MessageHandler[];
  readonly from: Address;
  readonly message: Message;
}

function deliverEnvelope(envelope: Envelope): void {
  for (const handler of envelope.handlers) handler(envelope.from, envelope.message);
}

/** Sees every message the network carries (the viz's movements); it must not change the run. */
export interface NetworkObserver {
  /** After `transmit`: `delivered` false when the message was lost or cut off by a partition. */
  transmitted(from: Address, to: Address, fn: EventFn, arg: unknown, delivered: boolean): void;
}

/**
 * The modelled network: per-message one-way latency from a distribution, transfer time
 * size / bandwidth (no link queueing), loss, and partitions between groups of nodes.
 *
 * Two entry points: `transmit` is the allocation-free path the request models use (a
 * pre-bound function and its argument); `send`/`listen` carry component messages (health
 * checks, gossip) to registered handlers.
 *
 * A message whose latency and transfer time are both exactly zero is delivered at once,
 * inside the sending event: this saves two heap operations per request on the common
 * zero-latency queueing models. The only difference from scheduling it at "now" is that it
 * runs before other work already due at the same instant; runs stay deterministic.
 */
export class Network implements Transport {
  private readonly latency: Sampler;
  private readonly latencyIsZero: boolean;
  private readonly secondsPerBit: number;
  private readonly baseLoss: number;
  private faultLoss = 0;
  private lossProbability: number;
  private readonly partitions = new Set<ReadonlyMap<Address, number>>();
  /** Handlers by address; several components may share an address (a node's server and its callers). */
  private readonly handlers = new Map<Address, MessageHandler[]>();
  /** Messages dropped (loss or partition) after warm-up; reset by `resetStats`. */
  dropped = 0;
  /** Told of every message (at most one observer; absent in headless runs). */
  observer: NetworkObserver | undefined;

  constructor(private readonly sim: Simulation, spec: NetworkSpec, private readonly rng: Rng) {
    this.latency = sampler(spec.latency);
    this.latencyIsZero = spec.latency.dist === 'constant' && spec.latency.value === 0;
    this.secondsPerBit = spec.bandwidthBps === undefined ? 0 : 1 / spec.bandwidthBps;
    this.baseLoss = spec.loss;
    this.lossProbability = spec.loss;
  }

  /**
   * Send `sizeBytes` from `from` to `to`; on arrival run `fn(arg)`.
   * Returns false if the message was lost or cut off by a partition.
   */
  transmit(from: Address, to: Address, sizeBytes: number, fn: EventFn, arg: unknown): boolean {
    const delivered = this.carry(from, to, sizeBytes, fn, arg);
    if (this.observer !== undefined) this.observer.transmitted(from, to, fn, arg, delivered);
    return delivered;
  }

  private carry(from: Address, to: Address, sizeBytes: number, fn: EventFn, arg: unknown): boolean {
    if (this.partitions.size > 0 && this.partitioned(from, to)) {
      this.dropped++;
      return false;
    }
    if (this.lossProbability > 0 && this.rng.next() < this.lossProbability) {
      this.dropped++;
      return false;
    }
    const transferMs = sizeBytes * 8 * this.secondsPerBit * 1000;
    const delayMs = (this.latencyIsZero ? 0 : this.latency(this.rng)) + transferMs;
    if (delayMs === 0) fn(arg);
    else this.sim.at(this.sim.now() + delayMs, fn, arg);
    return true;
  }

  send(from: Address, to: Address, message: Message): void {
    const handlers = this.handlers.get(to);
    if (handlers === undefined) return; // nobody listens there: the message is lost, as on a real network
    const envelope: Envelope = { handlers, from, message };
    this.transmit(from, to, message.size ?? 0, deliverEnvelope, envelope);
  }

  /** Add a handler for messages to `address`; every handler sees every message (each ignores what is not its own). */
  listen(address: Address, handler: MessageHandler): void {
    const list = this.handlers.get(address);
    if (list === undefined) this.handlers.set(address, [handler]);
    else list.push(handler);
  }

  /** Cut the network between `groups` (nodes in no group reach everyone). Returns the heal function. */
  partition(groups: readonly (readonly Address[])[]): () => void {
    const groupOf = new Map<Address, number>();
    groups.forEach((group, index) => group.forEach((address) => groupOf.set(address, index)));
    this.partitions.add(groupOf);
    return () => this.partitions.delete(groupOf);
  }

  /** Add `probability` of loss on top of the configured loss. Returns the function that removes it. */
  addLoss(probability: number): () => void {
    this.faultLoss += probability;
    this.updateLoss();
    return () => {
      this.faultLoss -= probability;
      this.updateLoss();
    };
  }

  canReach(from: Address, to: Address): boolean {
    return !this.partitioned(from, to);
  }

  private partitioned(from: Address, to: Address): boolean {
    for (const groupOf of this.partitions) {
      const a = groupOf.get(from);
      const b = groupOf.get(to);
      if (a !== undefined && b !== undefined && a !== b) return true;
    }
    return false;
  }

  private updateLoss(): void {
    const fault = Math.min(1, Math.max(0, this.faultLoss));
    this.lossProbability = 1 - (1 - this.baseLoss) * (1 - fault);
  }
}
