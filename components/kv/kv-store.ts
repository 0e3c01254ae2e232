import { BPlusTree } from '../btree/b-plus-tree';
import type { TreeShape } from '../btree/tree-shape';
import { WriteBuffer } from '../btree/write-buffer';
import type { Address, Env, TimerHandle } from '../../sim/env';
import { ComponentError, invariantError } from '../errors';
import type { KvBackend } from './kv-backend';
import type { KvMembership } from './kv-membership';
import { resolveStoreOptions, type KvStoreOptions, type ResolvedStoreOptions } from './kv-options';
import { entryBytes, newer, type KvValue } from './kv-value';
import type {
  GetMessage,
  GetReplyMessage,
  HandoffAckMessage,
  HandoffMessage,
  KvEntry,
  KvMessage,
  PutAckMessage,
  PutMessage,
  RepairMessage,
  StreamAckMessage,
  StreamMessage,
} from './messages';
import { StreamSender } from './stream-sender';

/** A handoff batch sent and not yet acknowledged. */
interface Handoff {
  readonly id: number;
  readonly entries: readonly KvEntry[];
  readonly sentAtMs: number;
}

/** What one node streamed in a rebalance. */
export interface StreamResult {
  readonly keyCount: number;
  readonly byteCount: number;
}

/**
 * The storage side of one KV node: its keys in a B+tree behind a write buffer, the
 * hints it holds for other nodes, and the streams it sends when membership changes.
 *
 * Driver contract:
 * - Deliver every KV message addressed to the node with `receive` (it ignores others and
 *   returns false). Replies go out with `env.send`; `send` may lose them.
 * - Work that costs time goes through the `KvBackend`; a write is applied and
 *   acknowledged only when the backend reports it durable.
 * - `start` begins the hinted-handoff rounds; `stop` models a crash: timers, streams and
 *   unfinished backend work are dropped, while keys and hints, which are durable (written
 *   before any acknowledgement), stay. `start` again after a restart.
 * - During a membership change (`KvMembership.begin`), call `rebalance`; after
 *   `KvMembership.commit`, call `cleanup` to drop the copies the node no longer owns.
 *
 * Conflicts resolve by last-writer-wins on the version (see version-clock.ts): a write
 * older than the stored one is acknowledged but not applied.
 */
export class KvStore {
  private readonly options: ResolvedStoreOptions;
  /** Replaced once by `load`; otherwise written only through the buffer. */
  private data: WriteBuffer<string, KvValue>;
  /** Hints by the node they are for, then by key: the newest version only, so memory is bounded by keys. */
  private readonly hints = new Map<Address, Map<string, KvValue>>();
  private hintTotal = 0;
  /** Unacknowledged handoff batches, one per target at most. */
  private readonly handoffs = new Map<Address, Handoff>();
  private handoffTimer: TimerHandle | undefined = undefined;
  /** Bumped by `stop`: backend callbacks from before a crash are ignored. */
  private epoch = 0;
  private nextId = 1;
  private readonly senders = new Map<number, StreamSender>();
  /** Pacing of outbound streams: when the node's stream bandwidth is free again (ms). */
  private streamFreeAtMs = 0;
  /** Writes the store applied (puts, repairs, handoffs, streams), for tests and metrics. */
  appliedCount = 0;
  /** Hints accepted and hints handed off to their node. */
  hintsStored = 0;
  hintsDelivered = 0;
  /** Read repairs applied (a repair that found a newer value counts too). */
  repairCount = 0;
  /** Entries and bytes this node streamed out, acknowledged, over all rebalances. */
  streamedKeyCount = 0;
  streamedByteCount = 0;

  constructor(
    private readonly env: Env,
    readonly self: Address,
    private readonly membership: KvMembership,
    private readonly backend: KvBackend,
    options: KvStoreOptions = {},
  ) {
    this.options = resolveStoreOptions(options);
    this.data = new WriteBuffer(new BPlusTree<string, KvValue>({ order: this.options.treeOrder }), { capacity: this.options.writeBufferCapacity });
  }

  /** Keys held (not hints). O(1). */
  get size(): number {
    return this.data.size;
  }

  /** The B+tree's per-level node counts and fill (for views). O(n). */
  treeShape(): TreeShape {
    return this.data.treeShape();
  }

  /** Hints held for other nodes. */
  get hintCount(): number {
    return this.hintTotal;
  }

  /** The stored value of `key`. O(log n). */
  get(key: string): KvValue | undefined {
    return this.data.get(key);
  }

  /** Every stored key and value in key order. Do not write while iterating. */
  entries(): IterableIterator<[string, KvValue]> {
    return this.data.range();
  }

  /** Hints held for `node`, by key. */
  hintsFor(node: Address): ReadonlyMap<string, KvValue> {
    return this.hints.get(node) ?? new Map();
  }

