/**
 * Schema of the resilience settings a caller (a client, or a service for its downstream
 * calls) may carry: per-try timeout, retries, hedging, circuit breaker, outlier detection
 * and active health checks. Keys are the component options' names without the `Ms`
 * suffix (units are written in the file); `normaliseResilience` maps them to the
 * components' option objects, and the components fill their own defaults.
 */
import { z } from 'zod';
import { circuitBreakerDefaults, healthCheckDefaults, hedgingDefaults, outlierDetectionDefaults, retryBudgetDefaults, retryDefaults } from '../../components/resilience/index';
import type { ResilienceSpec } from './types';
import { encodeDetail, explained, integerBetween, nonNegativeInteger, numberBetween, oneOf, percent, positiveDuration, positiveInteger } from './fields';

const ms = (x: number) => (x % 1000 === 0 ? `${x / 1000}s` : `${x}ms`);

const retries = explained(
  z.strictObject({
    max: integerBetween(0, retryDefaults.maxMax, 2).optional().meta({ description: `Retries per request (Envoy num_retries). Default ${retryDefaults.max}.` }),
    retryOn: explained(z.array(oneOf(['5xx', 'reset', 'timeout', 'rejected'])), { expected: 'a list of 5xx, reset, timeout, rejected', example: '[5xx, reset]' })
      .optional()
      .meta({ description: `Outcomes that are retried. Default [${retryDefaults.retryOn.join(', ')}]; timeout and rejected are opt-in.` }),
    baseBackoff: positiveDuration.optional().meta({ description: `Base interval of the fully jittered exponential backoff. Default ${ms(retryDefaults.baseBackoffMs)}.` }),
    maxBackoff: positiveDuration.optional().meta({ description: `Cap of the backoff interval. Default ${ms(retryDefaults.maxBackoffMs)}.` }),
    budget: percent.optional().meta({
      description: `Retry budget: concurrent retries at most this share of active requests (Envoy retry_budget, e.g. ${retryBudgetDefaults.budgetPercent}%). Absent = no budget, the breaker's maxRetries limits instead.`,
    }),
    minRetryConcurrency: nonNegativeInteger(3).optional().meta({ description: `Retries always allowed under a budget. Default ${retryBudgetDefaults.minRetryConcurrency}.` }),
  }),
  { expected: 'retries { max?, retryOn?, baseBackoff?, maxBackoff?, budget?, minRetryConcurrency? }', example: '{ max: 2, budget: 20% }' },
).meta({ description: 'Retry policy (Envoy-style), with optional retry budget.' });

const hedging = explained(
  z.strictObject({
    delay: positiveDuration.meta({ description: 'Send a hedge when the first attempt has not answered after this delay, e.g. the p95.' }),
    maxHedges: integerBetween(1, hedgingDefaults.maxHedgesMax, 1).optional().meta({ description: `Hedges per request. Default ${hedgingDefaults.maxHedges}.` }),
  }),
  { expected: 'hedging { delay, maxHedges? }', example: '{ delay: 50ms }' },
).meta({ description: 'Hedged requests: send another copy after a delay, keep the first answer, cancel the loser.' });

const circuitBreaker = explained(
  z.strictObject({
    maxConnections: positiveInteger(100).optional().meta({ description: `Default ${circuitBreakerDefaults.maxConnections}.` }),
    maxPendingRequests: positiveInteger(100).optional().meta({ description: `Requests waiting for a connection. Default ${circuitBreakerDefaults.maxPendingRequests}.` }),
    maxRequests: positiveInteger(100).optional().meta({ description: `Requests in flight. Default ${circuitBreakerDefaults.maxRequests}.` }),
    maxRetries: nonNegativeInteger(3).optional().meta({ description: `Retries in flight. Default ${circuitBreakerDefaults.maxRetries}.` }),
  }),
  { expected: 'circuitBreaker { maxRequests?, maxPendingRequests?, maxRetries?, maxConnections? }', example: '{ maxRequests: 100 }' },
).meta({ description: 'Envoy circuit breaker thresholds: overflow fails fast.' });

const d = outlierDetectionDefaults;
const outlierDetection = explained(
  z.strictObject({
    consecutive5xx: positiveInteger(5).optional().meta({ description: `Consecutive errors that eject a host. Default ${d.consecutive5xx}.` }),
    enforcingConsecutive5xx: percent.optional().meta({ description: `Chance a consecutive-5xx detection ejects. Default ${d.enforcingConsecutive5xxPercent}%.` }),
    consecutiveGatewayFailure: positiveInteger(5).optional().meta({ description: `Consecutive gateway failures (reset, timeout). Default ${d.consecutiveGatewayFailure}.` }),
    enforcingConsecutiveGatewayFailure: percent.optional().meta({ description: `Default ${d.enforcingConsecutiveGatewayFailurePercent}% (detected, not enforced).` }),
    interval: positiveDuration.optional().meta({ description: `Time between ejection sweeps. Default ${ms(d.intervalMs)}.` }),
    baseEjectionTime: positiveDuration.optional().meta({ description: `Ejection time × times ejected. Default ${ms(d.baseEjectionTimeMs)}.` }),
    maxEjectionTime: positiveDuration.optional().meta({ description: `Cap of the ejection time. Default ${ms(d.maxEjectionTimeMs)}.` }),
    maxEjectionPercent: percent.optional().meta({ description: `Most hosts ejected at once (at least one may be). Default ${d.maxEjectionPercent}%.` }),
    successRateMinimumHosts: positiveInteger(5).optional().meta({ description: `Default ${d.successRateMinimumHosts}.` }),
    successRateRequestVolume: positiveInteger(100).optional().meta({ description: `Default ${d.successRateRequestVolume}.` }),
    successRateStdevFactor: numberBetween(0, 100, 1.9).optional().meta({ description: `Eject below mean − factor·stdev. Default ${d.successRateStdevFactor}.` }),
    enforcingSuccessRate: percent.optional().meta({ description: `Default ${d.enforcingSuccessRatePercent}%.` }),
  }),
  { expected: 'outlierDetection { consecutive5xx?, interval?, baseEjectionTime?, maxEjectionPercent?, ... }', example: '{ consecutive5xx: 5 }' },
).meta({ description: 'Envoy passive outlier detection; write {} for all defaults.' });

