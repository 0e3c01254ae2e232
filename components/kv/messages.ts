import type { Message } from '../../sim/env';

/**
 * The KV wire protocol: small plain objects, each with a `size` in bytes for the
 * bandwidth model (header + key + value as they would travel). Requests carry an `id`
 * chosen by the sender; the answer echoes it.
 *
 * Coordinator → replica: `kv.put` (answered by `kv.put-ack`), `kv.get` (answered by
 * `kv.get-reply`), `kv.repair` (no answer). Hint holder → replica: `kv.handoff`
 * (answered by `kv.handoff-ack`). Rebalancing source → new owner: `kv.stream` (answered
 * by `kv.stream-ack`).
 */

/** One entry of a batch (handoff or stream). */
export interface KvEntry {
  readonly key: string;
  readonly version: number;
  readonly valueBytes: number;
}

export interface PutMessage extends Message {
  readonly type: 'kv.put';
  readonly id: number;
  readonly key: string;
  readonly version: number;
  readonly valueBytes: number;
  /** Set on a sloppy-quorum write: the replica this write stands in for; the receiver keeps it as a hint. */
  readonly hintFor?: string;
  readonly size: number;
}

export interface PutAckMessage extends Message {
  readonly type: 'kv.put-ack';
  readonly id: number;
  readonly size: number;
}

export interface GetMessage extends Message {
  readonly type: 'kv.get';
  readonly id: number;
  readonly key: string;
  readonly size: number;
}

export interface GetReplyMessage extends Message {
  readonly type: 'kv.get-reply';
  readonly id: number;
  /** The replica's version of the key; 0 when it holds none. */
  readonly version: number;
  readonly valueBytes: number;
  readonly size: number;
}

export interface RepairMessage extends Message {
  readonly type: 'kv.repair';
  readonly key: string;
  readonly version: number;
  readonly valueBytes: number;
  readonly size: number;
}

export interface HandoffMessage extends Message {
  readonly type: 'kv.handoff';
  readonly id: number;
  readonly entries: readonly KvEntry[];
  readonly size: number;
}

export interface HandoffAckMessage extends Message {
  readonly type: 'kv.handoff-ack';
  readonly id: number;
  readonly size: number;
}

export interface StreamMessage extends Message {
  readonly type: 'kv.stream';
  /** Stream session, unique per sender. */
  readonly session: number;
  /** Chunk number within the session, from 0. */
  readonly seq: number;
  readonly entries: readonly KvEntry[];
  readonly size: number;
}

export interface StreamAckMessage extends Message {
  readonly type: 'kv.stream-ack';
  readonly session: number;
  readonly seq: number;
  readonly size: number;
}

export type KvMessage =
  | PutMessage
  | PutAckMessage
  | GetMessage
  | GetReplyMessage
  | RepairMessage
  | HandoffMessage
  | HandoffAckMessage
  | StreamMessage
  | StreamAckMessage;

const KV_TYPES: ReadonlySet<string> = new Set([
  'kv.put', 'kv.put-ack', 'kv.get', 'kv.get-reply', 'kv.repair', 'kv.handoff', 'kv.handoff-ack', 'kv.stream', 'kv.stream-ack',
]);

/** Whether `message` belongs to the KV protocol (other components may share the address). */
export function isKvMessage(message: Message): message is KvMessage {
  return KV_TYPES.has(message.type);
}

/** Messages a coordinator handles; the others go to the store. */
export function isCoordinatorMessage(message: KvMessage): message is PutAckMessage | GetReplyMessage {
  return message.type === 'kv.put-ack' || message.type === 'kv.get-reply';
}
