import type { Address, Env } from '../../sim/env';
import type { BroadcastQueue } from './broadcast-queue';
import { retransmitLimit } from './formulas';
import type { GossipConfig } from './gossip-config';
import type { MembershipView, ViewSnapshot } from './membership-view';
import { noUpdates, type PushPullMessage, type RumourMessage } from './messages';
import type { MembershipUpdate, Update, UserEvent } from './update';
import { wireSize } from './wire-size';

/**
 * Builds and sends one member's messages, piggybacking queued broadcasts on every
 * datagram up to the size limit (memberlist sendMsg → getBroadcasts). One message object
 * per send and, when nothing is queued, no piggyback array (the shared empty one).
 */
export class Outbox {
  constructor(
    private readonly env: Env,
    private readonly config: GossipConfig,
    private readonly name: Address,
    private readonly queue: BroadcastQueue,
    private readonly view: MembershipView,
  ) {}

  /**
   * Ping `to` (whose name is `target`). When the target is suspect, memberlist sends the
   * suspicion instead of the usual piggyback so that the target can refute at once.
   */
  ping(to: Address, seq: number, target: Address, suspicion: MembershipUpdate | null): void {
    const base = wireSize.ping(target, this.name);
    if (suspicion !== null) {
      const size = base + wireSize.compoundHeader + 2 * wireSize.compoundPart + suspicion.sizeBytes;
      this.env.send(to, { type: 'ping', size, seq, target, updates: [suspicion] });
      return;
    }
    const updates = this.piggyback(base);
    this.env.send(to, { type: 'ping', size: base + this.piggybackBytes, seq, target, updates });
  }

  ack(to: Address, seq: number): void {
    const updates = this.piggyback(wireSize.ack);
    this.env.send(to, { type: 'ack', size: wireSize.ack + this.piggybackBytes, seq, updates });
  }

  pingReq(to: Address, seq: number, target: Address): void {
    const base = wireSize.pingReq(target, this.name);
    const updates = this.piggyback(base);
    this.env.send(to, { type: 'ping-req', size: base + this.piggybackBytes, seq, target, updates });
  }

  /** One gossip datagram to `to`; returns false (and sends nothing) when nothing is queued. */
  gossip(to: Address): boolean {
    if (this.queue.length === 0) return false;
    const updates: Update[] = [];
    const bytes = this.queue.take(this.bytesAvailable(0), wireSize.compoundPart, this.transmitLimit(), updates);
    if (updates.length === 0) return false;
    this.env.send(to, { type: 'gossip', size: wireSize.compoundHeader + bytes, updates });
    return true;
  }

  pushPull(to: Address, join: boolean, reply: boolean, state: ViewSnapshot, rumours: readonly UserEvent[]): void {
    // Entries are sized as if every name were as long as ours: O(1) instead of O(n).
    let size = wireSize.pushPullHeader + state.knownCount * wireSize.pushPullEntry(this.name);
    for (const rumour of rumours) size += rumour.sizeBytes;
    const message: PushPullMessage = { type: 'push-pull', size, join, reply, state, rumours };
    this.env.send(to, message);
  }

  rumours(to: Address, type: RumourMessage['type'], rumours: readonly UserEvent[]): void {
    let size = wireSize.rumourHeader;
    for (const rumour of rumours) size += rumour.sizeBytes;
    this.env.send(to, { type, size, rumours });
  }

  /** Bytes of piggyback in the message just built (compound framing included). */
  private piggybackBytes = 0;

  private piggyback(baseBytes: number): readonly Update[] {
    this.piggybackBytes = 0;
    if (this.queue.length === 0) return noUpdates;
    const updates: Update[] = [];
    const bytes = this.queue.take(this.bytesAvailable(baseBytes), wireSize.compoundPart, this.transmitLimit(), updates);
    if (updates.length === 0) return noUpdates;
    this.piggybackBytes = wireSize.compoundHeader + wireSize.compoundPart + bytes;
    return updates;
  }

  /** UDPBufferSize − message − compoundHeaderOverhead (memberlist sendMsg). */
  private bytesAvailable(baseBytes: number): number {
    return this.config.messageSizeLimitBytes - baseBytes - wireSize.compoundHeader;
  }

  private transmitLimit(): number {
    return retransmitLimit(this.config.retransmitMult, this.view.knownCount);
  }
}
