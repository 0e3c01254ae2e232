import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOWS, defaultWindowMs } from '../../../models/scenario/defaults';
import { loadScenario } from '../../../planner/scenario-file';

const scenario = (duration: string, window = '') => `
name: w
seed: 1
duration: ${duration}
${window}
network: { latency: 1ms }
services: { api: { serviceTime: 1ms } }
clients: { c: { target: api, arrival: { process: poisson, rate: 1/s } } }
`;

describe('the default time-series window', () => {
  it('is 1 s up to 1,000 s of run, then about a thousandth of the run, rounded up to a readable width', () => {
    expect(defaultWindowMs(60_000, 1000)).toBe(1000);
    expect(defaultWindowMs(1_000_000, 1000)).toBe(1000);
    expect(defaultWindowMs(1_800_000, 1000)).toBe(2000); // 30 minutes
    expect(defaultWindowMs(3_600_000, 1000)).toBe(5000); // an hour
    expect(defaultWindowMs(86_400_000, 1000)).toBe(120_000); // a day: 720 windows of 2 minutes
    expect(defaultWindowMs(1.25e9, 1000)).toBe(1_800_000); // the M/M/4 validation run: 694 windows
    expect(defaultWindowMs(1e11, 1000)).toBe(2 * 86_400_000); // beyond a day, whole days
  });

  it('never gives more than DEFAULT_WINDOWS windows, nor fewer than a fifth of them once past the minimum', () => {
    for (let durationMs = 1e6; durationMs < 1e12; durationMs *= 1.37) {
      const windows = durationMs / defaultWindowMs(durationMs, 1000);
      expect(windows).toBeLessThanOrEqual(DEFAULT_WINDOWS);
      expect(windows).toBeGreaterThan(DEFAULT_WINDOWS / 5);
    }
  });

  it('is what the loader fills in, and an explicit window is kept', () => {
    expect(loadScenario(scenario('30m'), 'w.yaml').windowMs).toBe(2000);
    expect(loadScenario(scenario('30m', 'window: 100ms'), 'w.yaml').windowMs).toBe(100);
    expect(loadScenario(scenario('10s'), 'w.yaml').windowMs).toBe(1000);
  });
});
