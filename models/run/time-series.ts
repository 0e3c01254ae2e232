import { Histogram } from '../../sim/histogram';
import { round3 } from '../../sim/stats';

export interface WindowPoint {
  /** Start of the window (ms). */
  readonly tMs: number;
  /** Requests sent in the window. */
  readonly sent: number;
  /** Requests that ended in the window, by outcome. */
  readonly completed: number;
  readonly failed: number;
  /** Latency percentiles of the window's successful requests; null when there were none. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/**
 * Fixed sim-time windows of request outcomes. Outcomes arrive in time order, so only the
 * current window's histogram is kept; a finished window becomes one small point. Memory
 * grows with simulated duration / window, never with the number of requests.
 */
export class TimeSeries {
  readonly points: WindowPoint[] = [];
  private windowStart = 0;
  private sent = 0;
  private completed = 0;
  private failed = 0;
  private readonly latency = new Histogram();

  constructor(readonly windowMs: number) {
    if (!(windowMs > 0)) throw new RangeError(`model: window must be > 0 ms, got ${windowMs}`);
  }

  requestSent(nowMs: number): void {
    this.advance(nowMs);
    this.sent++;
  }

  requestEnded(nowMs: number, ok: boolean, latencyMs: number): void {
    this.advance(nowMs);
    if (ok) {
      this.completed++;
      this.latency.record(latencyMs);
    } else {
      this.failed++;
    }
  }

  /** Close every window that ends at or before `nowMs`. */
  advance(nowMs: number): void {
    while (nowMs >= this.windowStart + this.windowMs) this.close();
  }

  /** At the end of the run: close the whole windows, then the partial last one, if any. */
  finish(endMs: number): void {
    this.advance(endMs);
    if (this.windowStart < endMs) this.close();
  }

  private close(): void {
    const empty = this.latency.count === 0;
    this.points.push({
      tMs: this.windowStart,
      sent: this.sent,
      completed: this.completed,
      failed: this.failed,
      p50Ms: empty ? null : round3(this.latency.quantile(0.5)),
      p99Ms: empty ? null : round3(this.latency.quantile(0.99)),
    });
    this.windowStart += this.windowMs;
    this.sent = 0;
    this.completed = 0;
    this.failed = 0;
    this.latency.reset();
  }
}

/**
 * The time a window covers: `windowMs`, except the last one when the run ends inside it.
 * Divide a window's counts by this, not by `windowMs`, or the last window of a run reads
 * as a drop in throughput.
 */
export function windowWidthMs(point: WindowPoint, windowMs: number, endMs: number): number {
  return Math.max(0, Math.min(windowMs, endMs - point.tMs));
}
