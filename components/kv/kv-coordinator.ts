import type { Address, Env, TimerHandle } from '../../sim/env';
import { invariantError } from '../errors';
import type { KvMembership } from './kv-membership';
import { resolveCoordinatorOptions, type KvCoordinatorOptions, type ResolvedCoordinatorOptions } from './kv-options';
import { VersionClock } from './version-clock';
import type { GetMessage, GetReplyMessage, PutAckMessage, PutMessage, RepairMessage } from './messages';

/** How a put ended. */
export type PutResult =
  | { readonly ok: true; readonly version: number }
  /** timeout: fewer than W acknowledgements in time; overloaded: too many operations in flight. */
  | { readonly ok: false; readonly reason: 'timeout' | 'overloaded' };

/** How a get ended; `version` 0 means no replica asked holds the key. */
export type GetResult =
  | { readonly ok: true; readonly version: number; readonly valueBytes: number }
  | { readonly ok: false; readonly reason: 'timeout' | 'overloaded' };

/** One copy of a put: the replica it is meant for and the node holding it (the replica, or a fallback with a hint). */
interface WriteTarget {
  readonly intended: Address;
  holder: Address;
  acked: boolean;
}

interface WriteOp {
  readonly kind: 'put';
  readonly id: number;
  readonly key: string;
  readonly version: number;
  readonly valueBytes: number;
  /** Lists that each need W acknowledgements: one, or the old and new during a membership change. */
  readonly lists: readonly (readonly Address[])[];
  readonly targets: WriteTarget[];
  /** Fallback rounds left after the current wait. */
  roundsLeft: number;
  answered: boolean;
  timer: TimerHandle | undefined;
  readonly done: (result: PutResult) => void;
}

interface ReadReply {
  readonly node: Address;
  readonly version: number;
}

interface ReadOp {
  readonly kind: 'get';
  readonly id: number;
  readonly key: string;
  readonly list: readonly Address[];
  readonly replies: ReadReply[];
  bestVersion: number;
  bestValueBytes: number;
  answered: boolean;
  timer: TimerHandle | undefined;
  readonly done: (result: GetResult) => void;
}

/**
 * The coordinator of one KV node: it takes client gets and puts, asks the key's replicas
 * (its preference list on the ring, see KvMembership), counts answers against the
 * quorums and answers the client (Dynamo, DeCandia et al., SOSP 2007, §4.5-4.6).
 *
 * - put: a new version (last-writer-wins, version-clock.ts) goes to every replica of the
 *   key; the client hears success after W acknowledgements. A replica suspected down, or
 *   one that does not answer within `replicaTimeoutMs`, is replaced by the next healthy
 *   node clockwise, which keeps the write as a hint for it (sloppy quorum; its
 *   acknowledgement counts for the replica it stands in for) and hands it off later.
 *   After one fallback round the put fails if W was not reached.
 * - get: every replica is asked; the client hears the newest version among the first R
 *   answers. Answers that come later are still compared, and replicas that returned an
 *   older version get the newest one (read repair).
 *
 * Driver contract: call `put`/`get` for client operations and `receive` for every KV
 * message to the node (it takes only `kv.put-ack` and `kv.get-reply`). Callbacks run
 * from inside `receive` or a timer, never from inside `put`/`get`. `reset` models a
 * crash: every operation is dropped without a callback (the driver answers its clients).
 * Messages to the node itself go through `env.send` like the others.
 */
export class KvCoordinator {
  private readonly options: ResolvedCoordinatorOptions;
  private readonly clock: VersionClock;
  private readonly operations = new Map<number, WriteOp | ReadOp>();
  /** Nodes routed around until the time given (ms); cleared by any message from them. */
  private readonly suspects = new Map<Address, number>();
  private nextId = 1;

  constructor(
    private readonly env: Env,
    readonly self: Address,
    private readonly membership: KvMembership,
    options: KvCoordinatorOptions,
    /** Called once per successful put with its key and version (the lost-write check keeps the newest per key). */
    private readonly acknowledged?: (key: string, version: number) => void,
  ) {
    this.options = resolveCoordinatorOptions(options, membership.replication);
    this.clock = new VersionClock(this.options.nodeIndex);
  }

