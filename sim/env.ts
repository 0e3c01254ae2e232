/**
 * The Env: everything a component may touch of the outside world.
 *
 * Components (components/) are sans-IO state machines. They never read a clock, draw a
 * random number, start a timer or open a socket themselves; they ask the Env. The engine
 * provides SimEnv (simulated time, modelled network); a LiveEnv on real timers and sockets
 * is planned (live/, not built yet), and the same component code will run on both.
 *
 * Driver contract:
 * - `schedule` and `at` callbacks run later, never synchronously inside the call that
 *   scheduled them (not even `at(now())`).
 * - Callbacks scheduled for the same instant run in the order they were scheduled, by
 *   either verb.
 * - `send` is fire-and-forget: a message may arrive later, be lost or be cut off by a
 *   partition; the sender learns nothing unless the receiver answers.
 */
export type Address = string;

/** A message on the modelled network. `size` (bytes) feeds the bandwidth model. */
export interface Message {
  readonly type: string;
  readonly size?: number;
  readonly [field: string]: unknown;
}

/** Opaque handle of a scheduled callback, for `cancel`. */
export interface TimerHandle {
  readonly at: number;
}

/** A seeded uniform random stream. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Streaming metrics: memory does not grow with the number of observations. */
export interface Metrics {
  count(name: string, by?: number): void;
  gauge(name: string, value: number): void;
  observe(name: string, value: number): void;
}

/** A structured trace record; `t` is filled in by the Env. */
export interface TraceEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface Env {
  /** Current time in milliseconds (simulated, or real since start in live mode). */
  now(): number;
  /** Run `fn` after `delayMs` (>= 0) milliseconds. */
  schedule(delayMs: number, fn: () => void): TimerHandle;
  /**
   * Run `fn(arg)` at the absolute time `atMs` (>= now). The allocation-free form of
   * `schedule` for per-request timers: pass a function that captures nothing (module-level,
   * or bound once per component) and the record it works on, so no closure is made per
   * timer. The simulation's full request path arms one or two such timers per request.
   */
  at<T>(atMs: number, fn: (arg: T) => void, arg: T): TimerHandle;
  /** Cancel a scheduled callback; cancelling twice or after it ran is a no-op. */
  cancel(timer: TimerHandle): void;
  /** The random stream named `stream`, derived from (master seed, stream name). */
  rng(stream: string): Rng;
  /** Send a one-way message to `to` over the (modelled or real) network. */
  send(to: Address, message: Message): void;
  readonly metrics: Metrics;
  trace?(event: TraceEvent): void;
}

/** A component that receives messages registers one of these with its Env. */
export type MessageHandler = (from: Address, message: Message) => void;
