/**
 * The time average of a piecewise-constant quantity (queue length, busy cores), by
 * accumulating value × duration at every change. O(1) memory.
 */
export class TimeWeighted {
  private value = 0;
  private since = 0;
  private area = 0;
  private start = 0;

  /** Record that the quantity becomes `value` at `nowMs`. */
  set(nowMs: number, value: number): void {
    this.area += this.value * (nowMs - this.since);
    this.value = value;
    this.since = nowMs;
  }

  /** Forget the history before `nowMs`, keeping the current value (end of warm-up). */
  reset(nowMs: number): void {
    this.area = 0;
    this.since = nowMs;
    this.start = nowMs;
  }

  /** The time average over [reset time, nowMs]; the current value if no time has passed. */
  average(nowMs: number): number {
    const span = nowMs - this.start;
    if (span <= 0) return this.value;
    return this.integral(nowMs) / span;
  }

  /** Value × time accumulated over [reset time, nowMs]. */
  integral(nowMs: number): number {
    return this.area + this.value * (nowMs - this.since);
  }

  /** When the history starts: 0, or the last reset. */
  get startMs(): number {
    return this.start;
  }

  get current(): number {
    return this.value;
  }
}