const healthCheck = explained(
  z.strictObject({
    interval: positiveDuration.optional().meta({ description: `Time between checks of a host. Default ${ms(healthCheckDefaults.intervalMs)}.` }),
    timeout: positiveDuration.optional().meta({ description: `Time to wait for a reply. Default ${ms(healthCheckDefaults.timeoutMs)}.` }),
    unhealthyThreshold: positiveInteger(3).optional().meta({ description: `Failures before unhealthy. Default ${healthCheckDefaults.unhealthyThreshold}.` }),
    healthyThreshold: positiveInteger(2).optional().meta({ description: `Successes before healthy again. Default ${healthCheckDefaults.healthyThreshold}.` }),
  }),
  { expected: 'healthCheck { interval?, timeout?, unhealthyThreshold?, healthyThreshold? }', example: '{ interval: 5s }' },
).meta({ description: 'Active health checks: messages on the modelled network; write {} for all defaults.' });

/**
 * Fields added to a client and to a service (for its downstream calls). `null` is the same
 * as absent (off), so a sweep or `--vary` can switch a mechanism off: `hedging=null`.
 */
export const resilienceFields = {
  perTryTimeout: positiveDuration.nullable().optional().meta({ description: 'Timeout of each attempt (retries and hedges get their own), e.g. 200ms; absent or null = none.' }),
  retries: retries.nullable().optional().meta({ description: 'Retry policy (Envoy-style), with optional retry budget; null = off.' }),
  hedging: hedging.nullable().optional().meta({ description: 'Hedged requests: another copy after a delay, first answer wins; null = off.' }),
  circuitBreaker: circuitBreaker.nullable().optional().meta({ description: 'Envoy circuit breaker thresholds: overflow fails fast; null = off.' }),
  outlierDetection: outlierDetection.nullable().optional().meta({ description: 'Envoy passive outlier detection; {} for all defaults, null = off.' }),
  healthCheck: healthCheck.nullable().optional().meta({ description: 'Active health checks on the modelled network; {} for all defaults, null = off.' }),
};

/** Cross-field rules of the resilience settings, for the superRefine of clients and services. */
export function checkResilience(doc: { retries?: unknown; hedging?: unknown }, ctx: z.RefinementCtx): void {
  if (doc.retries && doc.hedging) {
    ctx.addIssue({
      code: 'custom',
      path: ['hedging'],
      message: encodeDetail({ expected: 'either retries or hedging, not both (they are exclusive per method, as in gRPC)', example: 'hedging: null' }),
    });
  }
}

type Doc = { [K in keyof typeof resilienceFields]?: z.output<(typeof resilienceFields)[K]> };

/** Drop undefined and null keys, so the components fill their own defaults. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The validated settings to the components' option objects. */
export function normaliseResilience(doc: Doc): ResilienceSpec {
  const r = doc.retries;
  const o = doc.outlierDetection;
  const h = doc.healthCheck;
  return clean({
    perTryTimeoutMs: doc.perTryTimeout ?? undefined,
    retries: r ? clean({
      max: r.max,
      retryOn: r.retryOn,
      baseBackoffMs: r.baseBackoff,
      maxBackoffMs: r.maxBackoff,
      budgetPercent: r.budget,
      minRetryConcurrency: r.minRetryConcurrency,
    }) : undefined,
    hedging: doc.hedging ? clean({ delayMs: doc.hedging.delay, maxHedges: doc.hedging.maxHedges }) : undefined,
    circuitBreaker: doc.circuitBreaker ? clean({ ...doc.circuitBreaker }) : undefined,
    outlierDetection: o ? clean({
      consecutive5xx: o.consecutive5xx,
      enforcingConsecutive5xxPercent: o.enforcingConsecutive5xx,
      consecutiveGatewayFailure: o.consecutiveGatewayFailure,
      enforcingConsecutiveGatewayFailurePercent: o.enforcingConsecutiveGatewayFailure,
      intervalMs: o.interval,
      baseEjectionTimeMs: o.baseEjectionTime,
      maxEjectionTimeMs: o.maxEjectionTime,
      maxEjectionPercent: o.maxEjectionPercent,
      successRateMinimumHosts: o.successRateMinimumHosts,
      successRateRequestVolume: o.successRateRequestVolume,
      successRateStdevFactor: o.successRateStdevFactor,
      enforcingSuccessRatePercent: o.enforcingSuccessRate,
    }) : undefined,
    healthCheck: h ? clean({ intervalMs: h.interval, timeoutMs: h.timeout, unhealthyThreshold: h.unhealthyThreshold, healthyThreshold: h.healthyThreshold }) : undefined,
  });
}
