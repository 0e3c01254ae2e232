import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../models/run/result';
import { parseExpect, parseSlo } from '../../planner/blocks/grammar';
import type { SloSpec } from '../../planner/blocks/types';
import { evaluateExpect } from '../../planner/expect';
import type { MetricContext, RunMetrics } from '../../planner/metrics';
import { metricOf } from '../../planner/metrics';
import { evaluateSlo } from '../../planner/slo';
import { variantsOf } from '../../planner/variants';
import { parseVary } from '../../planner/vary';

const slo = (text: string): SloSpec => {
  const parsed = parseSlo(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

/** A replication with the given p99 (ms) and failures out of 1000. */
function run(p99: number, failed = 0, recovery: (number | null)[] = []): RunMetrics {
  return {
    requests: { sent: 1000, completed: 1000 - failed, failed, timedOut: 0, rejected: 0 },
    throughputPerSec: 100,
    latencyMs: { mean: p99 / 4, p50: p99 / 5, p90: p99 / 2, p99, p999: p99 * 2, max: p99 * 3 },
    nodes: { 'api-0': { utilization: 0.5, meanQueueLength: 2, meanInSystem: 2.5, completed: 4000 } },
    recovery: recovery.map((t, fault) => ({ fault, kind: 'crash', startMs: 0, endMs: 1, baseline: { p99Ms: 1, errorRate: 0 }, p99RecoveryMs: t, errorRateRecoveryMs: 1000, ongoing: false })) as ReplicationResult['recovery'],
  };
}

const context: MetricContext = { measuredSec: 40, waitNodes: ['api-0'] };

describe('SLO grammar', () => {
  it('reads <metric> <op> <value> in the metric unit', () => {
    expect(parseSlo('p99<100ms')).toEqual({ ok: true, value: { text: 'p99 < 100ms', metric: 'p99', op: '<', value: 100 } });
    expect(parseSlo(' errorRate <= 0.1% ')).toMatchObject({ ok: true, value: { metric: 'errorRate', op: '<=', value: 0.001 } });
    expect(parseSlo('errorRate<0.001')).toMatchObject({ ok: true, value: { value: 0.001 } });
    expect(parseSlo('throughput >= 1900/s')).toMatchObject({ ok: true, value: { metric: 'throughput', op: '>=', value: 1900 } });
    expect(parseSlo('wait < 1.5s')).toMatchObject({ ok: true, value: { metric: 'wait', value: 1500 } });
    expect(parseSlo('recovery.p99 < 20s')).toEqual({ ok: true, value: { text: 'recovery.p99 < 20s', metric: 'recovery', recovery: 'p99', op: '<', value: 20_000 } });
    expect(parseSlo('recovery.1.errorRate<5s')).toMatchObject({ ok: true, value: { recovery: 'errorRate', fault: 1, value: 5000 } });
  });

  it('explains what is wrong, with a hint', () => {
    expect(parseSlo('p98 < 100ms')).toEqual({ ok: false, message: 'unknown metric "p98"', hint: 'did you mean "p90"?' });
    expect(parseSlo('p99 < 100')).toEqual({ ok: false, message: 'p99 needs a duration with units (us, ms, s, m, h), got "100"', hint: 'write units, e.g. 100ms or 100s' });
    expect(parseSlo('throughput > 100')).toMatchObject({ ok: false, message: 'throughput needs a rate per unit of time (N/s, N/m, N/h), got "100"' });
    expect(parseSlo('p99 = 100ms')).toMatchObject({ ok: false, message: 'no comparison in "p99 = 100ms"' });
    expect(parseSlo('p99 =< 100ms')).toMatchObject({ ok: false, message: 'unknown operator in "p99 =< 100ms"' });
    expect(parseSlo('p99 << 100ms')).toMatchObject({ ok: false, message: 'unknown operator in "p99 << 100ms"' });
    expect(parseSlo('< 100ms')).toMatchObject({ ok: false, message: 'incomplete comparison "< 100ms"' });
    expect(parseSlo('recovery.p50 < 1s')).toMatchObject({ ok: false, message: 'unknown recovery metric "p50"' });
  });

  it('reads expectations between variants, and against a value', () => {
    expect(parseExpect('least-request.p99 < random.p99')).toEqual({
      ok: true,
      value: { text: 'least-request.p99 < random.p99', left: { variant: 'least-request', metric: 'p99' }, op: '<', right: { variant: 'random', metric: 'p99' } },
    });
    expect(parseExpect('services.api.replicas=4.mean<=services.api.replicas=2.mean')).toMatchObject({
      ok: true,
      value: { left: { variant: 'services.api.replicas=4', metric: 'mean' }, op: '<=', right: { variant: 'services.api.replicas=2' } },
    });
    expect(parseExpect('a.errorRate < 0.5%')).toMatchObject({ ok: true, value: { right: { value: 0.005 } } });
    expect(parseExpect('least.p98 < random.p99')).toEqual({ ok: false, message: 'expected <variant>.<metric> before "<", got "least.p98"', hint: 'did you mean "least.p90"?' });
    expect(parseExpect('a.p99 < b')).toMatchObject({ ok: false, message: 'expected <variant>.<metric> or a duration with units (us, ms, s, m, h) after "<", got "b"' });
  });
});

describe('SLO evaluation', () => {
  it('holds when the upper 95% bound is below the bound, not merely the mean', () => {
    const runs = [run(90), run(95), run(100), run(85)];
    const ok = evaluateSlo(slo('p99 < 110ms'), runs, context);
    expect(ok).toMatchObject({ ok: true, estimate: 92.5 });
    expect(ok.confidenceBound!).toBeGreaterThan(92.5);
    expect(ok.reason).toMatch(/^upper 95% bound 10\d\.\d ms < 110ms \(mean 92\.50 ms, 4 replications\)$/);
    const tight = evaluateSlo(slo('p99 < 100ms'), runs, context);
    expect(tight.ok).toBe(false); // the mean is 92.5, but the interval reaches above 100
    expect(tight.reason).toMatch(/^upper 95% bound 10\d\.\d ms is not < 100ms/);
  });

  it('uses the lower bound for > and >=, and the value itself with one replication', () => {
    expect(evaluateSlo(slo('throughput >= 100/s'), [run(1)], context)).toMatchObject({ ok: true, confidenceBound: 100, reason: '100.0/s >= 100/s (1 replication)' });
    expect(evaluateSlo(slo('throughput > 100/s'), [run(1)], context).ok).toBe(false);
  });

  it('reads errorRate as failed / sent and wait by Little\'s law at the target service', () => {
    expect(metricOf(run(1, 25), 'errorRate', context)).toBe(0.025);
    // Lq = 2 over 40 s with 4000 completions: λ = 100/s, Wq = 2 / 100 s = 20 ms.
    expect(metricOf(run(1), 'wait', context)).toBeCloseTo(20, 9);
    expect(evaluateSlo(slo('errorRate < 1%'), [run(1, 5), run(1, 6), run(1, 5)], context).ok).toBe(true);
    expect(evaluateSlo(slo('errorRate < 1%'), [run(1, 5), run(1, 6)], context).ok).toBe(false); // two replications: a wide interval
  });

  it('judges recovery per fault, and fails when a replication never recovered', () => {
    const runs = [run(1, 0, [5000, 100]), run(1, 0, [6000, null])];
    expect(evaluateSlo(slo('recovery.0.p99 < 30s'), runs, context)).toMatchObject({ ok: true });
    expect(evaluateSlo(slo('recovery.p99 < 30s'), runs, context)).toMatchObject({ ok: false, reason: 'fault 1: p99 did not recover in 1 of 2 replication(s)' });
    expect(evaluateSlo(slo('recovery.0.p99 < 5s'), runs, context).reason).toMatch(/^fault 0: upper 95% bound .* is not < 5s/);
  });

  it('fails with a reason when nothing was measured', () => {
    const empty = { ...run(1), latencyMs: { mean: NaN, p50: NaN, p90: NaN, p99: NaN, p999: NaN, max: NaN } };
    expect(evaluateSlo(slo('p99 < 1s'), [empty, empty], context)).toMatchObject({ ok: false, confidenceBound: null, reason: expect.stringMatching(/^nothing measured/) });
  });
});

describe('expectations', () => {
  const variants = variantsOf([parseVary('policy=random,least-request')]);
  const expectation = (text: string) => {
    const parsed = parseExpect(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };
  const all = (a: number[], b: number[]) => [
    { variant: variants[0]!, runs: a.map((p99) => run(p99)), context },
    { variant: variants[1]!, runs: b.map((p99) => run(p99)), context },
  ];

  it('a < b holds when the paired difference is significantly below 0', () => {
    const outcome = evaluateExpect(expectation('least-request.p99 < random.p99'), all([100, 120, 90, 110], [60, 81, 49, 70]), 0.05);
    expect(outcome).toMatchObject({ ok: true, left: 65, right: 105, diff: -40 });
    expect(outcome.ci![1]).toBeLessThan(0);
    expect(outcome.reason).toMatch(/^65\.00 ms vs 105\.0 ms, difference −40\.00 ms, 95% CI \[−4\d\.\d\d ms, −3\d\.\d\d ms\]$/);
  });

  it('a < b fails when the interval reaches 0; a <= b holds unless b is significantly lower', () => {
    const runs = all([100, 120, 90, 110], [101, 118, 91, 111]);
    const strict = evaluateExpect(expectation('least-request.p99 < random.p99'), runs, 0.05);
    expect(strict.ok).toBe(false);
    expect(strict.reason).toMatch(/ — not significantly lower$/);
    expect(evaluateExpect(expectation('least-request.p99 <= random.p99'), runs, 0.05).ok).toBe(true);
    expect(evaluateExpect(expectation('random.p99 >= least-request.p99'), runs, 0.05).ok).toBe(true);
    const worse = evaluateExpect(expectation('random.p99 <= least-request.p99'), all([100, 120, 90, 110], [60, 81, 49, 70]), 0.05);
    expect(worse).toMatchObject({ ok: false, reason: expect.stringMatching(/ — significantly higher$/) });
  });

  it('identical variants never satisfy a strict expectation', () => {
    expect(evaluateExpect(expectation('least-request.p99 < random.p99'), all([100, 120], [100, 120]), 0.05)).toMatchObject({ ok: false, diff: 0 });
  });

  it('against a value, is judged like an SLO on one variant', () => {
    expect(evaluateExpect(expectation('least-request.p99 < 80ms'), all([100, 120], [60, 62]), 0.05)).toMatchObject({ ok: true, reason: expect.stringMatching(/^least-request: upper 95% bound/) });
  });

  it('names the variants there are when one is unknown', () => {
    expect(() => evaluateExpect(expectation('least-requst.p99 < random.p99'), all([1], [1]), 0.05)).toThrow('expect "least-requst.p99 < random.p99": no variant "least-requst"');
  });
});
