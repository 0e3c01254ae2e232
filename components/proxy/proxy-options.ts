import { ComponentError } from '../errors';
import { checkKnownFields, checkOption, positiveDurationMs } from '../options/check-option';
import type { CircuitBreakerOptions } from '../resilience/circuit-breaker';
import type { HealthCheckerOptions } from '../resilience/health-checker';
import type { HedgingOptions } from '../resilience/hedging';
import type { OutlierDetectorOptions } from '../resilience/outlier-detector';
import type { RetryBudgetOptions } from '../resilience/retry-budget';
import type { RetryPolicyOptions } from '../resilience/retry-policy';

/**
 * Options of a ClientProxy: which resilience mechanisms it runs. Every field is off when
 * absent, and each mechanism present fills its own defaults (components/resilience/
 * defaults.ts), so `{}` is the plain path: one attempt per call, no timeout. The fields
 * are the scenario's `timeout` and resilience keys, durations in ms.
 */
export interface ProxyOptions {
  /**
   * Overall timeout of a call, ms, in (0, 3600000]; absent: none. It covers every attempt,
   * backoff and wait for a connection, as Envoy's route timeout does. When it fires the
   * call ends with 'timeout' and its attempts in flight are abandoned (the server is not
   * told, as with most RPC stacks).
   */
  readonly timeoutMs?: number;
  /**
   * Timeout of each attempt, ms, in (0, 3600000]; absent: none. Retries and hedges get
   * their own. A per-try timeout ends the attempt with 'timeout', which is retried only
   * when `retries.retryOn` has it. Shorter than the overall timeout to be of any use.
   */
  readonly perTryTimeoutMs?: number;
  /**
   * Retries (Envoy's route retry policy), and optionally a retry budget: with
   * `budgetPercent` the circuit breaker's retry limit follows the traffic instead of
   * `maxRetries`. Absent: no retries. Retries always come with a circuit breaker (Envoy
   * always has one), with `circuitBreaker`'s limits or the defaults. Exclusive with
   * `hedging`, as gRPC makes them per method.
   */
  readonly retries?: RetryPolicyOptions & RetryBudgetOptions;
  /** Hedged requests ("The Tail at Scale"); absent: none. Exclusive with `retries`. */
  readonly hedging?: HedgingOptions;
  /**
   * Envoy's circuit breaker limits; absent: none (unless `retries` is set, which brings
   * the defaults). Requests beyond `maxConnections` wait in the proxy's queue, up to
   * `maxPendingRequests`; beyond that, or beyond `maxRequests`, a call fails fast with
   * 'rejected'. The retry budget comes from `retries`, not from here.
   */
  readonly circuitBreaker?: Omit<CircuitBreakerOptions, 'retryBudget'>;
  /** Passive outlier detection over every attempt's outcome; absent: none. */
  readonly outlierDetection?: OutlierDetectorOptions;
  /** Active health checks of every host over `env.send`; absent: none. */
  readonly healthCheck?: HealthCheckerOptions;
}

const optionNames: readonly (keyof ProxyOptions)[] = [
  'timeoutMs',
  'perTryTimeoutMs',
  'retries',
  'hedging',
  'circuitBreaker',
  'outlierDetection',
  'healthCheck',
];

/**
 * Checks what the proxy itself reads of `options` (the nested mechanisms check their own
 * when they are built) and returns the timeouts. Throws a ComponentError naming the field.
 */
export function checkProxyOptions(options: ProxyOptions): { timeoutMs: number | undefined; perTryTimeoutMs: number | undefined } {
  checkKnownFields('proxy', options, optionNames);
  if (options.retries !== undefined && options.hedging !== undefined) {
    throw new ComponentError(
      'option.conflicting',
      'proxy: retries and hedging are both set; a call is either retried or hedged',
      'keep one of them: hedging for tail latency of idempotent requests, retries for failures (gRPC makes them exclusive per method)',
    );
  }
  return {
    timeoutMs: optional('timeoutMs', options.timeoutMs),
    perTryTimeoutMs: optional('perTryTimeoutMs', options.perTryTimeoutMs),
  };
}

function optional(field: 'timeoutMs' | 'perTryTimeoutMs', value: number | undefined): number | undefined {
  return value === undefined ? undefined : checkOption('proxy', field, value, 0, positiveDurationMs);
}
