import type { TimerHandle } from '../../sim/env';
import type { HedgedRequest } from '../resilience/hedging';
import type { ProxyAttempt } from './proxy-attempt';

/**
 * The proxy's record of one call: a logical request, carried by one or more attempts
 * (retries and hedges). The driver's own call type extends it with what the request is
 * (the model's `Call` adds its service demand and who waits for it), so one object per
 * call serves both sides. The fields below belong to the ClientProxy: a driver may read
 * them and never writes them.
 */
export class ProxyCall {
  /** True once the call has ended (the driver heard `callEnded`); later events for it are ignored. */
  done = false;
  /** The overall timeout, covering every attempt; undefined without one, and after it fired. */
  timer: TimerHandle | undefined = undefined;
  /**
   * Attempts in flight: `current` holds one (the common case, no allocation), `others`
   * the rest while hedging. Invariant: `others` is non-empty only while `current` is set.
   */
  private current: ProxyAttempt | undefined = undefined;
  private others: ProxyAttempt[] | undefined = undefined;
  /** Attempts sent so far without hedging; the next attempt's number. */
  attempts = 0;
  /** Retries decided so far (each one admitted by the retry policy and the breaker's retry limit). */
  retries = 0;
  /** True from a retry's admission by the breaker until that retry attempt ends (it holds a `retries` unit). */
  holdsRetry = false;
  /** The hedging state machine, when the proxy hedges. */
  hedge: HedgedRequest | undefined = undefined;

  constructor(
    /** Env time the call started, ms: its latency is measured from here. */
    readonly startedAtMs: number,
    /** Request key for hashing balancers; undefined when requests carry no key. */
    readonly key?: string,
  ) {}

  /** Count `attempt` as in flight. O(1). */
  track(attempt: ProxyAttempt): void {
    if (this.current === undefined) this.current = attempt;
    else (this.others ??= []).push(attempt);
  }

  /** Stop counting `attempt` as in flight. O(1) for the only attempt, O(hedges) otherwise. */
  untrack(attempt: ProxyAttempt): void {
    if (this.current === attempt) {
      this.current = this.others?.pop();
      return;
    }
    const others = this.others;
    if (others !== undefined) {
      const i = others.indexOf(attempt);
      if (i >= 0) others.splice(i, 1);
    }
  }

  /** Any attempt still in flight, or undefined. */
  anyInFlight(): ProxyAttempt | undefined {
    return this.current;
  }

  /** The attempt numbered `number` if it is still in flight. */
  findInFlight(number: number): ProxyAttempt | undefined {
    if (this.current?.number === number) return this.current;
    return this.others?.find((a) => a.number === number);
  }

  /** Attempts in flight now. */
  inFlightCount(): number {
    return this.current === undefined ? 0 : 1 + (this.others?.length ?? 0);
  }
}
