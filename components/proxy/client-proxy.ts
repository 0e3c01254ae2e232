import type { Address, Env, Message, Rng } from '../../sim/env';
import type { Balancer } from '../balancer/balancer';
import { invariantError } from '../errors';
import { CircuitBreaker } from '../resilience/circuit-breaker';
import { CombinedHealth } from '../resilience/combined-health';
import { HealthChecker } from '../resilience/health-checker';
import { HedgingPolicy } from '../resilience/hedging';
import { OutlierDetector } from '../resilience/outlier-detector';
import { RetryPolicy } from '../resilience/retry-policy';
import type { ProxyAttempt } from './proxy-call';
import { findInFlight, trackAttempt, untrackAttempt, type ProxyCall } from './proxy-call';
import type { ProxyDriver } from './proxy-driver';
import { checkProxyOptions, type ProxyOptions } from './proxy-options';
import { outlierOutcome, retryOutcome, type RequestOutcome } from './request-outcome';

/** A request waiting for a connection (circuit breaker `maxConnections` reached), or told there is no host. */
interface Waiting<C> {
  readonly call: C;
  readonly number: number;
  readonly isRetry: boolean;
}

/**
 * The client side of a service call, as a client-side proxy (Envoy, gRPC, Finagle) runs
 * it, for one caller towards one upstream cluster: the balancer's pick and feedback,
 * overall and per-try timeouts, retries with jittered backoff under the circuit breaker's
 * retry limit or budget, hedging, circuit breaking with its queue of requests waiting for
 * a connection, passive outlier detection and active health checks. A sans-IO protocol
 * object (h11's and quinn-proto's `Connection`): time, timers and random numbers come
 * from the Env, and requests travel through the driver, which it tells what to send.
 *
 * Driver contract:
 * - Build it with the Env, a Balancer holding the upstream hosts, the driver and the
 *   options; `start()` once to begin outlier sweeps and health probes.
 * - `offer(call)` for each new call; the proxy sends attempts through
 *   `driver.createAttempt` + `driver.transmit` (now, or later for queued requests,
 *   retries and hedges) and ends the call with `driver.callEnded`.
 * - `answered(attempt, outcome)` when the answer of an attempt arrives; late answers (the
 *   proxy gave up on the attempt) are ignored.
 * - `receive(from, message)` for every message that arrives at the caller's address, when
 *   health checks are on; `setHosts` on discovery updates; `stop()` to cancel the
 *   background timers.
 *
 * Timers: the call's overall timeout and each attempt's per-try timeout (`env.at`, no
 * closure per timer), retry backoff, the hedge delay, outlier sweeps and health probes.
 * Random draws: `retry.backoff` (jitter), plus the streams of the balancer policy, the
 * health checker and the outlier detector. Metrics: `retries`, `retries.suppressed`
 * (refused by the breaker's retry limit), `hedges`, `circuitBreaker.rejections` (calls or
 * retries refused by the breaker), plus those of the breaker, the outlier detector and
 * the health checker.
 *
 * Without resilience options the path is the plain one: one attempt, one optional
 * timeout. The server is never told when the proxy gives up (timeout, hedge loser).
 */
export class ClientProxy<C extends ProxyCall = ProxyCall, A extends ProxyAttempt<C> = ProxyAttempt<C>> {
  readonly timeoutMs: number | undefined;
  readonly perTryTimeoutMs: number | undefined;
  readonly retry: RetryPolicy | undefined;
  /** Present with `circuitBreaker` or `retries` (Envoy always has one; a retry budget replaces its `maxRetries`). */
  readonly breaker: CircuitBreaker | undefined;
  readonly hedging: HedgingPolicy | undefined;
  readonly outliers: OutlierDetector | undefined;
  readonly health: HealthChecker | undefined;
  private readonly backoffRng: Rng;
  /**
   * Requests waiting for a connection, oldest first, from `waitingHead` on (a queue on an
   * array: no shift per dequeue). Each holds a `requests` and a `pendingRequests` unit.
   */
  private readonly waiting: Waiting<C>[] = [];
  private waitingHead = 0;
  /** Attempts sent and not yet ended (answered, timed out or abandoned). */
  private inFlightTotal = 0;

