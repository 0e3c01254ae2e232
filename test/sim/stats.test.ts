import { describe, expect, it } from 'vitest';
import { confidenceInterval, nonNegativeInterval, pairedTTest, stdev, studentTQuantile, maxOf, minOf } from '../../sim/stats';

describe('stats', () => {
  it('Student t quantiles match the tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 3);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.8125, 3);
  });

  it('confidence interval is mean ± t·s/√n', () => {
    const xs = [1, 2, 3, 4, 5];
    const half = studentTQuantile(0.975, 4) * stdev(xs) / Math.sqrt(5);
    const [lo, hi] = confidenceInterval(xs);
    expect(lo).toBeCloseTo(3 - half, 9);
    expect(hi).toBeCloseTo(3 + half, 9);
    expect(confidenceInterval([7])).toEqual([7, 7]);
  });

  it('the interval of a non-negative quantity stops at 0', () => {
    expect(confidenceInterval([1, 100])[0]).toBeLessThan(0);
    expect(nonNegativeInterval([1, 100])).toEqual([0, confidenceInterval([1, 100])[1]]);
    expect(nonNegativeInterval([1, 2, 3, 4, 5])).toEqual(confidenceInterval([1, 2, 3, 4, 5]));
  });

  it('paired t-test finds a consistent shift and not noise', () => {
    const a = [10, 12, 11, 13, 12, 11];
    expect(pairedTTest(a, a.map((x) => x + 1)).significant).toBe(true);
    expect(pairedTTest(a, [10.5, 11.5, 11.2, 12.6, 12.4, 10.8]).significant).toBe(false);
    expect(() => pairedTTest([1], [1, 2])).toThrow(/differ in length/);
  });
});

describe('maxOf and minOf', () => {
  it('take a million values (Math.max(...xs) overflows the stack there) and any iterable', () => {
    const xs = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(maxOf(xs)).toBe(xs.reduce((a, b) => Math.max(a, b)));
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(minOf(new Set(xs))).toBe(xs.reduce((a, b) => Math.min(a, b)));
  });

  it('give the empty value for nothing, and NaN when a value is NaN', () => {
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, NaN, 3])).toBeNaN();
    expect(minOf([1, NaN, 3])).toBeNaN();
  });
});
