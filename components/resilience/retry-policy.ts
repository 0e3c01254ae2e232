import type { Rng } from '../../sim/env';
import { ComponentError } from '../errors';
import { checkKnownFields, checkOption, positiveDurationMs } from '../options/check-option';
import { retryDefaults } from './defaults';

/** How an attempt failed, as far as retrying is concerned. */
export type RetryableOutcome = 'timeout' | '5xx' | 'reset' | 'rejected';

/** Every outcome an attempt can have. */
export type AttemptOutcome = 'ok' | RetryableOutcome;

const retryableOutcomes: readonly RetryableOutcome[] = ['timeout', '5xx', 'reset', 'rejected'];

/** Options of a retry policy (scenario `retries:`; durations in ms). */
export interface RetryPolicyOptions {
  /** Retries after the first attempt (Envoy `num_retries`, default 1, integer in [0, 100]). */
  readonly max?: number;
  /**
   * Outcomes that are retried (default ['5xx', 'reset']): '5xx' error responses, 'reset'
   * connection resets, 'timeout' per-try timeouts, 'rejected' refusals before any work
   * (full queue, overflowing breaker). Each may appear once.
   */
  readonly retryOn?: readonly RetryableOutcome[];
  /** Base interval B of the backoff, ms (default 25, in (0, 3600000]). */
  readonly baseBackoffMs?: number;
  /** Cap of the backoff interval, ms (default 10 × baseBackoffMs = 250; at least baseBackoffMs). */
  readonly maxBackoffMs?: number;
}

const optionNames: readonly (keyof RetryPolicyOptions)[] = ['max', 'retryOn', 'baseBackoffMs', 'maxBackoffMs'];

/**
 * Envoy's route retry policy: which failures to retry, how many times, and how long to
 * back off before each retry. It is pure: the caller counts retries, asks the circuit
 * breaker or retry budget for admission, and schedules the retry after `backoffMs`.
 * Like Envoy, the caller's overall request timeout covers all tries.
 *
 * Driver contract: on a failed attempt, `shouldRetry(outcome, retriesSoFar)`; if true and
 * the breaker admits a retry, wait `backoffMs(retriesSoFar, rng)` and send it.
 */
export class RetryPolicy {
  readonly max: number;
  readonly retryOn: readonly RetryableOutcome[];
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;

  constructor(options: RetryPolicyOptions = {}) {
    checkKnownFields('retry-policy', options, optionNames);
    this.max = checkOption('retry-policy', 'max', options.max, retryDefaults.max, {
      min: 0,
      max: retryDefaults.maxMax,
      integer: true,
    });
    this.retryOn = checkRetryOn(options.retryOn);
    this.baseBackoffMs = checkOption('retry-policy', 'baseBackoffMs', options.baseBackoffMs, retryDefaults.baseBackoffMs, positiveDurationMs);
    // Envoy: the cap defaults to 10 × the base (250 ms for the default 25 ms).
    const maxDefault = Math.min(10 * this.baseBackoffMs, positiveDurationMs.max);
    this.maxBackoffMs = checkOption('retry-policy', 'maxBackoffMs', options.maxBackoffMs, maxDefault, {
      ...positiveDurationMs,
      min: this.baseBackoffMs,
      minExclusive: false,
    });
  }

  /** True when an attempt that ended with `outcome` should be retried, `retriesSoFar` retries already sent. */
  shouldRetry(outcome: AttemptOutcome, retriesSoFar: number): boolean {
    return outcome !== 'ok' && retriesSoFar < this.max && this.retryOn.includes(outcome);
  }

  /**
   * Delay before retry number N = retriesSoFar + 1, ms: fully jittered exponential
   * backoff, uniform in [0, min(maxBackoff, (2^N − 1) · baseBackoff)) as Envoy documents
   * (first retry [0, 25), second [0, 75), third [0, 175), then [0, 250) with defaults).
   */
  backoffMs(retriesSoFar: number, rng: Rng): number {
    return rng.next() * this.backoffCeilingMs(retriesSoFar);
  }

  /** Upper bound (exclusive) of `backoffMs(retriesSoFar)`, ms. */
  backoffCeilingMs(retriesSoFar: number): number {
    if (!(Number.isInteger(retriesSoFar) && retriesSoFar >= 0)) {
      throw new ComponentError('argument.out-of-range', `retry-policy: retriesSoFar must be an integer >= 0, got ${retriesSoFar}`);
    }
    // 2^N overflows to Infinity only past N = 1023; cap N well before, the min makes it moot.
    const exponent = Math.min(retriesSoFar + 1, 64);
    return Math.min(this.maxBackoffMs, (2 ** exponent - 1) * this.baseBackoffMs);
  }
}

function checkRetryOn(retryOn: readonly RetryableOutcome[] | undefined): readonly RetryableOutcome[] {
  if (retryOn === undefined) return retryDefaults.retryOn;
  if (!Array.isArray(retryOn)) {
    throw new ComponentError(
      'option.wrong-type',
      `retry-policy: retryOn must be a list of ${retryableOutcomes.join(', ')}, got ${JSON.stringify(retryOn)}`,
    );
  }
  const seen = new Set<string>();
  for (const outcome of retryOn) {
    if (!retryableOutcomes.includes(outcome) || seen.has(outcome)) {
      throw new ComponentError(
        seen.has(outcome) ? 'option.duplicate-entry' : 'option.not-one-of',
        `retry-policy: retryOn must list each of ${retryableOutcomes.join(', ')} at most once, got ${JSON.stringify(retryOn)}`,
      );
    }
    seen.add(outcome);
  }
  return Object.freeze([...retryOn]);
}
