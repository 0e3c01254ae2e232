import type { Address, Rng } from '../../sim/env';
import type { MetricsRegistry } from '../../sim/metrics';
import type { SimEnv } from '../../sim/sim-env';
import type { Simulation } from '../../sim/simulation';
import type { Balancer } from '../../components/balancer/balancer';
import { CircuitBreaker } from '../../components/resilience/circuit-breaker';
import { CombinedHealth } from '../../components/resilience/combined-health';
import { HealthChecker } from '../../components/resilience/health-checker';
import { HedgingPolicy } from '../../components/resilience/hedging';
import { OutlierDetector, type ResultOutcome } from '../../components/resilience/outlier-detector';
import { RetryPolicy } from '../../components/resilience/retry-policy';
import type { Sampler } from '../sampling/distributions';
import type { Network } from './network';
import { Attempt, deliverRequest, type Call, type Outcome, type RequestReceiver, type ResponseReceiver } from './request';
import type { ResilienceSpec } from '../scenario/types';

export interface CallerOptions {
  /** Overall timeout of a call, every attempt included. */
  readonly timeoutMs?: number;
  readonly requestSizeBytes: number;
  readonly resilience: ResilienceSpec;
  /** Service time of the target, for retries and hedges (a new execution costs a new draw). */
  readonly demand: Sampler;
}

/** A request waiting for a connection (circuit breaker `maxConnections` reached). */
interface Queued {
  readonly call: Call;
  readonly number: number;
  readonly isRetry: boolean;
}

/**
 * The calling side of the request path, as a client-side proxy (Envoy, gRPC, Finagle)
 * runs it: pick a host with the real balancer, send over the modelled network, and apply
 * the real resilience components — overall and per-try timeouts, retries with jittered
 * backoff and a budget, hedging, circuit breaking, outlier detection, active health checks.
 * One Caller per (client instance | replica, target service), each with its own state.
 *
 * Without resilience settings the path is the plain one: one attempt, one optional timeout.
 * Server-side work is not cancelled when a caller gives up (timeout, hedge loser): the
 * server does not know, as with most real RPC stacks.
 */
export class Caller implements ResponseReceiver {
  private readonly perTryTimeoutMs: number | undefined;
  private readonly retry: RetryPolicy | undefined;
  private readonly breaker: CircuitBreaker | undefined;
  private readonly hedging: HedgingPolicy | undefined;
  private readonly outliers: OutlierDetector | undefined;
  private readonly health: HealthChecker | undefined;
  private readonly backoffRng: Rng;
  /** Fresh demands of retries and hedges: the caller's own stream, so the workload's stays untouched. */
  private readonly demandRng: Rng;
  private readonly waiting: Queued[] = [];
  private waitingHead = 0;

  private readonly onTimeout = (call: Call) => this.timedOut(call);
  private readonly onPerTryTimeout = (attempt: Attempt) => this.attemptDone(attempt, 'timeout');
  private readonly onRetry = (call: Call) => this.retryNow(call);
  private readonly onNoHost = (item: Queued) => this.attemptEnded(item.call, item.number, 'no-host');

