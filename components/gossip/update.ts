import type { Address } from '../../sim/env';
import { wireSize } from './wire-size';

/**
 * The records gossip carries: membership updates (memberlist's alive, suspect and dead
 * messages) and user events (serf's user events, our rumours).
 *
 * Records are immutable and shared by reference: a member that learns an update from a
 * message queues the very same record for retransmission, and a message holds references
 * to records, never copies. At 10,000 members one update reaches every member and is
 * retransmitted 20 times by each, so copying would allocate 200,000 records per update.
 */
export interface MembershipUpdate {
  /** alive: refutes or announces (a join is an alive about a member not yet known). */
  readonly kind: 'alive' | 'suspect' | 'dead';
  /** The member the update is about. */
  readonly node: Address;
  readonly incarnation: number;
  /**
   * Who says so: the accuser for suspect and dead, the member itself for alive. A dead
   * update with from === node is a graceful leave (memberlist's StateLeft).
   */
  readonly from: Address;
  /** Modelled encoded size in bytes. */
  readonly sizeBytes: number;
}

/** A user event (a rumour): opaque payload broadcast to every member. */
export interface UserEvent {
  readonly kind: 'user';
  /** Unique id: "<origin>#<sequence>". */
  readonly id: string;
  readonly origin: Address;
  /** Application name of the event (serf's event name). */
  readonly name: string;
  /** Modelled encoded size in bytes (header + payload). */
  readonly sizeBytes: number;
}

export type Update = MembershipUpdate | UserEvent;

/** An alive update about `node` at `incarnation`. */
export function aliveUpdate(node: Address, incarnation: number): MembershipUpdate {
  return { kind: 'alive', node, incarnation, from: node, sizeBytes: wireSize.alive(node) };
}

/** A suspect update about `node` at `incarnation`, accused by `from`. */
export function suspectUpdate(node: Address, incarnation: number, from: Address): MembershipUpdate {
  return { kind: 'suspect', node, incarnation, from, sizeBytes: wireSize.suspectOrDead(node, from) };
}

/** A dead update; `from === node` makes it a leave. */
export function deadUpdate(node: Address, incarnation: number, from: Address): MembershipUpdate {
  return { kind: 'dead', node, incarnation, from, sizeBytes: wireSize.suspectOrDead(node, from) };
}

/** A user event with `payloadBytes` of payload. */
export function userEvent(origin: Address, sequence: number, name: string, payloadBytes: number): UserEvent {
  return { kind: 'user', id: `${origin}#${sequence}`, origin, name, sizeBytes: wireSize.userEvent(name, payloadBytes) };
}

/** True for a dead update its subject sent about itself (a graceful leave). */
export function isLeave(update: MembershipUpdate): boolean {
  return update.kind === 'dead' && update.from === update.node;
}

/** The broadcast-queue key: one queued update per member (memberlist's NamedBroadcast), one per event. */
export function updateKey(update: Update): string {
  return update.kind === 'user' ? update.id : update.node;
}