  // Bound once per proxy: the timers pass these and their record, so arming a timer makes
  // no closure (the M/M/4 full-path bench arms none, lb-policies one per call).
  private readonly onTimeout = (call: C) => this.timedOut(call);
  private readonly onPerTryTimeout = (attempt: ProxyAttempt) => this.attemptDone(attempt, 'timeout');
  private readonly onRetry = (call: C) => this.retryNow(call);
  private readonly onNoHost = (item: Waiting<C>) => this.attemptEnded(item.call, item.number, 'no-host');

  /**
   * @param env time, timers, random streams and metrics; health probes go out with `env.send`
   * @param balancer the hosts of the upstream cluster and the policy that picks among them;
   *   outlier detection and health checks mark hosts through `setHealthy`
   * @param driver carries attempts and hears how calls ended
   * @param options which mechanisms run; see ProxyOptions
   */
  constructor(
    private readonly env: Env,
    readonly balancer: Balancer,
    private readonly driver: ProxyDriver<C, A>,
    options: ProxyOptions = {},
  ) {
    const { timeoutMs, perTryTimeoutMs } = checkProxyOptions(options);
    this.timeoutMs = timeoutMs;
    this.perTryTimeoutMs = perTryTimeoutMs;
    this.backoffRng = env.rng('retry.backoff');
    if (options.retries !== undefined) {
      const { budgetPercent, minRetryConcurrency, ...policy } = options.retries;
      this.retry = new RetryPolicy(policy);
      const retryBudget = budgetPercent === undefined ? undefined : { budgetPercent, ...(minRetryConcurrency === undefined ? {} : { minRetryConcurrency }) };
      this.breaker = new CircuitBreaker(env, { ...options.circuitBreaker, ...(retryBudget ? { retryBudget } : {}) });
    } else if (options.circuitBreaker !== undefined) {
      this.breaker = new CircuitBreaker(env, options.circuitBreaker);
    }
    if (options.hedging !== undefined) this.hedging = new HedgingPolicy(options.hedging);
    // One healthy flag per host from both sources, so a passed health check cannot put
    // back a host the outlier detector holds out (Envoy's per-source health flags).
    const health = new CombinedHealth((id, healthy) => this.balancer.setHealthy(id, healthy));
    const hosts = balancer.endpoints().map((h) => h.id);
    if (options.outlierDetection !== undefined) {
      this.outliers = new OutlierDetector(env, health.listener('outlier'), options.outlierDetection);
      this.outliers.setHosts(hosts);
    }
    if (options.healthCheck !== undefined) {
      this.health = new HealthChecker(env, health.listener('health-check'), options.healthCheck);
      this.health.setHosts(hosts);
    }
  }

  /** Start the background work: outlier-detection sweeps, then health probes. Idempotent. */
  start(): void {
    this.outliers?.start();
    this.health?.start();
  }

  /** Cancel the background timers (sweeps, probes). Calls in flight go on. */
  stop(): void {
    this.outliers?.stop();
    this.health?.stop();
  }

  /**
   * Replace the upstream hosts (a discovery update): the balancer keeps the state of hosts
   * that stay, outlier detection and health checks follow the new set. O(hosts).
   */
  setHosts(endpoints: readonly { id: Address; weight?: number }[]): void {
    this.balancer.setHosts(endpoints);
    const ids = this.balancer.endpoints().map((h) => h.id);
    this.outliers?.setHosts(ids);
    this.health?.setHosts(ids);
  }

  /** A message arrived at the caller: a health-check reply is taken; returns false for anything else. */
  receive(from: Address, message: Message): boolean {
    return this.health?.receive(from, message) ?? false;
  }

  /** Time the hosts outlier detection has ejected now have been out, ms (0 without it). */
  ejectedSoFarMs(): number {
    return this.outliers?.ejectedSoFarMs() ?? 0;
  }

  /** Attempts sent and not yet ended. */
  get attemptsInFlight(): number {
    return this.inFlightTotal;
  }

  /** Requests waiting for a connection (circuit breaker `maxConnections` reached). */
  get waitingCount(): number {
    return this.waiting.length - this.waitingHead;
  }

