import { describe, expect, it } from 'vitest';
import { parseSlo } from '../../planner/blocks/grammar';
import type { SloSpec } from '../../planner/blocks/types';
import * as analytic from '../../planner/analytic';
import { plan, type PlanInput } from '../../planner/plan';
import { createRunner } from '../../planner/pool';
import { mmcWait } from '../../planner/theory/queueing';
import { parseVary } from '../../planner/vary';

// M/M/c: λ = 40/s, mean service 100 ms (a = 4 erlangs). Erlang C gives Wq = 55.4 ms with
// 5 cores and 14.2 ms with 6, so "mean wait < 50 ms" needs 6 cores.
const MMC = `name: mmc-plan
seed: 1
duration: 400s
warmup: 20s
replications: 3
network: { latency: 0ms }
services:
  api: { replicas: 1, cores: 1, serviceTime: { dist: exponential, mean: 100ms } }
clients:
  load: { target: api, arrival: { process: poisson, rate: 40/s }, balancer: { policy: random } }
`;

const slo = (text: string): SloSpec => {
  const parsed = parseSlo(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

const input = (over: Partial<PlanInput>): PlanInput => ({ file: 'mmc-plan.yaml', text: MMC, settings: {}, slos: [slo('wait < 50ms')], axes: [parseVary('services.api.cores=1..64')], ...over });
const runner = createRunner(1);

describe('plan', () => {
  it('on M/M/c the simulated answer equals the Erlang C answer, in two probes from it', async () => {
    expect(mmcWait(5, 0.04, 0.01)).toBeGreaterThan(50);
    expect(mmcWait(6, 0.04, 0.01)).toBeLessThan(50);
    const report = await plan(input({}), { runner, analytic });
    expect(report.answer).toEqual({ 'services.api.cores': 6 });
    expect(report.analytic).toEqual({ 'services.api.cores': 6 });
    expect(report.analyticModel).toEqual({ model: 'M/M/c', service: 'api', exact: true });
    expect(report.verified).toBe(true);
    expect(report.probes.map((p) => [p.values['services.api.cores'], p.met])).toEqual([[6, true], [5, false]]);
    expect(report.probes[1]!.slo[0]!.estimate!).toBeGreaterThan(50);
    expect(report.cost).toBeNull();
    expect(Object.keys(report)).toEqual(['schema', 'scenario', 'seed', 'replications', 'durationMs', 'warmupMs', 'slo', 'vary', 'search', 'answer', 'analytic', 'analyticModel', 'verified', 'probes', 'cost']);
  });

  it('without the analytic start, finds the same answer in a logarithmic number of probes', async () => {
    const report = await plan(input({ settings: { replications: 2, durationMs: 200_000 } }), { runner });
    expect(report.answer).toEqual({ 'services.api.cores': 6 });
    expect(report.analytic).toBeNull();
    expect(report.probes.length).toBeLessThanOrEqual(2 * Math.log2(64) + 2);
    expect(report.probes.map((p) => p.values['services.api.cores'])).toEqual([1, 2, 4, 8, 6, 5]);
  });

  it('with a cost, finds the cheapest configuration over several paths', async () => {
    const report = await plan(
      input({
        settings: { replications: 2, durationMs: 200_000 },
        axes: [parseVary('services.api.cores=1..8'), parseVary('services.api.replicas=1..3')],
        cost: (s) => (s.services as Record<string, { replicas: number; cores: number }>).api!.replicas * (s.services as Record<string, { cores: number }>).api!.cores,
      }),
      { runner, analytic },
    );
    expect(report.cost).toBe(6);
    expect(report.answer).toEqual({ 'services.api.replicas': 1, 'services.api.cores': 6 });
    expect(report.analytic).toEqual(report.answer);
    for (const probe of report.probes.filter((p) => p.met)) expect(probe.cost!).toBeGreaterThanOrEqual(6);
  });

  it('with a load range, finds the knee beside the analytic one', async () => {
    const report = await plan(
      input({ axes: [parseVary('services.api.cores=6')], load: { lo: 10, hi: 60 } }),
      { runner, analytic },
    );
    expect(report.search).toBe('load');
    const knee = report.answer!.load as number;
    const analyticKnee = report.analytic!.load as number;
    // Within a few 1% steps, and below: the upper confidence bound must meet the SLO.
    expect(Math.abs(knee - analyticKnee) / analyticKnee).toBeLessThan(0.05);
    expect(knee).toBeLessThanOrEqual(analyticKnee);
    expect(report.verified).toBe(true);
    expect(report.probes.length).toBeLessThanOrEqual(8);
    expect(report.vary).toEqual({ load: [10, 60], 'services.api.cores': [6] });
  });

  it('with nothing to vary, sizes the replicas of the only service', async () => {
    // Random splits Poisson arrivals, so each 1-core replica is an M/M/1 with ρ = 4/r:
    // Wq = ρ·S/(1 − ρ) < 50 ms needs r > 12.
    const report = await plan(input({ axes: [] }), { runner, analytic });
    expect(report.vary).toEqual({ 'services.api.replicas': [1, 1024] });
    expect(report.analytic).toEqual({ 'services.api.replicas': 13 });
    expect(report.answer).toEqual({ 'services.api.replicas': 13 });
    expect(report.verified).toBe(true);
  });

  it('refuses a search it cannot make', async () => {
    await expect(plan(input({ slos: [] }), { runner })).rejects.toThrow('plan: no SLO to plan for');
    const twoServices = MMC.replace('clients:', '  db: { serviceTime: 1ms }\nclients:');
    await expect(plan(input({ text: twoServices, axes: [] }), { runner })).rejects.toThrow('plan: no range to search');
    await expect(plan(input({ axes: [parseVary('services.api.cores=1..4'), parseVary('services.api.replicas=1..2')] }), { runner })).rejects.toThrow(
      'several varied paths need --cost',
    );
    await expect(plan(input({ load: { lo: 1, hi: 10 } }), { runner })).rejects.toThrow('--vary may only fix single values');
  });
});

describe('analytic model', () => {
  it('is an M/M/c per replica with the network round trip added', async () => {
    const { loadScenario } = await import('../../planner/scenario-file');
    const result = analytic.stationOf(loadScenario(MMC.replace('latency: 0ms', 'latency: 2ms'), 'x.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const station = { ...result.station, cores: 4, serviceMeanMs: 1000, ratePerSec: 3.2 };
    // Reference values of mmc.yaml: W = 1.746 s, median 1.346 s, p99 6.893 s.
    expect(analytic.analyticMetric(station, 'mean')).toBeCloseTo(1745.541 + 4, 2);
    expect(analytic.analyticMetric(station, 'p50')).toBeCloseTo(1346.2 + 4, 0);
    expect(analytic.analyticMetric(station, 'p99')).toBeCloseTo(6893.2 + 4, 0);
    expect(analytic.analyticMetric(station, 'wait')).toBeCloseTo(745.541, 2);
    expect(analytic.analyticMetric(station, 'throughput')).toBeCloseTo(3.2, 9);
    expect(analytic.analyticMetric({ ...station, ratePerSec: 4 }, 'p99')).toBe(Infinity);
    expect(analytic.analyticMetric(station, 'max')).toBeNaN();
    expect(analytic.isExact({ ...station, replicas: 3, policy: 'least-request' })).toBe(false);
  });

  it('says why a scenario is not M/M/c', async () => {
    const { loadScenario } = await import('../../planner/scenario-file');
    const reason = (from: string, to: string) => {
      const result = analytic.stationOf(loadScenario(MMC.replace(from, to), 'x.yaml'));
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason('{ dist: exponential, mean: 100ms }', '100ms')).toBe('the service time of api is constant, not exponential');
    expect(reason('process: poisson', 'process: constant')).toBe('arrivals are constant, not Poisson');
    expect(reason('cores: 1,', 'cores: 1, discipline: ps,')).toBe('api is not FIFO');
    expect(reason('latency: 0ms', 'latency: { dist: exponential, mean: 1ms }')).toBe('the network latency is not constant');
  });
});

describe('plan with overloaded probes', () => {
  // 3,000/s of 1 ms work: one replica is three times over capacity, and in 60 s its queue
  // passes 100,000 requests (the size that once overflowed the stack).
  const HOT = `name: hot
seed: 1
duration: 60s
warmup: 5s
replications: 2
network: { latency: 0ms }
services:
  api: { replicas: 1, serviceTime: 1ms }
clients:
  load: { target: api, arrival: { process: poisson, rate: 3000/s }, balancer: { policy: round-robin } }
`;

  it('fails the overloaded probes on their SLO, with a reason, and finds the answer', async () => {
    const report = await plan({ file: 'hot.yaml', text: HOT, settings: {}, slos: [slo('p99 < 100ms')], axes: [parseVary('services.api.replicas=1..16')] }, { runner });
    expect(report.answer).toEqual({ 'services.api.replicas': 4 });
    const first = report.probes.find((p) => p.values['services.api.replicas'] === 1)!;
    expect(first.met).toBe(false);
    expect(first.slo[0]!.ok).toBe(false);
    expect(first.slo[0]!.reason).toMatch(/^upper 95% bound [\d.]+ s is not < 100ms|^nothing measured/);
  }, 60_000);
});
