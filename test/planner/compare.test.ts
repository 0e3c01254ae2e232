import { describe, expect, it } from 'vitest';
import { runReplication } from '../../models/run/run-scenario';
import { loadScenario } from '../../planner/scenario-file';
import { COMPARE_SCHEMA, compareVariants, type CompareInput } from '../../planner/compare';
import { variantsOf, type Variant } from '../../planner/variants';
import { parseVary } from '../../planner/vary';

const SMALL = `name: small
seed: 1
duration: 10s
warmup: 1s
network: { latency: 0ms }
services:
  api: { replicas: 2, serviceTime: { dist: exponential, mean: 5ms } }
clients:
  web: { target: api, arrival: { process: poisson, rate: 200/s }, balancer: { policy: random } }
`;

const SLOW_REPLICA = `name: slow-replica
seed: 1
duration: 30s
warmup: 2s
replications: 4
network: { latency: 500us }
services:
  api: { replicas: 4, serviceTime: { dist: exponential, mean: 10ms } }
clients:
  web: { target: api, arrival: { process: poisson, rate: 240/s }, balancer: { policy: random } }
faults:
  - { at: 0s, slow: api-0, factor: 1.5 }
`;

/** A variant's runs with the given seeds. */
function input(text: string, variant: Variant, seeds: readonly number[]): CompareInput {
  const scenario = loadScenario(text, 'test.yaml', { overrides: variant.overrides });
  return { variant, scenario, runs: seeds.map((seed) => runReplication(scenario, seed)) };
}

const seedsFrom = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);
const twin = (name: string): Variant => ({ name, shortName: name, values: {}, overrides: [] });

describe('compare', () => {
  it('identical variants with common random numbers differ by exactly 0, never significantly (20 seeds)', () => {
    for (let trial = 0; trial < 20; trial++) {
      const seeds = seedsFrom(100 * trial + 1, 3);
      const report = compareVariants([input(SMALL, twin('a'), seeds), input(SMALL, twin('b'), seeds)], { metrics: ['mean', 'p99'], alpha: 0.05 });
      expect(report.variants[1]!.vsBaseline.p99).toMatchObject({ diff: 0, significant: false });
      expect(report.winner).toEqual({ mean: null, p99: null });
    }
  });

  it('identical variants on independent seeds are significantly different at about the alpha rate (20 seeds)', () => {
    const significant = { mean: 0, p99: 0 };
    for (let trial = 0; trial < 20; trial++) {
      const a = input(SMALL, twin('a'), seedsFrom(100 * trial + 1, 5));
      const b = input(SMALL, twin('b'), seedsFrom(100 * trial + 51, 5));
      const report = compareVariants([a, b], { metrics: ['mean', 'p99'], alpha: 0.05 });
      for (const metric of ['mean', 'p99'] as const) if (report.variants[1]!.vsBaseline[metric]!.significant) significant[metric]++;
    }
    // At α = 5%, 1 in 20 is expected; 5 or more would happen by chance with probability 0.3%.
    expect(significant.mean).toBeLessThanOrEqual(4);
    expect(significant.p99).toBeLessThanOrEqual(4);
  });

  it('detects a clearly better policy: least-request beats random with a slow replica', () => {
    const variants = variantsOf([parseVary('clients.web.balancer.policy=random,least-request')]);
    const seeds = seedsFrom(1, 4);
    const report = compareVariants(
      variants.map((v) => input(SLOW_REPLICA, v, seeds)),
      { metrics: ['throughput', 'mean', 'p99'], alpha: 0.05 },
    );
    const lr = report.variants[1]!;
    expect(lr.vsBaseline.p99!.significant).toBe(true);
    expect(lr.vsBaseline.p99!.ci95[1]).toBeLessThan(0);
    expect(lr.vsBaseline.mean!.diff).toBeLessThan(0);
    expect(report.winner).toMatchObject({ mean: 'clients.web.balancer.policy=least-request', p99: 'clients.web.balancer.policy=least-request' });
  });

  it('reports the v1 keys, the baseline against itself as zero, and the chosen baseline', () => {
    const variants = variantsOf([parseVary('clients.web.balancer.policy=random,round-robin')]);
    const inputs = variants.map((v) => input(SMALL, v, [1, 2]));
    const report = compareVariants(inputs, { metrics: ['p99', 'errorRate'], alpha: 0.05, baseline: 'round-robin' });
    expect(report.schema).toBe(COMPARE_SCHEMA);
    expect(Object.keys(report)).toEqual(['schema', 'scenario', 'seed', 'replications', 'durationMs', 'warmupMs', 'alpha', 'metrics', 'baseline', 'variants', 'winner']);
    expect(report.baseline).toBe('clients.web.balancer.policy=round-robin');
    const base = report.variants[1]!;
    expect(Object.keys(base)).toEqual(['name', 'label', 'values', 'summary', 'warnings', 'metrics', 'vsBaseline']);
    expect(base.values).toEqual({ 'clients.web.balancer.policy': 'round-robin' });
    expect(base.vsBaseline.p99).toEqual({ diff: 0, ci95: [0, 0], pValue: 1, significant: false });
    expect(Object.keys(base.summary)).toEqual(expect.arrayContaining(['requests', 'throughputPerSec', 'latencyMs', 'ci95', 'nodes']));
    expect(base.metrics.errorRate).toEqual({ mean: 0, ci95: [0, 0] });
  });
});

describe('compare with an overloaded variant', () => {
  it('runs it, and carries its overload and backlog warnings', () => {
    const variants = variantsOf([parseVary('services.api.replicas=1,3')]);
    const seeds = seedsFrom(1, 2);
    const hot = SMALL.replace('rate: 200/s', 'rate: 300/s').replace('duration: 10s', 'duration: 30s');
    const report = compareVariants(variants.map((v) => input(hot, v, seeds)), { metrics: ['p99'], alpha: 0.05 });
    expect(report.variants[0]!.warnings.map((w) => w.kind)).toEqual(['overload', 'backlog']);
    expect(report.variants[1]!.warnings).toEqual([]);
    expect(report.winner.p99).toBe(report.variants[1]!.name);
  });
});
