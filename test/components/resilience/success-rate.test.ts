import { describe, expect, it } from 'vitest';
import { successRateStatistics } from '../../../components/resilience/success-rate';

describe('successRateStatistics', () => {
  it('reproduces Envoy’s example: {50, 100, 100, 100, 100} → mean 90, stdev 20, threshold 52', () => {
    expect(successRateStatistics([50, 100, 100, 100, 100], 1.9)).toEqual({ mean: 90, stdev: 20, threshold: 52 });
  });

  it('uses the population standard deviation', () => {
    expect(successRateStatistics([0, 100], 1).stdev).toBe(50);
  });

  it('rejects an empty list', () => {
    expect(() => successRateStatistics([], 1.9)).toThrow('success-rate: needs at least one rate');
  });
});