  constructor(
    private readonly sim: Simulation,
    private readonly network: Network,
    readonly address: Address,
    readonly balancer: Balancer,
    private readonly receivers: ReadonlyMap<Address, RequestReceiver>,
    private readonly options: CallerOptions,
    private readonly env: SimEnv,
    private readonly metrics: MetricsRegistry,
  ) {
    const r = options.resilience;
    this.perTryTimeoutMs = r.perTryTimeoutMs;
    this.backoffRng = env.rng('retry.backoff');
    this.demandRng = env.rng('attempt.demand');
    if (r.retries !== undefined) {
      const { budgetPercent, minRetryConcurrency, ...policy } = r.retries;
      this.retry = new RetryPolicy(policy);
      // Envoy always has a breaker; a retry budget replaces its max_retries.
      const retryBudget = budgetPercent === undefined ? undefined : { budgetPercent, ...(minRetryConcurrency === undefined ? {} : { minRetryConcurrency }) };
      this.breaker = new CircuitBreaker(env, { ...r.circuitBreaker, ...(retryBudget ? { retryBudget } : {}) });
    } else if (r.circuitBreaker !== undefined) {
      this.breaker = new CircuitBreaker(env, r.circuitBreaker);
    }
    if (r.hedging !== undefined) this.hedging = new HedgingPolicy(r.hedging);
    const health = new CombinedHealth((id, healthy) => this.balancer.setHealthy(id, healthy));
    const hosts = balancer.endpoints().map((h) => h.id);
    if (r.outlierDetection !== undefined) {
      this.outliers = new OutlierDetector(env, health.listener('outlier'), r.outlierDetection);
      this.outliers.setHosts(hosts);
      this.outliers.start();
    }
    if (r.healthCheck !== undefined) {
      this.health = new HealthChecker(env, health.listener('health-check'), r.healthCheck);
      this.health.setHosts(hosts);
      env.listen((from, message) => this.health!.receive(from, message));
      this.health.start();
    }
  }

  /** Time the hosts outlier detection has ejected now have been out (0 without it). */
  ejectedSoFarMs(): number {
    return this.outliers?.ejectedSoFarMs() ?? 0;
  }

  /**
   * Replace the endpoints (a discovery update): the balancer keeps the state of hosts that
   * stay, outlier detection and health checks follow the new set.
   */
  setHosts(endpoints: readonly { id: Address; weight?: number }[]): void {
    this.balancer.setHosts(endpoints.filter((e) => this.receivers.has(e.id)));
    const ids = this.balancer.endpoints().map((h) => h.id);
    this.outliers?.setHosts(ids);
    this.health?.setHosts(ids);
  }