  /** Operations in flight. */
  get inFlight(): number {
    return this.operations.size;
  }

  /** Whether writes currently route around `node`. */
  suspected(node: Address): boolean {
    const until = this.suspects.get(node);
    return until !== undefined && until > this.env.now();
  }

  /** Write `valueBytes` under `key`. */
  put(key: string, valueBytes: number, done: (result: PutResult) => void): void {
    if (this.operations.size >= this.options.inFlightMax) {
      this.env.schedule(0, () => done({ ok: false, reason: 'overloaded' }));
      return;
    }
    const lists = this.membership.writeLists(key);
    const op: WriteOp = {
      kind: 'put',
      id: this.nextId++,
      key,
      version: this.clock.next(this.env.now()),
      valueBytes,
      lists,
      targets: [],
      roundsLeft: this.options.hintedHandoff ? 1 : 0,
      answered: false,
      timer: undefined,
      done,
    };
    for (const list of lists) for (const node of list) if (!op.targets.some((t) => t.intended === node)) op.targets.push({ intended: node, holder: node, acked: false });
    this.operations.set(op.id, op);
    for (const target of op.targets) {
      if (this.options.hintedHandoff && this.suspected(target.intended)) target.holder = this.fallback(op) ?? target.intended;
      this.sendPut(op, target);
    }
    op.timer = this.env.schedule(this.options.replicaTimeoutMs, () => this.putTimedOut(op));
  }

  /** Read `key`. */
  get(key: string, done: (result: GetResult) => void): void {
    if (this.operations.size >= this.options.inFlightMax) {
      this.env.schedule(0, () => done({ ok: false, reason: 'overloaded' }));
      return;
    }
    const op: ReadOp = {
      kind: 'get',
      id: this.nextId++,
      key,
      list: this.membership.readList(key),
      replies: [],
      bestVersion: 0,
      bestValueBytes: 0,
      answered: false,
      timer: undefined,
      done,
    };
    this.operations.set(op.id, op);
    const message: GetMessage = { type: 'kv.get', id: op.id, key, size: this.options.messageOverheadBytes + key.length };
    for (const node of op.list) this.env.send(node, message);
    op.timer = this.env.schedule(this.options.replicaTimeoutMs, () => this.finishGet(op));
  }

  /** Handle a replica's answer; false if the message is not for the coordinator. */
  receive(from: Address, message: { readonly type: string }): boolean {
    if (message.type === 'kv.put-ack') {
      this.suspects.delete(from);
      const op = this.operations.get((message as PutAckMessage).id);
      if (op?.kind === 'put') this.putAcknowledged(op, from);
      return true;
    }
    if (message.type === 'kv.get-reply') {
      this.suspects.delete(from);
      const reply = message as GetReplyMessage;
      const op = this.operations.get(reply.id);
      if (op?.kind === 'get') this.getReplied(op, from, reply);
      return true;
    }
    return false;
  }

  /** A crash: forget every operation and suspicion, without callbacks. */
  reset(): void {
    for (const op of this.operations.values()) if (op.timer !== undefined) this.env.cancel(op.timer);
    this.operations.clear();
    this.suspects.clear();
  }

  /** Throws if an operation is inconsistent. O(operations). */
  checkInvariants(): void {
    for (const [id, op] of this.operations) {
      if (op.id !== id) throw invariantError('kv.invariant-violated', `kv: ${this.self}: operation ${op.id} filed under ${id}`);
      if (op.kind === 'put') {
        const holders = op.targets.map((t) => t.holder);
        if (new Set(holders).size !== holders.length) {
          throw invariantError('kv.invariant-violated', `kv: ${this.self}: put ${id} has a node holding two copies`);
        }
      } else if (op.replies.length > op.list.length) {
        throw invariantError(
          'kv.invariant-violated',
          `kv: ${this.self}: get ${id} has ${op.replies.length} replies from ${op.list.length} replicas`,
        );
      }
    }
  }

  // --- puts ---------------------------------------------------------------------------

  private sendPut(op: WriteOp, target: WriteTarget): void {
    const message: PutMessage = {
      type: 'kv.put',
      id: op.id,
      key: op.key,
      version: op.version,
      valueBytes: op.valueBytes,
      ...(target.holder === target.intended ? {} : { hintFor: target.intended }),
      size: this.options.messageOverheadBytes + op.key.length + op.valueBytes,
    };
    this.env.send(target.holder, message);
  }

