import type { ResultOutcome } from '../resilience/outlier-detector';
import type { RetryableOutcome } from '../resilience/retry-policy';

/** How a call or one of its attempts ended, as the proxy and its driver see it. */
export type RequestOutcome =
  | 'ok'
  /** The server answered with an error (5xx). */
  | 'error'
  /** Refused before any work: the server's queue was full (503), or the proxy's circuit breaker overflowed. */
  | 'rejected'
  /** The connection was reset: the server crashed or was down. */
  | 'reset'
  /** No answer within the timeout (per try, or overall for a call). */
  | 'timeout'
  /** The balancer had no host to send to. */
  | 'no-host';

/** What outlier detection hears of an attempt (Envoy's result types: any other failure is a 5xx). */
export function outlierOutcome(outcome: RequestOutcome): ResultOutcome {
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

/** What the retry policy hears of a failed attempt; 'no-host' is never retried (a retry would find no host either). */
export function retryOutcome(outcome: Exclude<RequestOutcome, 'ok' | 'no-host'>): RetryableOutcome {
  return outcome === 'error' ? '5xx' : outcome;
}