  /** Start a call: arm the overall timeout and send the first attempt (or start hedging). */
  offer(call: C): void {
    if (this.timeoutMs !== undefined) call.timer = this.env.at(this.env.now() + this.timeoutMs, this.onTimeout, call);
    if (this.hedging !== undefined) {
      call.hedge = this.hedging.begin(this.env, {
        send: (number) => this.admit(call, number, false),
        cancel: (number) => this.abandon(call, number),
      });
      call.hedge.start();
      return;
    }
    this.admit(call, call.attempts++, false);
  }

  /** The answer of `attempt` arrived, success or failure. */
  answered(attempt: A, outcome: RequestOutcome): void {
    this.attemptDone(attempt, outcome);
  }

  // --- admission (circuit breaker) ---------------------------------------------------

  private admit(call: C, number: number, isRetry: boolean): void {
    if (number > 0 && call.hedge !== undefined) this.env.metrics.count('hedges');
    const breaker = this.breaker;
    if (breaker !== undefined) {
      if (!breaker.tryAcquire('requests')) return this.overflow(call, number, isRetry);
      if (!breaker.tryAcquire('connections')) {
        if (!breaker.tryAcquire('pendingRequests')) {
          breaker.release('requests');
          return this.overflow(call, number, isRetry);
        }
        this.waiting.push({ call, number, isRetry });
        return;
      }
    }
    this.send(call, number, isRetry);
  }

  private overflow(call: C, number: number, isRetry: boolean): void {
    this.env.metrics.count('circuitBreaker.rejections');
    if (isRetry) this.releaseRetry(call);
    this.attemptEnded(call, number, 'rejected');
  }

  /** Give the resources of a finished attempt back, and let waiting requests have the connection. */
  private releaseAttempt(attempt: ProxyAttempt): void {
    const breaker = this.breaker;
    if (breaker === undefined) return;
    breaker.release('requests');
    breaker.release('connections');
    if (attempt.isRetry) this.releaseRetry(attempt.call as C);
    while (this.waitingHead < this.waiting.length && breaker.tryAcquire('connections')) {
      const next = this.waiting[this.waitingHead++]!;
      breaker.release('pendingRequests');
      if (next.call.done) {
        breaker.release('requests');
        breaker.release('connections');
        if (next.isRetry) this.releaseRetry(next.call);
        continue;
      }
      this.send(next.call, next.number, next.isRetry);
    }
    if (this.waitingHead === this.waiting.length) {
      this.waiting.length = 0;
      this.waitingHead = 0;
    }
  }

  private releaseRetry(call: C): void {
    if (!call.holdsRetry) return;
    call.holdsRetry = false;
    this.breaker!.release('retries');
  }

  // --- attempts ------------------------------------------------------------------------

  private send(call: C, number: number, isRetry: boolean): void {
    const host = this.balancer.pick(call.key === undefined ? undefined : call);
    if (host === undefined) {
      if (this.breaker !== undefined) {
        this.breaker.release('requests');
        this.breaker.release('connections');
      }
      if (isRetry) this.releaseRetry(call);
      // Answer on the next event, never inside the caller's own stack.
      this.env.at(this.env.now(), this.onNoHost, { call, number, isRetry });
      return;
    }
    const now = this.env.now();
    const attempt = this.driver.createAttempt(call, host, number, isRetry, now);
    trackAttempt(call, attempt);
    this.inFlightTotal++;
    this.balancer.onStart(host);
    if (this.perTryTimeoutMs !== undefined) attempt.timer = this.env.at(now + this.perTryTimeoutMs, this.onPerTryTimeout, attempt);
    this.driver.transmit(attempt);
  }

  /** An attempt ended: answered, or its per-try timeout fired. */
  private attemptDone(attempt: ProxyAttempt, outcome: RequestOutcome): void {
    if (attempt.done) return; // the proxy gave up on it already
    this.close(attempt, outcome === 'ok');
    this.outliers?.recordResult(attempt.host.id, outlierOutcome(outcome));
    this.attemptEnded(attempt.call as C, attempt.number, outcome);
  }

