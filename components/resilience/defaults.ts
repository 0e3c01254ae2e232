/**
 * Defaults of the resilience components, one frozen profile per component. Each value
 * carries its source; components fill options in from here and nowhere else.
 */

/** Route retry policy (Envoy `RetryPolicy`, router filter docs). */
export const retryDefaults = Object.freeze({
  /** Envoy `num_retries` default 1: one retry doubles the worst-case load, not more. */
  max: 1,
  /**
   * Outcomes retried: Envoy's `5xx` condition covers error responses and resets. Per-try
   * timeouts are opt-in ('timeout'): retrying a slow host adds load exactly when it is
   * overloaded. Rejections (a full queue, an open breaker) are opt-in for the same reason.
   */
  retryOn: Object.freeze(['5xx', 'reset'] as const),
  /** Envoy's base interval B of the fully jittered exponential backoff, 25 ms. */
  baseBackoffMs: 25,
  /** Envoy's default cap on the backoff interval: 10 × the base, so 250 ms. */
  maxBackoffMs: 250,
  /** Largest `max` accepted: a limit on everything, far above any sane setting. */
  maxMax: 100,
});

/** Envoy cluster `retry_budget`. */
export const retryBudgetDefaults = Object.freeze({
  /** Concurrent retries as a share of active plus pending requests: Envoy's 20%. */
  budgetPercent: 20,
  /** Retries always allowed regardless of traffic: Envoy `min_retry_concurrency` 3. */
  minRetryConcurrency: 3,
});

/** Envoy cluster `circuit_breakers` thresholds (default priority). */
export const circuitBreakerDefaults = Object.freeze({
  /** Envoy `max_connections` 1024. */
  maxConnections: 1024,
  /** Envoy `max_pending_requests` 1024. */
  maxPendingRequests: 1024,
  /** Envoy `max_requests` 1024. */
  maxRequests: 1024,
  /** Envoy `max_retries` 3 (ignored when a retry budget is set, as in Envoy). */
  maxRetries: 3,
});

/** Envoy cluster `outlier_detection`. */
export const outlierDetectionDefaults = Object.freeze({
  /** Envoy `consecutive_5xx` 5. */
  consecutive5xx: 5,
  /** Envoy `enforcing_consecutive_5xx` 100%. */
  enforcingConsecutive5xxPercent: 100,
  /** Envoy `consecutive_gateway_failure` 5. */
  consecutiveGatewayFailure: 5,
  /** Envoy `enforcing_consecutive_gateway_failure` 0%: detected and counted, not enforced. */
  enforcingConsecutiveGatewayFailurePercent: 0,
  /** Envoy `interval` 10 s between ejection sweeps (success rate, un-ejection). */
  intervalMs: 10_000,
  /** Envoy `base_ejection_time` 30 s, multiplied by the host's ejection count. */
  baseEjectionTimeMs: 30_000,
  /** Envoy `max_ejection_time` 300 s: cap of base × multiplier. */
  maxEjectionTimeMs: 300_000,
  /** Envoy `max_ejection_percent` 10% (at least one host may always be ejected). */
  maxEjectionPercent: 10,
  /** Envoy `success_rate_minimum_hosts` 5. */
  successRateMinimumHosts: 5,
  /** Envoy `success_rate_request_volume` 100 requests per interval. */
  successRateRequestVolume: 100,
  /** Envoy `success_rate_stdev_factor` 1900 / 1000 = 1.9. */
  successRateStdevFactor: 1.9,
  /** Envoy `enforcing_success_rate` 100%. */
  enforcingSuccessRatePercent: 100,
});

/** Active health checking (Envoy `HealthCheck`, which has no default interval or timeout). */
export const healthCheckDefaults = Object.freeze({
  /**
   * Time between checks of one host: 5 s. Envoy requires it to be set; with the
   * threshold of 3 a dead host is out within about 15 s, of the order of outlier
   * detection's 10 s sweeps, for one small message per host every 5 s.
   */
  intervalMs: 5_000,
  /** Time to wait for a reply: 1 s, the Kubernetes probe default `timeoutSeconds`. */
  timeoutMs: 1_000,
  /** Consecutive failures before a healthy host is marked unhealthy: 3, HAProxy's `fall`. */
  unhealthyThreshold: 3,
  /** Consecutive successes before an unhealthy host is marked healthy: 2, HAProxy's `rise`. */
  healthyThreshold: 2,
});

/** Hedged requests (gRPC A6 `hedgingPolicy`; "The Tail at Scale"). */
export const hedgingDefaults = Object.freeze({
  /** Hedges after the first attempt: 1, the paper's deferred second request. */
  maxHedges: 1,
  /** Largest `maxHedges`: gRPC caps attempts at 5 (1 + 4 hedges). */
  maxHedgesMax: 4,
});
