import type { Address, Message } from '../../sim/env';
import type { ViewSnapshot } from './membership-view';
import type { Update, UserEvent } from './update';

/**
 * The messages members exchange (memberlist net.go message types, plus the two plain
 * rumour modes). Every message carries `size` in bytes for the network model; `updates`
 * are piggybacked broadcasts (memberlist's compound messages), shared records, not copies.
 */

/** SWIM ping: "are you alive?". `target` guards against a recycled address. */
export interface PingMessage extends Message {
  readonly type: 'ping';
  readonly size: number;
  readonly seq: number;
  readonly target: Address;
  readonly updates: readonly Update[];
}

/** Reply to a ping, or relayed by a ping-req helper with the requester's sequence number. */
export interface AckMessage extends Message {
  readonly type: 'ack';
  readonly size: number;
  readonly seq: number;
  readonly updates: readonly Update[];
}

/** SWIM ping-req: "please ping `target` for me and relay its ack" (indirect probe). */
export interface PingReqMessage extends Message {
  readonly type: 'ping-req';
  readonly size: number;
  readonly seq: number;
  readonly target: Address;
  readonly updates: readonly Update[];
}

/** A gossip round's datagram: only piggybacked broadcasts. */
export interface GossipMessage extends Message {
  readonly type: 'gossip';
  readonly size: number;
  readonly updates: readonly Update[];
}

/**
 * Full state exchange (memberlist pushPull over TCP): the sender's view, and its recent
 * user events (serf's push-pull carries them too). `reply` marks the answer; `join`
 * marks a join request.
 */
export interface PushPullMessage extends Message {
  readonly type: 'push-pull';
  readonly size: number;
  readonly join: boolean;
  readonly reply: boolean;
  readonly state: ViewSnapshot;
  readonly rumours: readonly UserEvent[];
}

/**
 * Plain rumour modes. `rumour`: push of the rumours the sender knows. `rumour-exchange`:
 * push-pull request carrying the sender's rumours; `rumour-exchange-reply`: the rumours the
 * requester lacked.
 */
export interface RumourMessage extends Message {
  readonly type: 'rumour' | 'rumour-exchange' | 'rumour-exchange-reply';
  readonly size: number;
  readonly rumours: readonly UserEvent[];
}

export type GossipWireMessage = PingMessage | AckMessage | PingReqMessage | GossipMessage | PushPullMessage | RumourMessage;

/** Shared empty piggyback list: most messages carry no updates, so allocate none. */
export const noUpdates: readonly Update[] = Object.freeze([]);
