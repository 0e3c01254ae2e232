import { EventQueue, type EventFn } from './event-queue';
import type { TimerHandle } from './env';

/** A cancellable callback scheduled through the Env-style `schedule`. */
class Timer implements TimerHandle {
  /** Pending until it fires or is cancelled; either is final. */
  state: 'pending' | 'fired' | 'cancelled' = 'pending';
  constructor(readonly at: number, readonly fn: EventFn, readonly arg: unknown) {}
}

function fireTimer(timer: Timer): void {
  timer.state = 'fired';
  timer.fn(timer.arg);
}

/** What `run` reports at each progress tick. */
export interface Progress {
  readonly nowMs: number;
  readonly untilMs: number;
  readonly events: number;
}

export interface RunOptions {
  /** Stop when the next event is later than this simulated time (ms). */
  readonly untilMs: number;
  /** Safety bound on the number of events (default: unbounded). */
  readonly maxEvents?: number;
  /** Called every `progressEvery` events (default 65,536) with where the run is. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
}

/**
 * The simulation clock and event loop: now, schedule, step, run.
 *
 * Two ways in: `at(time, fn, arg)` is the allocation-free hot path for models (pass a
 * pre-bound function and the object it works on); `schedule(delay, fn)` is the Env verb
 * for components and returns a cancellable handle. Cancelled timers stay in the heap
 * until popped; when they outnumber live entries the heap is compacted, so memory is
 * bounded by live timers, not by how many were ever cancelled.
 */
export class Simulation {
  private readonly queue = new EventQueue();
  private clock = 0;
  private cancelledInQueue = 0;
  private stopRequested = false;
  /** Events executed so far (including cancelled timers skipped). */
  events = 0;

  now(): number {
    return this.clock;
  }

  /** Number of pending entries, including cancelled timers not yet removed. */
  get pending(): number {
    return this.queue.size;
  }

  /** Schedule `fn(arg)` at absolute time `time` (>= now). */
  at(time: number, fn: EventFn, arg?: unknown): void {
    if (!(time >= this.clock)) {
      throw new Error(`sim: cannot schedule at ${time} ms, before now (${this.clock} ms)`);
    }
    this.queue.push(time, fn, arg);
  }

  /** Schedule `fn` after `delayMs`; returns a handle for `cancel`. */
  schedule(delayMs: number, fn: () => void): TimerHandle {
    if (!(delayMs >= 0)) throw new Error(`sim: delay must be >= 0 ms, got ${delayMs}`);
    return this.timer(this.clock + delayMs, fn, undefined);
  }

  /** Like `at`, but cancellable: one small handle object, no closure. */
  timer(time: number, fn: EventFn, arg: unknown): TimerHandle {
    if (!(time >= this.clock)) {
      throw new Error(`sim: cannot schedule at ${time} ms, before now (${this.clock} ms)`);
    }
    const timer = new Timer(time, fn, arg);
    this.queue.push(time, fireTimer, timer);
    return timer;
  }

  cancel(handle: TimerHandle): void {
    const timer = handle as Timer;
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    this.cancelledInQueue++;
    if (this.cancelledInQueue > 4096 && this.cancelledInQueue * 2 > this.queue.size) this.compact();
  }

  /** Ask a running `run` to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Execute the next event. Returns false when there is none. */
  step(): boolean {
    const queue = this.queue;
    if (!queue.pop()) return false;
    this.clock = queue.time;
    this.events++;
    if (queue.fn === fireTimer && (queue.arg as Timer).state === 'cancelled') {
      this.cancelledInQueue--;
      return true;
    }
    queue.fn(queue.arg);
    return true;
  }

  /**
   * Run events up to `untilMs` (inclusive), then set the clock to `untilMs`.
   * Returns false if stopped early by `stop()` or `maxEvents`.
   */
  run(options: RunOptions): boolean {
    const { untilMs, onProgress } = options;
    const maxEvents = options.maxEvents ?? Infinity;
    const every = options.progressEvery ?? 65_536;
    const queue = this.queue;
    const start = this.events;
    let nextReport = this.events + every;
    this.stopRequested = false;
    while (queue.peekTime() <= untilMs) {
      this.step();
      if (this.events >= nextReport) {
        nextReport += every;
        onProgress?.({ nowMs: this.clock, untilMs, events: this.events });
        if (this.stopRequested) return false;
      }
      if (this.events - start >= maxEvents) return false;
    }
    if (untilMs > this.clock) this.clock = untilMs;
    return true;
  }

  private compact(): void {
    this.queue.filter((fn, arg) => !(fn === fireTimer && (arg as Timer).state === 'cancelled'));
    this.cancelledInQueue = 0;
  }
}
