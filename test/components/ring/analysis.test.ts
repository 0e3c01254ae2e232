import { describe, expect, it } from 'vitest';
import {
  analysisKey,
  keyMovement,
  loadCounts,
  loadShares,
  loadStats,
  movedFraction,
} from '../../../components/ring/analysis';

const byLastDigit = (key: string): string => `n${Number(key.slice(4)) % 4}`;

describe('analysis', () => {
  it('generates keys as key-<i>', () => {
    expect([0, 1, 99].map(analysisKey)).toEqual(['key-0', 'key-1', 'key-99']);
  });

  it('loadCounts counts keys per node and lists nodes that got none', () => {
    const counts = loadCounts(byLastDigit, 10, ['idle']);
    expect([...counts]).toEqual([
      ['idle', 0],
      ['n0', 3],
      ['n1', 3],
      ['n2', 2],
      ['n3', 2],
    ]);
    expect(loadShares(byLastDigit, 10).get('n0')).toBeCloseTo(0.3, 12);
  });

  it('loadStats gives max/mean, min/mean and the population std/mean', () => {
    const stats = loadStats([2, 4, 4, 4, 5, 5, 7, 9]); // mean 5, population std 2
    expect(stats.mean).toBe(5);
    expect(stats.maxOverMean).toBeCloseTo(1.8, 12);
    expect(stats.minOverMean).toBeCloseTo(0.4, 12);
    expect(stats.stdOverMean).toBeCloseTo(0.4, 12);
    expect(loadStats([3, 3, 3]).stdOverMean).toBe(0);
  });

  it('keyMovement and movedFraction count keys whose owner changed, by source and destination', () => {
    const after = (key: string): string => (key === 'key-1' || key === 'key-6' ? 'new' : byLastDigit(key));
    const movement = keyMovement(byLastDigit, after, 8);
    expect(movement.movedCount).toBe(2);
    expect(movement.movedFraction).toBe(0.25);
    expect([...movement.from]).toEqual([
      ['n1', 1],
      ['n2', 1],
    ]);
    expect([...movement.to]).toEqual([['new', 2]]);
    expect(movedFraction(byLastDigit, after, 8)).toBe(0.25);
    expect(movedFraction(byLastDigit, byLastDigit, 100)).toBe(0);
  });

  it('rejects bad key counts and empty load lists', () => {
    expect(() => loadCounts(byLastDigit, 0)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: analysis: keyCount must be an integer in [1, 1e9], got 0]`,
    );
    expect(() => keyMovement(byLastDigit, byLastDigit, 1.5)).toThrow(/got 1.5/);
    expect(() => loadStats([])).toThrow(/at least one load/);
  });
});
