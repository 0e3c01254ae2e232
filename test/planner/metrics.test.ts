import { describe, expect, it } from 'vitest';
import { estimate } from '../../planner/metrics';
import { confidenceInterval } from '../../sim/stats';

describe('estimate', () => {
  it('is the mean with the Student-t interval', () => {
    const values = [10, 12, 11, 13];
    expect(estimate(values)).toEqual({ mean: 11.5, ci95: confidenceInterval(values, 0.95), values });
  });

  it('clips the interval of a non-negative metric at 0', () => {
    // Two replications far apart: t(0.975, 1) = 12.7 makes the raw lower bound negative.
    const raw = confidenceInterval([1, 100], 0.95);
    expect(raw[0]).toBeLessThan(0);
    expect(estimate([1, 100]).ci95).toEqual([0, raw[1]]);
  });

  it('has no value when nothing was measured', () => {
    expect(estimate([NaN, NaN]).mean).toBeNaN();
  });
});
