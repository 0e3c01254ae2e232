import { describe, expect, it } from 'vitest';
import { searchSmallest, searchSmallestSync } from '../../planner/search';

/** A deterministic LCG, so the thresholds below are the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('monotone search', () => {
  it('finds the smallest value that meets, and probes the one below it', () => {
    const random = lcg(7);
    for (let trial = 0; trial < 300; trial++) {
      const lo = Math.floor(random() * 10);
      const hi = lo + Math.floor(random() * 500);
      const threshold = lo + Math.floor(random() * (hi - lo + 1));
      const start = random() < 0.3 ? undefined : lo + Math.floor(random() * (hi - lo + 1));
      const result = searchSmallestSync(lo, hi, start, (v) => v >= threshold);
      expect(result.answer).toBe(threshold);
      expect(result.failedBelow).toBe(threshold === lo ? null : threshold - 1);
      if (threshold > lo) expect(result.probes).toContain(threshold - 1);
      expect(new Set(result.probes).size).toBe(result.probes.length);
    }
  });

  it('probes a logarithmic number of points', () => {
    for (const [hi, threshold] of [
      [1_000_000, 1],
      [1_000_000, 999_999],
      [1_000_000, 1_000_000],
      [1_000_000, 4097],
      [1024, 700],
    ] as const) {
      const result = searchSmallestSync(1, hi, undefined, (v) => v >= threshold);
      expect(result.answer).toBe(threshold);
      expect(result.probes.length, `1..${hi}, threshold ${threshold}`).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(hi)) + 2);
    }
  });

  it('takes two probes when the starting guess is the answer', () => {
    const result = searchSmallestSync(1, 64, 6, (v) => v >= 6);
    expect(result.probes).toEqual([6, 5]);
  });

  it('from a guess above the answer, brackets downwards with doubling steps', () => {
    expect(searchSmallestSync(1, 64, 40, (v) => v >= 10).probes).toEqual([40, 39, 37, 33, 25, 9, 17, 13, 11, 10]);
  });

  it('answers null when even the top of the range fails, and the bottom when it meets', () => {
    expect(searchSmallestSync(1, 100, 50, () => false)).toMatchObject({ answer: null, failedBelow: null });
    expect(searchSmallestSync(3, 100, 50, () => true)).toMatchObject({ answer: 3, failedBelow: null });
    expect(searchSmallestSync(5, 5, undefined, () => true).probes).toEqual([5]);
  });

  it('runs asynchronous requirements the same way', async () => {
    const result = await searchSmallest(1, 1000, 123, async (v) => v >= 321);
    expect(result).toEqual(searchSmallestSync(1, 1000, 123, (v) => v >= 321));
  });

  it('rejects a bad range', () => {
    expect(() => searchSmallestSync(5, 4, undefined, () => true)).toThrow('bad range');
  });
});