  /** Stop waiting for `attempt` (answered, timed out or abandoned) and free what it held. */
  private close(attempt: ProxyAttempt, ok: boolean): void {
    attempt.done = true;
    if (attempt.timer !== undefined) this.env.cancel(attempt.timer);
    untrackAttempt(attempt.call, attempt);
    this.inFlightTotal--;
    this.balancer.onEnd(attempt.host, this.env.now() - attempt.sentAtMs, ok);
    this.releaseAttempt(attempt);
  }

  /** Decide what an ended attempt means for its call: done, retry, or wait for hedges. */
  private attemptEnded(call: C, number: number, outcome: RequestOutcome): void {
    if (call.done) return;
    if (call.hedge !== undefined) {
      const state = call.hedge.onAttemptEnd(number, outcome === 'ok');
      if (state === 'won') this.finish(call, 'ok');
      else if (state === 'failed') this.finish(call, outcome);
      return;
    }
    if (outcome !== 'ok' && outcome !== 'no-host' && this.retryAdmitted(call, outcome)) {
      call.retries++;
      this.env.metrics.count('retries');
      const delay = this.retry!.backoffMs(call.retries - 1, this.backoffRng);
      this.env.at(this.env.now() + delay, this.onRetry, call);
      return;
    }
    this.finish(call, outcome);
  }

  /** Asks the retry policy, then the breaker's retry limit (or budget); a yes holds a `retries` unit. */
  private retryAdmitted(call: C, outcome: Exclude<RequestOutcome, 'ok' | 'no-host'>): boolean {
    if (this.retry === undefined) return false;
    if (!this.retry.shouldRetry(retryOutcome(outcome), call.retries)) return false;
    if (!this.breaker!.tryAcquire('retries')) {
      this.env.metrics.count('retries.suppressed');
      return false;
    }
    call.holdsRetry = true;
    return true;
  }

  private retryNow(call: C): void {
    if (call.done) {
      this.releaseRetry(call);
      return;
    }
    this.admit(call, call.attempts++, true);
  }

  /** A hedge lost, or the call gave up: stop waiting for attempt `number`. */
  private abandon(call: C, number: number): void {
    const attempt = findInFlight(call, number);
    if (attempt !== undefined) this.close(attempt, false);
  }

  private abandonAll(call: C): void {
    for (let a = call.inFlight; a !== undefined; a = call.inFlight) this.close(a, false);
  }

  private timedOut(call: C): void {
    call.timer = undefined;
    call.hedge?.cancel();
    this.abandonAll(call);
    this.finish(call, 'timeout');
  }

  private finish(call: C, outcome: RequestOutcome): void {
    if (call.done) return;
    call.done = true;
    if (call.timer !== undefined) this.env.cancel(call.timer);
    // Hedge losers still in flight are abandoned, not awaited.
    this.abandonAll(call);
    this.driver.callEnded(call, outcome, this.env.now() - call.startedAtMs);
  }

  /**
   * Throws unless the breaker's counts match what the proxy holds: every attempt in flight
   * holds a connection and a request, every waiting request a pending unit and a request.
   * Call between events (not from inside a driver hook).
   */
  checkInvariants(): void {
    if (!(this.inFlightTotal >= 0)) throw invariantError('proxy.invariant-violated', `proxy: invariant violated: ${this.inFlightTotal} attempts in flight`);
    if (!(this.waitingHead <= this.waiting.length)) {
      throw invariantError('proxy.invariant-violated', `proxy: invariant violated: waiting queue head ${this.waitingHead} past its end ${this.waiting.length}`);
    }
    const breaker = this.breaker;
    if (breaker === undefined) return;
    breaker.checkInvariants();
    const check = (what: string, count: number, expected: number) => {
      if (count !== expected) {
        throw invariantError('proxy.invariant-violated', `proxy: invariant violated at ${this.env.now()} ms: breaker ${what} ${count}, expected ${expected}`);
      }
    };
    check('connections', breaker.active('connections'), this.inFlightTotal);
    check('pendingRequests', breaker.active('pendingRequests'), this.waitingCount);
    check('requests', breaker.active('requests'), this.inFlightTotal + this.waitingCount);
  }
}
