import { describe, expect, it } from 'vitest';
import { ComponentError } from '../../../components/errors';
import { retryDefaults } from '../../../components/resilience/defaults';
import { RetryPolicy } from '../../../components/resilience/retry-policy';
import { SeededRng } from '../../../sim/rng';

describe('RetryPolicy', () => {
  it('has Envoy-like defaults: 1 retry on 5xx and reset, backoff 25 ms base, 250 ms cap', () => {
    const policy = new RetryPolicy();
    expect([policy.max, policy.retryOn, policy.baseBackoffMs, policy.maxBackoffMs]).toEqual([1, ['5xx', 'reset'], 25, 250]);
    expect(retryDefaults.max).toBe(1);
  });

  it('shouldRetry() retries listed outcomes until max retries were sent', () => {
    const policy = new RetryPolicy();
    expect(policy.shouldRetry('5xx', 0)).toBe(true);
    expect(policy.shouldRetry('reset', 0)).toBe(true);
    expect(policy.shouldRetry('5xx', 1)).toBe(false);
    expect(policy.shouldRetry('timeout', 0)).toBe(false);
    expect(policy.shouldRetry('rejected', 0)).toBe(false);
    expect(policy.shouldRetry('ok', 0)).toBe(false);
    const timeouts = new RetryPolicy({ max: 3, retryOn: ['timeout'] });
    expect([0, 1, 2, 3].map((n) => timeouts.shouldRetry('timeout', n))).toEqual([true, true, true, false]);
    expect(new RetryPolicy({ max: 0 }).shouldRetry('5xx', 0)).toBe(false);
  });

  it('backoff ceiling is min(maxBackoff, (2^N − 1) · base) for retry N', () => {
    const policy = new RetryPolicy();
    expect([0, 1, 2, 3, 4, 50, 2000].map((n) => policy.backoffCeilingMs(n))).toEqual([25, 75, 175, 250, 250, 250, 250]);
    const slow = new RetryPolicy({ baseBackoffMs: 100 });
    expect(slow.maxBackoffMs).toBe(1000);
    expect([0, 1, 2, 3].map((n) => slow.backoffCeilingMs(n))).toEqual([100, 300, 700, 1000]);
  });

  it('backoff is uniform in [0, ceiling): bounds hold and the mean is half the ceiling', () => {
    const policy = new RetryPolicy();
    const rng = new SeededRng(1, 'retry');
    for (const retries of [0, 1, 2, 3]) {
      const ceiling = policy.backoffCeilingMs(retries);
      let sum = 0;
      let min = Infinity;
      let max = 0;
      for (let i = 0; i < 20_000; i++) {
        const delay = policy.backoffMs(retries, rng);
        sum += delay;
        min = Math.min(min, delay);
        max = Math.max(max, delay);
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThan(ceiling);
      expect(min / ceiling).toBeLessThan(0.01);
      expect(sum / 20_000 / ceiling).toBeCloseTo(0.5, 1);
      expect(max / ceiling).toBeGreaterThan(0.99);
    }
  });

  it('rejects bad options with the field, value and range', () => {
    expect(() => new RetryPolicy({ max: -1 })).toThrow('retry-policy: max must be an integer in [0, 100], got -1');
    expect(() => new RetryPolicy({ max: 1.5 })).toThrow(ComponentError);
    expect(() => new RetryPolicy({ baseBackoffMs: 0 })).toThrow(
      'retry-policy: baseBackoffMs must be a number in (0, 3600000], got 0',
    );
    expect(() => new RetryPolicy({ baseBackoffMs: 100, maxBackoffMs: 50 })).toThrow(
      'retry-policy: maxBackoffMs must be a number in [100, 3600000], got 50',
    );
    expect(() => new RetryPolicy({ retryOn: ['5xx', '5xx'] })).toThrow(/at most once/);
    expect(() => new RetryPolicy({ retryOn: ['ok' as never] })).toThrow(/retryOn must list each of timeout, 5xx, reset, rejected/);
    expect(() => new RetryPolicy({ retries: 2 } as never)).toThrow('retry-policy: unknown option "retries"');
    expect(() => new RetryPolicy().backoffMs(-1, new SeededRng(1, 'x'))).toThrow(/retriesSoFar must be an integer >= 0/);
  });
});
