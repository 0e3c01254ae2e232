import { describe, expect, it } from 'vitest';
import { Histogram, bucketIndex, bucketLower, bucketWidth } from '../../sim/histogram';
import { SeededRng } from '../../sim/rng';

describe('Histogram', () => {
  it('buckets are contiguous and at most 1/128 of their lower bound wide', () => {
    let previousEnd = 0;
    for (let i = 0; i < 5000; i++) {
      expect(bucketLower(i)).toBe(previousEnd);
      previousEnd = bucketLower(i) + bucketWidth(i);
      if (i >= 256) expect(bucketWidth(i) / bucketLower(i)).toBeLessThanOrEqual(1 / 128);
    }
    for (const v of [0, 255, 256, 1e6, 2 ** 31 - 1, 2 ** 31, 1e12]) {
      const i = bucketIndex(v);
      expect(v).toBeGreaterThanOrEqual(bucketLower(i));
      expect(v).toBeLessThan(bucketLower(i) + bucketWidth(i));
    }
  });

  it('quantiles are within 1% of the exact nearest-rank quantiles', () => {
    const rng = new SeededRng(7, 'histogram');
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = Math.exp(8 * rng.next() - 2); // 0.13 ms .. 400 ms, log-uniform
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.max).toBe(values[values.length - 1]);
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('merges and resets', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.record(1);
    b.record(100);
    a.merge(b);
    expect(a.count).toBe(2);
    expect(a.quantile(1)).toBeCloseTo(100, 0);
    a.reset();
    expect(a.count).toBe(0);
    expect(a.quantile(0.5)).toBeNaN();
  });
});
