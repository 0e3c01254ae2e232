export { checkKnownFields, checkOption, type OptionRange } from '../options/check-option';
export { CircuitBreaker, type BreakerResource, type CircuitBreakerOptions } from './circuit-breaker';
export { CombinedHealth } from './combined-health';
export {
  circuitBreakerDefaults,
  healthCheckDefaults,
  hedgingDefaults,
  outlierDetectionDefaults,
  retryBudgetDefaults,
  retryDefaults,
} from './defaults';
export {
  HealthChecker,
  healthCheckReply,
  type HealthCheckerOptions,
  type HealthCheckMessage,
  type HealthReplyMessage,
} from './health-checker';
export type { HostHealthListener } from './health-listener';
export { HedgedRequest, HedgingPolicy, type HedgeCallbacks, type HedgeState, type HedgingOptions } from './hedging';
export { OutlierDetector, type EjectionKind, type OutlierDetectorOptions, type ResultOutcome } from './outlier-detector';
export { RetryBudget, type RetryBudgetOptions } from './retry-budget';
export { RetryPolicy, type AttemptOutcome, type RetryableOutcome, type RetryPolicyOptions } from './retry-policy';
export { successRateStatistics, type SuccessRateStatistics } from './success-rate';
