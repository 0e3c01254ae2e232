import { checkKnownFields, checkOption, percent } from '../options/check-option';
import { retryBudgetDefaults } from './defaults';

/** Options of a retry budget (Envoy cluster `circuit_breakers.thresholds.retry_budget`). */
export interface RetryBudgetOptions {
  /**
   * Concurrent retries allowed as a percentage of active plus pending requests (default
   * 20, in [0, 100]). Under a total outage, at most this share of traffic is retries, so
   * retries cannot multiply the load on a failing service.
   */
  readonly budgetPercent?: number;
  /** Retries always allowed, whatever the traffic (default 3, integer in [0, 1000000]). */
  readonly minRetryConcurrency?: number;
}

const optionNames: readonly (keyof RetryBudgetOptions)[] = ['budgetPercent', 'minRetryConcurrency'];

/**
 * Envoy's retry budget: a retry may start while the retries in flight are fewer than
 * max(minRetryConcurrency, ⌊budgetPercent/100 × (active + pending requests)⌋). Active
 * requests include the retries themselves, as in Envoy, where a retry is an upstream
 * request like any other.
 *
 * It holds no counts: the CircuitBreaker (or any caller) passes its own. The product is
 * computed as ⌊budgetPercent × n / 100⌋ so that whole results stay whole; Envoy's
 * `budget_percent / 100 * n` in doubles can land one below (29% of 100 is 28.999…, so 28).
 */
export class RetryBudget {
  readonly budgetPercent: number;
  readonly minRetryConcurrency: number;

  constructor(options: RetryBudgetOptions = {}) {
    checkKnownFields('retry-budget', options, optionNames);
    this.budgetPercent = checkOption('retry-budget', 'budgetPercent', options.budgetPercent, retryBudgetDefaults.budgetPercent, percent);
    this.minRetryConcurrency = checkOption(
      'retry-budget',
      'minRetryConcurrency',
      options.minRetryConcurrency,
      retryBudgetDefaults.minRetryConcurrency,
      { min: 0, max: 1_000_000, integer: true },
    );
  }

  /** Largest number of concurrent retries with this many active and pending requests. */
  maxRetries(activeRequests: number, pendingRequests: number): number {
    const budget = Math.floor((this.budgetPercent * (activeRequests + pendingRequests)) / 100);
    return Math.max(this.minRetryConcurrency, budget);
  }

  /** True when one more retry may start while `activeRetries` are in flight. */
  allows(activeRetries: number, activeRequests: number, pendingRequests: number): boolean {
    return activeRetries < this.maxRetries(activeRequests, pendingRequests);
  }
}