  private putAcknowledged(op: WriteOp, from: Address): void {
    // A late answer from the replica itself counts as well as its fallback's.
    const target = op.targets.find((t) => !t.acked && (t.holder === from || t.intended === from));
    if (target === undefined) return;
    target.acked = true;
    if (!op.answered && this.quorumReached(op)) {
      op.answered = true;
      this.acknowledged?.(op.key, op.version);
      op.done({ ok: true, version: op.version });
    }
    if (op.targets.every((t) => t.acked)) this.finishPut(op);
  }

  /** W acknowledgements (direct or by a hint holder) in every list. */
  private quorumReached(op: WriteOp): boolean {
    const w = this.options.writeQuorum;
    return op.lists.every((list) => op.targets.filter((t) => t.acked && list.includes(t.intended)).length >= w);
  }

  /** No answer in time from some holders: suspect them and hand their copies to fallbacks, or give up. */
  private putTimedOut(op: WriteOp): void {
    op.timer = undefined;
    const silent = op.targets.filter((t) => !t.acked);
    for (const target of silent) this.suspect(target.holder);
    if (op.roundsLeft === 0) return this.finishPut(op);
    op.roundsLeft--;
    let sent = 0;
    for (const target of silent) {
      const fallback = this.fallback(op);
      if (fallback === undefined) break;
      target.holder = fallback;
      this.sendPut(op, target);
      sent++;
    }
    if (sent === 0) return this.finishPut(op);
    op.timer = this.env.schedule(this.options.replicaTimeoutMs, () => this.putTimedOut(op));
  }

  /** The next node clockwise that is neither a replica of this put, nor holding one of its copies, nor suspected. */
  private fallback(op: WriteOp): Address | undefined {
    for (const node of this.membership.fallbackOrder(op.key)) {
      if (op.targets.some((t) => t.intended === node || t.holder === node)) continue;
      if (this.suspected(node)) continue;
      return node;
    }
    return undefined;
  }

  private finishPut(op: WriteOp): void {
    if (op.timer !== undefined) this.env.cancel(op.timer);
    this.operations.delete(op.id);
    if (!op.answered) op.done({ ok: false, reason: 'timeout' });
  }

  // --- gets -----------------------------------------------------------------------------

  private getReplied(op: ReadOp, from: Address, reply: GetReplyMessage): void {
    if (!op.list.includes(from) || op.replies.some((r) => r.node === from)) return;
    op.replies.push({ node: from, version: reply.version });
    if (reply.version > op.bestVersion) {
      op.bestVersion = reply.version;
      op.bestValueBytes = reply.valueBytes;
    }
    if (!op.answered && op.replies.length >= this.options.readQuorum) {
      op.answered = true;
      op.done({ ok: true, version: op.bestVersion, valueBytes: op.bestValueBytes });
    }
    if (op.replies.length === op.list.length) this.finishGet(op);
  }

  /** Every replica answered or the wait is over: fail if R was not reached, repair stale replicas. */
  private finishGet(op: ReadOp): void {
    if (op.timer !== undefined) this.env.cancel(op.timer);
    op.timer = undefined;
    this.operations.delete(op.id);
    for (const node of op.list) if (!op.replies.some((r) => r.node === node)) this.suspect(node);
    if (!op.answered) op.done({ ok: false, reason: 'timeout' });
    if (!this.options.readRepair || op.bestVersion === 0) return;
    for (const reply of op.replies) {
      if (reply.version >= op.bestVersion) continue;
      const repair: RepairMessage = {
        type: 'kv.repair',
        key: op.key,
        version: op.bestVersion,
        valueBytes: op.bestValueBytes,
        size: this.options.messageOverheadBytes + op.key.length + op.bestValueBytes,
      };
      this.env.send(reply.node, repair);
      this.env.metrics.count('kv.readRepairs');
    }
  }

  private suspect(node: Address): void {
    if (this.options.suspectMs > 0) this.suspects.set(node, this.env.now() + this.options.suspectMs);
  }
}
