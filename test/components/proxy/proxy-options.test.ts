import { describe, expect, it } from 'vitest';
import { ComponentError } from '../../../components/errors';
import { checkProxyOptions, type ProxyOptions } from '../../../components/proxy';
import { circuitBreakerDefaults } from '../../../components/resilience/defaults';
import { setup } from './harness';

function error(options: ProxyOptions): ComponentError {
  try {
    setup(options);
  } catch (e) {
    if (e instanceof ComponentError) return e;
    throw e;
  }
  throw new Error('expected a ComponentError');
}

describe('ProxyOptions', () => {
  it('has everything off by default: no timeouts, retries, hedging, breaker, outlier detection or health checks', () => {
    const { proxy } = setup();
    expect(proxy).toMatchObject({ timeoutMs: undefined, perTryTimeoutMs: undefined, retry: undefined, hedging: undefined, breaker: undefined, outliers: undefined, health: undefined });
    expect(checkProxyOptions({})).toEqual({ timeoutMs: undefined, perTryTimeoutMs: undefined });
  });

  it('brings a circuit breaker with the default limits along with retries (Envoy always has one)', () => {
    const { proxy } = setup({ retries: {} });
    expect(proxy.breaker).toBeDefined();
    expect(proxy.breaker!.limit('retries')).toBe(circuitBreakerDefaults.maxRetries);
    expect(proxy.breaker!.retryBudget).toBeUndefined();
  });

  it('turns the breaker’s retry limit into a budget when retries have budgetPercent', () => {
    const { proxy } = setup({ retries: { budgetPercent: 20, minRetryConcurrency: 2 }, circuitBreaker: { maxRetries: 50 } });
    expect(proxy.breaker!.retryBudget).toMatchObject({ budgetPercent: 20, minRetryConcurrency: 2 });
    expect(proxy.breaker!.limit('retries')).toBe(2);
  });

  it('accepts timeouts in (0, 1 h]', () => {
    expect(checkProxyOptions({ timeoutMs: 3_600_000, perTryTimeoutMs: 0.001 })).toEqual({ timeoutMs: 3_600_000, perTryTimeoutMs: 0.001 });
  });

  it.each([
    [{ timeoutMs: 0 }, 'option.out-of-range', 'proxy: timeoutMs must be a number in (0, 3600000], got 0'],
    [{ timeoutMs: 3_600_001 }, 'option.out-of-range', 'proxy: timeoutMs must be a number in (0, 3600000], got 3600001'],
    [{ perTryTimeoutMs: -5 }, 'option.out-of-range', 'proxy: perTryTimeoutMs must be a number in (0, 3600000], got -5'],
    [{ perTryTimeoutMs: '200ms' as never }, 'option.wrong-type', 'proxy: perTryTimeoutMs must be a number in (0, 3600000], got "200ms"'],
    [{ retry: { max: 1 } } as never, 'option.unknown-field', 'proxy: unknown option "retry"; allowed: timeoutMs, perTryTimeoutMs, retries, hedging, circuitBreaker, outlierDetection, healthCheck'],
    [{ retries: { max: 1 }, hedging: { delayMs: 5 } }, 'option.conflicting', 'proxy: retries and hedging are both set; a call is either retried or hedged'],
    [{ retries: { max: -1 } }, 'option.out-of-range', 'retry-policy: max must be an integer in [0, 100], got -1'],
    [{ circuitBreaker: { maxConnections: 1.5 } }, 'option.out-of-range', 'circuit-breaker: maxConnections must be an integer in [0, 1000000000], got 1.5'],
  ] as const)('rejects %j with %s', (options, code, message) => {
    const e = error(options as ProxyOptions);
    expect({ code: e.code, message: e.message }).toEqual({ code, message });
  });
});