  /** Bulk-load an empty store with entries in ascending key order (an initial data set). O(n). */
  load(entries: Iterable<readonly [string, KvValue]>): void {
    if (this.data.size > 0) {
      throw new ComponentError('kv.store-not-empty', `kv: ${this.self}: load needs an empty store, it holds ${this.data.size} keys`);
    }
    const tree = BPlusTree.fromSorted(entries, { order: this.options.treeOrder });
    this.data = new WriteBuffer(tree, { capacity: this.options.writeBufferCapacity });
  }

  /** Begin the hinted-handoff rounds. */
  start(): void {
    if (this.handoffTimer !== undefined) return;
    this.handoffTimer = this.env.schedule(this.options.handoffIntervalMs, () => this.handoffRound());
  }

  /** A crash: drop timers, streams and pending work; keys and hints stay. */
  stop(): void {
    this.epoch++;
    if (this.handoffTimer !== undefined) this.env.cancel(this.handoffTimer);
    this.handoffTimer = undefined;
    this.handoffs.clear();
    for (const sender of this.senders.values()) sender.stop();
    this.senders.clear();
  }

  /** Handle a message for the store; false if it is not one. */
  receive(from: Address, message: KvMessage): boolean {
    switch (message.type) {
      case 'kv.put':
        this.put(from, message);
        return true;
      case 'kv.get':
        this.read(from, message);
        return true;
      case 'kv.repair':
        this.repair(message);
        return true;
      case 'kv.handoff':
        this.acceptHandoff(from, message);
        return true;
      case 'kv.handoff-ack':
        this.handoffAcknowledged(from, message);
        return true;
      case 'kv.stream':
        this.acceptStream(from, message);
        return true;
      case 'kv.stream-ack':
        this.senders.get(message.session)?.acknowledged(message.seq);
        return true;
      default:
        return false;
    }
  }

  /**
   * Stream every key this node loses in the membership change under way to the node
   * that gains it; `done` runs (asynchronously) when all are acknowledged.
   */
  rebalance(done: (result: StreamResult) => void): void {
    const plan = new Map<Address, string[]>();
    // The callback scan: every key of the node, with no [key, value] pair allocated per key.
    this.data.forRange(undefined, undefined, (key) => {
      const target = this.membership.transferTarget(key, this.self);
      if (target === undefined) return;
      let keys = plan.get(target);
      if (keys === undefined) plan.set(target, (keys = []));
      keys.push(key);
    });
    let open = plan.size;
    let keyCount = 0;
    let byteCount = 0;
    const finished = (sender: StreamSender) => {
      this.senders.delete(sender.session);
      keyCount += sender.keyCount;
      byteCount += sender.byteCount;
      this.streamedKeyCount += sender.keyCount;
      this.streamedByteCount += sender.byteCount;
      if (--open === 0) done({ keyCount, byteCount });
    };
    if (open === 0) {
      this.env.schedule(0, () => done({ keyCount: 0, byteCount: 0 }));
      return;
    }
    const source = { read: (key: string) => this.data.get(key), reserve: (bytes: number) => this.reserve(bytes), backend: this.backend };
    for (const [target, keys] of plan) {
      const sender = new StreamSender(this.env, this.nextId++, target, keys, source, this.options, finished);
      this.senders.set(sender.session, sender);
      sender.start();
    }
  }

  /** After a committed change, delete the keys this node no longer owns. Returns how many. */
  cleanup(): number {
    const gone: string[] = [];
    this.data.forRange(undefined, undefined, (key) => {
      if (!this.membership.owns(this.self, key)) gone.push(key);
    });
    for (const key of gone) this.data.delete(key);
    return gone.length;
  }

  /** Throws if the tree, the buffer or the hint counts are inconsistent. O(n). */
  checkInvariants(): void {
    this.data.checkInvariants();
    let hints = 0;
    for (const [node, byKey] of this.hints) {
      if (byKey.size === 0) throw invariantError('kv.invariant-violated', `kv: ${this.self}: empty hint map kept for ${node}`);
      hints += byKey.size;
    }
    if (hints !== this.hintTotal) {
      throw invariantError('kv.invariant-violated', `kv: ${this.self}: hint count ${this.hintTotal}, maps hold ${hints}`);
    }
  }

  // --- requests from coordinators ----------------------------------------------------

  private put(from: Address, message: PutMessage): void {
    const value: KvValue = { version: message.version, valueBytes: message.valueBytes };
    const hintFor = message.hintFor;
    this.perform('write', 1, entryBytes(message.key, message.valueBytes), () => {
      if (hintFor !== undefined && hintFor !== this.self) this.storeHint(hintFor, message.key, value);
      else this.apply(message.key, value);
      const ack: PutAckMessage = { type: 'kv.put-ack', id: message.id, size: this.options.messageOverheadBytes };
      this.env.send(from, ack);
    });
  }

