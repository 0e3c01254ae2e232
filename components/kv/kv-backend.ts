import type { Env } from '../../sim/env';

/** Kinds of storage work a store asks its backend to do. */
export type KvTaskKind =
  /** Serve one key from memory. */
  | 'read'
  /** Make entries durable: append to the log and fsync (a put, a repair, a hint, a handoff batch). */
  | 'write'
  /** Read entries for a stream chunk (sequential disk read, no fsync). */
  | 'stream-read'
  /** Store a received stream chunk durably (one fsync for the chunk). */
  | 'stream-write';

/** One piece of storage work: `keyCount` entries, `bytes` in all. */
export interface KvTask {
  readonly kind: KvTaskKind;
  readonly keyCount: number;
  readonly bytes: number;
}

/**
 * Where a store's work takes time. The store decides what to do and when it may answer;
 * the backend decides how long it takes: the simulator charges CPU on the node and an
 * fsync and transfer time on its disk, a live process does the real write. `done` runs
 * once the work is finished (durable, for writes), never inside `perform`; a backend whose
 * node crashes meanwhile never calls it, and the write is lost unacknowledged.
 */
export interface KvBackend {
  perform(task: KvTask, done: () => void): void;
}

/** A backend whose work takes no time: `done` runs on the next tick (component tests). */
export function immediateBackend(env: Env): KvBackend {
  return { perform: (_task, done) => void env.schedule(0, done) };
}
