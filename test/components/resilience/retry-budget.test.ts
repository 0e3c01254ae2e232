import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../components/resilience/circuit-breaker';
import { RetryBudget } from '../../../components/resilience/retry-budget';
import { RetryPolicy } from '../../../components/resilience/retry-policy';
import { ScriptedEnv } from '../../support/scripted-env';

describe('RetryBudget', () => {
  it('has Envoy defaults: 20% of active plus pending, at least 3', () => {
    const budget = new RetryBudget();
    expect([budget.budgetPercent, budget.minRetryConcurrency]).toEqual([20, 3]);
  });

  it('allows max(minRetryConcurrency, ⌊percent × (active + pending)⌋) concurrent retries', () => {
    const budget = new RetryBudget();
    expect(budget.maxRetries(0, 0)).toBe(3);
    expect(budget.maxRetries(10, 5)).toBe(3);
    expect(budget.maxRetries(100, 0)).toBe(20);
    expect(budget.maxRetries(60, 40)).toBe(20);
    expect(budget.maxRetries(104, 0)).toBe(20);
    expect(budget.maxRetries(1000, 0)).toBe(200);
    expect(budget.allows(19, 100, 0)).toBe(true);
    expect(budget.allows(20, 100, 0)).toBe(false);
    expect(new RetryBudget({ budgetPercent: 0, minRetryConcurrency: 0 }).maxRetries(1000, 0)).toBe(0);
  });

  it('caps retries at the configured fraction of traffic under a total outage', () => {
    // Open load: 10 requests per ms, every attempt fails after 10 ms; each request may
    // retry once after its backoff. Without a budget every request would retry.
    const env = new ScriptedEnv({ seed: 3 });
    const breaker = new CircuitBreaker(env, { retryBudget: { budgetPercent: 20, minRetryConcurrency: 3 } });
    const policy = new RetryPolicy({ max: 1 });
    const rng = env.rng('retry.backoff');
    let originals = 0;
    let retries = 0;
    let worstShare = 0;
    let admissions = 0;

    function attempt(retriesSoFar: number): void {
      env.schedule(10, () => {
        breaker.release('requests');
        if (retriesSoFar > 0) breaker.release('retries');
        if (!policy.shouldRetry('5xx', retriesSoFar)) return;
        if (!breaker.tryAcquire('retries')) return;
        // Admitted: retries in flight (in backoff or sent) are within 20% of requests.
        if (breaker.active('retries') > 3) {
          worstShare = Math.max(worstShare, breaker.active('retries') / breaker.active('requests'));
          admissions++;
        }
        env.schedule(policy.backoffMs(retriesSoFar, rng), () => {
          expect(breaker.tryAcquire('requests')).toBe(true);
          retries++;
          attempt(retriesSoFar + 1);
        });
      });
    }

    for (let t = 0; t < 2000; t++) {
      env.schedule(t, () => {
        for (let i = 0; i < 10; i++) {
          expect(breaker.tryAcquire('requests')).toBe(true);
          originals++;
          attempt(0);
        }
      });
    }
    env.advance(3000);
    // About 100 originals are in flight. As in Envoy, a retry holds its slot from the
    // decision, through the backoff (12.5 ms on average), until the retried attempt ends
    // (10 ms): at x retries per ms, 22.5·x slots = 0.2 × (100 + 10·x) requests, x ≈ 0.98,
    // so about 10% of requests get their retry instead of all of them.
    expect(admissions).toBeGreaterThan(1000);
    expect(worstShare).toBeLessThanOrEqual(0.2);
    expect(retries / originals).toBeGreaterThan(0.08);
    expect(retries / originals).toBeLessThan(0.12);
    expect(breaker.overflowCount('retries')).toBe(originals - retries);
    expect(env.metrics.counter('circuitBreaker.overflow.retries')).toBe(originals - retries);
    expect([breaker.active('requests'), breaker.active('retries')]).toEqual([0, 0]);
  });

  it('rejects bad options', () => {
    expect(() => new RetryBudget({ budgetPercent: 120 })).toThrow(
      'retry-budget: budgetPercent must be a number in [0, 100], got 120',
    );
    expect(() => new RetryBudget({ minRetryConcurrency: 1.5 })).toThrow(/minRetryConcurrency must be an integer/);
  });
});

describe('RetryBudget arithmetic', () => {
  it('keeps whole products whole (29% of 100 is 29, where doubles give 28.999…)', () => {
    expect(new RetryBudget({ budgetPercent: 29, minRetryConcurrency: 0 }).maxRetries(100, 0)).toBe(29);
  });
});
