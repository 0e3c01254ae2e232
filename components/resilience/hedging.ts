import type { Env, TimerHandle } from '../../sim/env';
import { ComponentError } from '../errors';
import { checkKnownFields, checkOption, positiveDurationMs } from '../options/check-option';
import { hedgingDefaults } from './defaults';

/** Options of request hedging (scenario `hedging:`). */
export interface HedgingOptions {
  /**
   * Wait after the last attempt before sending a hedge, ms (required, in (0, 3600000]).
   * Around the p95 latency: hedges then cost about 5% more requests and cut the tail.
   */
  readonly delayMs: number;
  /** Hedges after the first attempt (default 1, integer in [0, 4]; 0 turns hedging off). */
  readonly maxHedges?: number;
}

/** What the caller does for a hedged request; attempts are numbered 0, 1, 2, ... */
export interface HedgeCallbacks {
  /** Send attempt `attempt` (pick a host, start the request). */
  send(attempt: number): void;
  /** Cancel attempt `attempt`, still in flight, that lost the race. */
  cancel(attempt: number): void;
}

/** 'won': an attempt succeeded, the losers were cancelled. 'failed': every attempt failed. */
export type HedgeState = 'pending' | 'won' | 'failed';

const optionNames: readonly (keyof HedgingOptions)[] = ['delayMs', 'maxHedges'];

/**
 * Hedged requests ("The Tail at Scale", Dean and Barroso 2013; gRPC A6 hedging): send
 * the request, and if no answer came within `delayMs` send the same request again to
 * another host, up to `maxHedges` extra copies, one `delayMs` apart. The first success
 * wins and every other attempt still in flight is cancelled. A failed attempt sends the
 * next hedge at once, if any is left (gRPC A6); the request fails when every attempt
 * sent has failed and no hedge is left. Only idempotent requests should be hedged.
 */
export class HedgingPolicy {
  readonly delayMs: number;
  readonly maxHedges: number;

  constructor(options: HedgingOptions) {
    checkKnownFields('hedging', options, optionNames);
    if (options.delayMs === undefined) {
      throw new ComponentError(
        'option.missing',
        'hedging: delayMs is required (a duration in ms)',
        'hedge after about the p95 latency of the request ("The Tail at Scale"), e.g. delayMs: 50',
      );
    }
    this.delayMs = checkOption('hedging', 'delayMs', options.delayMs, 0, positiveDurationMs);
    this.maxHedges = checkOption('hedging', 'maxHedges', options.maxHedges, hedgingDefaults.maxHedges, {
      min: 0,
      max: hedgingDefaults.maxHedgesMax,
      integer: true,
    });
  }

  /** Track one request; call `start` on the result to send the first attempt. */
  begin(env: Env, callbacks: HedgeCallbacks): HedgedRequest {
    return new HedgedRequest(env, this, callbacks);
  }
}

/** The state of one hedged request: attempts sent, in flight, and the hedge timer. */
export class HedgedRequest {
  private state: HedgeState = 'pending';
  /** Attempts sent so far (first attempt included); at most 1 + maxHedges. */
  private sentCount = 0;
  /** Attempts sent and not yet ended, by number. */
  private readonly inFlight = new Set<number>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly env: Env,
    private readonly policy: HedgingPolicy,
    private readonly callbacks: HedgeCallbacks,
  ) {}

  get attemptsSent(): number {
    return this.sentCount;
  }

  get result(): HedgeState {
    return this.state;
  }

  /** Send attempt 0 and arm the hedge timer. */
  start(): void {
    if (this.sentCount !== 0) throw new ComponentError('resilience.started-twice', 'hedging: start called twice');
    this.sendNext();
  }

  /** Attempt `attempt` ended; returns the request's state after it. */
  onAttemptEnd(attempt: number, ok: boolean): HedgeState {
    if (this.state !== 'pending' || !this.inFlight.delete(attempt)) return this.state;
    if (ok) {
      this.finish('won');
      for (const loser of this.inFlight) this.callbacks.cancel(loser);
      this.inFlight.clear();
    } else if (this.sentCount <= this.policy.maxHedges) {
      this.sendNext();
    } else if (this.inFlight.size === 0) {
      this.finish('failed');
    }
    return this.state;
  }

  /** Give up (e.g. the overall timeout fired): cancel every attempt in flight. */
  cancel(): void {
    if (this.state !== 'pending') return;
    this.finish('failed');
    for (const attempt of this.inFlight) this.callbacks.cancel(attempt);
    this.inFlight.clear();
  }

  private sendNext(): void {
    if (this.timer !== undefined) this.env.cancel(this.timer);
    this.timer = undefined;
    const attempt = this.sentCount++;
    this.inFlight.add(attempt);
    if (this.sentCount <= this.policy.maxHedges) {
      this.timer = this.env.schedule(this.policy.delayMs, () => {
        this.timer = undefined;
        this.sendNext();
      });
    }
    this.callbacks.send(attempt);
  }

  private finish(state: HedgeState): void {
    this.state = state;
    if (this.timer !== undefined) this.env.cancel(this.timer);
    this.timer = undefined;
  }
}
