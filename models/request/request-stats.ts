import { Histogram } from '../../sim/histogram';
import type { Outcome } from './request';

/**
 * Counts and latency of measured requests (sent after warm-up) seen by one party.
 * Invariant (checked at the end of a run): sent = completed + failed + inFlight.
 * `failed` counts every unsuccessful request; `timedOut` and `rejected` break it down.
 */
export class RequestStats {
  sent = 0;
  completed = 0;
  failed = 0;
  timedOut = 0;
  rejected = 0;
  /** Answered with an error, reset, or had no host. */
  errors = 0;
  inFlight = 0;
  /** Latency of successful requests, send to response. */
  readonly latency = new Histogram();

  started(): void {
    this.sent++;
    this.inFlight++;
  }

  ended(outcome: Outcome, latencyMs: number): void {
    this.inFlight--;
    if (outcome === 'ok') {
      this.completed++;
      this.latency.record(latencyMs);
      return;
    }
    this.failed++;
    if (outcome === 'timeout') this.timedOut++;
    else if (outcome === 'rejected') this.rejected++;
    else this.errors++;
  }

  /** Throws if a request went missing: the conservation law of the request path. */
  checkConservation(who: string): void {
    if (this.sent !== this.completed + this.failed + this.inFlight) {
      throw new Error(
        `model: conservation violated for ${who}: sent ${this.sent} != completed ${this.completed} + failed ${this.failed} + in flight ${this.inFlight}`,
      );
    }
  }
}