  private read(from: Address, message: GetMessage): void {
    this.perform('read', 1, 0, () => {
      const value = this.data.get(message.key);
      const valueBytes = value?.valueBytes ?? 0;
      const reply: GetReplyMessage = {
        type: 'kv.get-reply',
        id: message.id,
        version: value?.version ?? 0,
        valueBytes,
        size: this.options.messageOverheadBytes + valueBytes,
      };
      this.env.send(from, reply);
    });
  }

  private repair(message: RepairMessage): void {
    const value: KvValue = { version: message.version, valueBytes: message.valueBytes };
    this.perform('write', 1, entryBytes(message.key, message.valueBytes), () => {
      this.repairCount++;
      this.apply(message.key, value);
    });
  }

  // --- hinted handoff -------------------------------------------------------------------

  private storeHint(node: Address, key: string, value: KvValue): void {
    let byKey = this.hints.get(node);
    if (byKey === undefined) this.hints.set(node, (byKey = new Map()));
    const current = byKey.get(key);
    if (current === undefined) this.hintTotal++;
    if (newer(value, current)) byKey.set(key, value);
    this.hintsStored++;
  }

  /** One round: offer a batch to every node with hints and no batch in flight (or one that timed out). */
  private handoffRound(): void {
    this.handoffTimer = this.env.schedule(this.options.handoffIntervalMs, () => this.handoffRound());
    const now = this.env.now();
    for (const node of this.hints.keys()) {
      const pending = this.handoffs.get(node);
      if (pending !== undefined && now - pending.sentAtMs < this.options.handoffIntervalMs) continue;
      this.sendHandoff(node);
    }
  }

  private sendHandoff(node: Address): void {
    const byKey = this.hints.get(node);
    if (byKey === undefined) return;
    const entries: KvEntry[] = [];
    let bytes = 0;
    for (const [key, value] of byKey) {
      if (entries.length >= this.options.handoffBatchMax) break;
      entries.push({ key, version: value.version, valueBytes: value.valueBytes });
      bytes += entryBytes(key, value.valueBytes);
    }
    const handoff: Handoff = { id: this.nextId++, entries, sentAtMs: this.env.now() };
    this.handoffs.set(node, handoff);
    const message: HandoffMessage = { type: 'kv.handoff', id: handoff.id, entries, size: this.options.messageOverheadBytes + bytes };
    this.env.send(node, message);
  }

  private acceptHandoff(from: Address, message: HandoffMessage): void {
    this.perform('write', message.entries.length, message.size - this.options.messageOverheadBytes, () => {
      for (const entry of message.entries) this.apply(entry.key, { version: entry.version, valueBytes: entry.valueBytes });
      const ack: HandoffAckMessage = { type: 'kv.handoff-ack', id: message.id, size: this.options.messageOverheadBytes };
      this.env.send(from, ack);
    });
  }

  /** The node took the batch: drop the hints it covered (not newer ones that came since), send the next batch. */
  private handoffAcknowledged(from: Address, message: HandoffAckMessage): void {
    const handoff = this.handoffs.get(from);
    if (handoff === undefined || handoff.id !== message.id) return;
    this.handoffs.delete(from);
    const byKey = this.hints.get(from)!;
    for (const entry of handoff.entries) {
      const held = byKey.get(entry.key);
      if (held === undefined || held.version > entry.version) continue;
      byKey.delete(entry.key);
      this.hintTotal--;
      this.hintsDelivered++;
    }
    if (byKey.size === 0) this.hints.delete(from);
    else this.sendHandoff(from);
  }

  // --- streams ----------------------------------------------------------------------------

  private acceptStream(from: Address, message: StreamMessage): void {
    this.perform('stream-write', message.entries.length, message.size - this.options.messageOverheadBytes, () => {
      for (const entry of message.entries) this.apply(entry.key, { version: entry.version, valueBytes: entry.valueBytes });
      const ack: StreamAckMessage = { type: 'kv.stream-ack', session: message.session, seq: message.seq, size: this.options.messageOverheadBytes };
      this.env.send(from, ack);
    });
  }

  /** Delay until `bytes` may leave at the node's stream rate, and book the bandwidth. */
  private reserve(bytes: number): number {
    const now = this.env.now();
    const startMs = Math.max(now, this.streamFreeAtMs);
    this.streamFreeAtMs = startMs + (bytes / this.options.streamBytesPerSecond) * 1000;
    return startMs - now;
  }

  // --- storage ---------------------------------------------------------------------------

  /** Run backend work; `then` runs when done, unless the node crashed meanwhile. */
  private perform(kind: 'read' | 'write' | 'stream-write', keyCount: number, bytes: number, then: () => void): void {
    const epoch = this.epoch;
    this.backend.perform({ kind, keyCount, bytes }, () => {
      if (epoch === this.epoch) then();
    });
  }

  private apply(key: string, value: KvValue): void {
    this.appliedCount++;
    if (newer(value, this.data.get(key))) this.data.set(key, value);
  }
}