  /** Start a call: arm the overall timeout and send the first attempt (or start hedging). */
  start(call: Call): void {
    if (this.options.timeoutMs !== undefined) {
      call.timer = this.sim.timer(this.sim.now() + this.options.timeoutMs, this.onTimeout, call);
    }
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

  /** A response (success or failure) arrived for `attempt`. */
  responded(attempt: Attempt): void {
    this.attemptDone(attempt, attempt.outcome);
  }

  // --- admission (circuit breaker) ---------------------------------------------------

  private admit(call: Call, number: number, isRetry: boolean): void {
    if (number > 0 && call.hedge !== undefined) this.metrics.count('hedges');
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

  private overflow(call: Call, number: number, isRetry: boolean): void {
    this.metrics.count('circuitBreaker.rejections');
    if (isRetry) this.releaseRetry(call);
    this.attemptEnded(call, number, 'rejected');
  }

  /** Give the resources of a finished attempt back, and let a waiting request have the connection. */
  private releaseAttempt(attempt: Attempt): void {
    const breaker = this.breaker;
    if (breaker === undefined) return;
    breaker.release('requests');
    breaker.release('connections');
    if (attempt.isRetry) this.releaseRetry(attempt.call);
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

  private releaseRetry(call: Call): void {
    if (!call.holdsRetry) return;
    call.holdsRetry = false;
    this.breaker!.release('retries');
  }

  // --- attempts ------------------------------------------------------------------------

  private send(call: Call, number: number, isRetry: boolean): void {
    const host = this.balancer.pick(call.key === undefined ? undefined : call);
    if (host === undefined) {
      // Answer on the next event, never inside the caller's own stack.
      if (this.breaker !== undefined) {
        this.breaker.release('requests');
        this.breaker.release('connections');
      }
      if (isRetry) this.releaseRetry(call);
      this.sim.at(this.sim.now(), this.onNoHost, { call, number, isRetry });
      return;
    }
    const receiver = this.receivers.get(host.id);
    if (receiver === undefined) throw new Error(`model: no replica at ${host.id} (caller ${this.address})`);
    const now = this.sim.now();
    const attempt = new Attempt(call, host, this.address, now, this, receiver);
    attempt.number = number;
    attempt.isRetry = isRetry;
    // A retry or hedge is another execution on (usually) another host: its own service time.
    if (number > 0) attempt.demandMs = this.options.demand(this.demandRng);
    call.track(attempt);
    this.balancer.onStart(host);
    if (this.perTryTimeoutMs !== undefined) attempt.timer = this.sim.timer(now + this.perTryTimeoutMs, this.onPerTryTimeout, attempt);
    this.network.transmit(this.address, host.id, this.options.requestSizeBytes, deliverRequest, attempt);
  }

  /** An attempt ended: answered, or its per-try timeout fired. */
  private attemptDone(attempt: Attempt, outcome: Outcome): void {
    if (attempt.done) return; // the caller gave up on it already
    this.close(attempt, outcome === 'ok');
    this.outliers?.recordResult(attempt.host.id, outlierOutcome(outcome));
    this.attemptEnded(attempt.call, attempt.number, outcome);
  }

  /** Stop waiting for `attempt` (answered, timed out or abandoned) and free what it held. */
  private close(attempt: Attempt, ok: boolean): void {
    attempt.done = true;
    if (attempt.timer !== undefined) this.sim.cancel(attempt.timer);
    attempt.call.untrack(attempt);
    this.balancer.onEnd(attempt.host, this.sim.now() - attempt.sentAt, ok);
    this.releaseAttempt(attempt);
  }

  /** Decide what an ended attempt means for its call: done, retry, or wait for hedges. */
  private attemptEnded(call: Call, number: number, outcome: Outcome): void {
    if (call.done) return;
    if (call.hedge !== undefined) {
      const state = call.hedge.onAttemptEnd(number, outcome === 'ok');
      if (state === 'won') this.finish(call, 'ok');
      else if (state === 'failed') this.finish(call, outcome);
      return;
    }
    if (outcome !== 'ok' && this.retryAdmitted(call, outcome)) {
      call.retries++;
      this.metrics.count('retries');
      const delay = this.retry!.backoffMs(call.retries - 1, this.backoffRng);
      this.sim.at(this.sim.now() + delay, this.onRetry, call);
      return;
    }
    this.finish(call, outcome);
  }

  private retryAdmitted(call: Call, outcome: Outcome): boolean {
    if (this.retry === undefined || outcome === 'no-host') return false;
    if (!this.retry.shouldRetry(outcome === 'error' ? '5xx' : outcome, call.retries)) return false;
    if (!this.breaker!.tryAcquire('retries')) {
      this.metrics.count('retries.suppressed');
      return false;
    }
    call.holdsRetry = true;
    return true;
  }

  private retryNow(call: Call): void {
    if (call.done) {
      this.releaseRetry(call);
      return;
    }
    this.admit(call, call.attempts++, true);
  }

  /** A hedge lost, or the call gave up: stop waiting for attempt `number`. */
  private abandon(call: Call, number: number): void {
    const attempt = call.findInFlight(number);
    if (attempt !== undefined) this.close(attempt, false);
  }

  private abandonAll(call: Call): void {
    for (let a = call.anyInFlight(); a !== undefined; a = call.anyInFlight()) this.close(a, false);
  }

  private timedOut(call: Call): void {
    call.timer = undefined;
    call.hedge?.cancel();
    this.abandonAll(call);
    this.finish(call, 'timeout');
  }

  private finish(call: Call, outcome: Outcome): void {
    if (call.done) return;
    call.done = true;
    if (call.timer !== undefined) this.sim.cancel(call.timer);
    // Hedge losers still in flight are abandoned, not awaited.
    this.abandonAll(call);
    call.listener.callEnded(call, outcome, this.sim.now() - call.startedAt);
  }
}

/** What outlier detection hears of an attempt (Envoy's result types). */
function outlierOutcome(outcome: Outcome): ResultOutcome {
  switch (outcome) {
    case 'ok':
      return 'ok';
    case 'reset':
      return 'reset';
    case 'timeout':
      return 'timeout';
    default:
      return '5xx';
  }
}
