import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../components/resilience/circuit-breaker';
import { ScriptedEnv } from '../../support/scripted-env';

describe('CircuitBreaker', () => {
  it('has Envoy defaults: 1024 connections, pending requests and requests, 3 retries', () => {
    const breaker = new CircuitBreaker(new ScriptedEnv());
    expect(['connections', 'pendingRequests', 'requests', 'retries'].map((r) => breaker.limit(r as never))).toEqual([
      1024, 1024, 1024, 3,
    ]);
  });

  it('fails fast on overflow, counts it, and admits again after a release', () => {
    const env = new ScriptedEnv();
    const breaker = new CircuitBreaker(env, { maxRequests: 2 });
    expect(breaker.tryAcquire('requests')).toBe(true);
    expect(breaker.tryAcquire('requests')).toBe(true);
    expect(breaker.tryAcquire('requests')).toBe(false);
    expect(breaker.tryAcquire('requests')).toBe(false);
    expect(breaker.overflowCount('requests')).toBe(2);
    expect(env.metrics.counter('circuitBreaker.overflow.requests')).toBe(2);
    breaker.release('requests');
    expect(breaker.tryAcquire('requests')).toBe(true);
    expect(breaker.active('requests')).toBe(2);
    breaker.checkInvariants();
  });

  it('keeps each resource separate and allows 3 concurrent retries by default', () => {
    const env = new ScriptedEnv();
    const breaker = new CircuitBreaker(env, { maxPendingRequests: 0, metricPrefix: 'cb.backend' });
    expect(breaker.tryAcquire('pendingRequests')).toBe(false);
    expect([1, 2, 3, 4].map(() => breaker.tryAcquire('retries'))).toEqual([true, true, true, false]);
    expect(breaker.tryAcquire('connections')).toBe(true);
    expect(env.metrics.counter('cb.backend.overflow.pendingRequests')).toBe(1);
    expect(env.metrics.counter('cb.backend.overflow.retries')).toBe(1);
  });

  it('with a retry budget, the retry limit follows active and pending requests', () => {
    const breaker = new CircuitBreaker(new ScriptedEnv(), { maxRetries: 1, retryBudget: {} });
    expect(breaker.limit('retries')).toBe(3);
    for (let i = 0; i < 50; i++) breaker.tryAcquire('requests');
    for (let i = 0; i < 10; i++) breaker.tryAcquire('pendingRequests');
    expect(breaker.limit('retries')).toBe(12);
  });

  it('throws on a release without a matching acquire', () => {
    const breaker = new CircuitBreaker(new ScriptedEnv());
    expect(() => breaker.release('retries')).toThrow(
      'circuit-breaker: release of retries at 0 ms without a matching tryAcquire',
    );
  });

  it('rejects bad options', () => {
    const env = new ScriptedEnv();
    expect(() => new CircuitBreaker(env, { maxRequests: -1 })).toThrow(
      'circuit-breaker: maxRequests must be an integer in [0, 1000000000], got -1',
    );
    expect(() => new CircuitBreaker(env, { max_requests: 5 } as never)).toThrow(/unknown option "max_requests"/);
  });
});
