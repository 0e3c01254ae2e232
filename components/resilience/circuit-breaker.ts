import type { Env } from '../../sim/env';
import { ComponentError, invariantError } from '../errors';
import { checkKnownFields, checkOption } from '../options/check-option';
import { circuitBreakerDefaults } from './defaults';
import { RetryBudget, type RetryBudgetOptions } from './retry-budget';

/** What a circuit breaker limits, as Envoy's per-cluster thresholds. */
export type BreakerResource = 'connections' | 'pendingRequests' | 'requests' | 'retries';

const resources: readonly BreakerResource[] = ['connections', 'pendingRequests', 'requests', 'retries'];

/** Options of a circuit breaker (scenario `circuitBreaker:`). Limits are integers in [0, 1e9]. */
export interface CircuitBreakerOptions {
  /** Envoy `max_connections` (default 1024): open connections to the cluster. */
  readonly maxConnections?: number;
  /** Envoy `max_pending_requests` (default 1024): requests queued waiting for a connection. */
  readonly maxPendingRequests?: number;
  /** Envoy `max_requests` (default 1024): requests in flight to the cluster. */
  readonly maxRequests?: number;
  /** Envoy `max_retries` (default 3): retries in flight; ignored when `retryBudget` is set. */
  readonly maxRetries?: number;
  /** Envoy `retry_budget`: when present, the retry limit follows the traffic instead. */
  readonly retryBudget?: RetryBudgetOptions;
  /** Prefix of this breaker's metric names (default 'circuitBreaker'). */
  readonly metricPrefix?: string;
}

const optionNames: readonly (keyof CircuitBreakerOptions)[] = [
  'maxConnections',
  'maxPendingRequests',
  'maxRequests',
  'maxRetries',
  'retryBudget',
  'metricPrefix',
];

const limitRange = { min: 0, max: 1_000_000_000, integer: true } as const;

/**
 * Envoy's circuit breakers: hard caps on connections, pending requests, requests and
 * retries in flight to one upstream cluster, per caller. A caller asks before it opens a
 * connection, queues a request, sends a request or sends a retry; when the count is at
 * its limit the answer is no and the caller fails fast (Envoy answers 503 with
 * `x-envoy-overloaded`) instead of piling more work on a struggling cluster.
 *
 * Driver contract: every successful `tryAcquire(r)` is matched by exactly one
 * `release(r)` when that thing ends (a retry is also a request: acquire both). Each
 * refusal counts `<prefix>.overflow.<resource>` in env.metrics. Unlike Envoy's, whose
 * counters are shared by worker threads and can briefly overshoot, these limits are exact.
 */
export class CircuitBreaker {
  private readonly limits: Record<BreakerResource, number>;
  private readonly counts: Record<BreakerResource, number> = { connections: 0, pendingRequests: 0, requests: 0, retries: 0 };
  private readonly overflows: Record<BreakerResource, number> = { connections: 0, pendingRequests: 0, requests: 0, retries: 0 };
  /** Present when the retry limit is a budget over active and pending requests. */
  readonly retryBudget: RetryBudget | undefined;
  readonly metricPrefix: string;

  constructor(
    private readonly env: Env,
    options: CircuitBreakerOptions = {},
  ) {
    checkKnownFields('circuit-breaker', options, optionNames);
    const limit = (field: keyof typeof circuitBreakerDefaults): number =>
      checkOption('circuit-breaker', field, options[field], circuitBreakerDefaults[field], limitRange);
    this.limits = {
      connections: limit('maxConnections'),
      pendingRequests: limit('maxPendingRequests'),
      requests: limit('maxRequests'),
      retries: limit('maxRetries'),
    };
    this.retryBudget = options.retryBudget === undefined ? undefined : new RetryBudget(options.retryBudget);
    this.metricPrefix = options.metricPrefix ?? 'circuitBreaker';
  }

  /** Take one unit of `resource`; false (and an overflow counted) when at the limit. */
  tryAcquire(resource: BreakerResource): boolean {
    if (this.counts[resource] >= this.limit(resource)) {
      this.overflows[resource]++;
      this.env.metrics.count(`${this.metricPrefix}.overflow.${resource}`);
      return false;
    }
    this.counts[resource]++;
    return true;
  }

  /** Give back one unit of `resource` taken with `tryAcquire`. */
  release(resource: BreakerResource): void {
    if (this.counts[resource] <= 0) {
      throw new ComponentError(
        'resilience.release-without-acquire',
        `circuit-breaker: release of ${resource} at ${this.env.now()} ms without a matching tryAcquire`,
      );
    }
    this.counts[resource]--;
  }

  /** Units of `resource` in use. */
  active(resource: BreakerResource): number {
    return this.counts[resource];
  }

  /** Current limit of `resource`; for retries under a budget it moves with the traffic. */
  limit(resource: BreakerResource): number {
    if (resource === 'retries' && this.retryBudget !== undefined) {
      return this.retryBudget.maxRetries(this.counts.requests, this.counts.pendingRequests);
    }
    return this.limits[resource];
  }

  /** Refusals of `resource` since construction. */
  overflowCount(resource: BreakerResource): number {
    return this.overflows[resource];
  }

  /** Throws if a count is negative or not an integer. Counts may exceed a budget that shrank. */
  checkInvariants(): void {
    for (const resource of resources) {
      const count = this.counts[resource];
      if (!(Number.isInteger(count) && count >= 0)) {
        throw invariantError('resilience.invariant-violated', `circuit-breaker: invariant violated: ${resource} count ${count}`);
      }
      if (resource !== 'retries' || this.retryBudget === undefined) {
        if (count > this.limits[resource]) {
          throw invariantError('resilience.invariant-violated', `circuit-breaker: invariant violated: ${resource} ${count} over limit`);
        }
      }
    }
  }
}
