import { describe, expect, it } from 'vitest';
import { keySampler, zipfCdf } from '../../../models/sampling/keys';
import { runScenario } from '../../../models/run/run-scenario';
import { SeededRng } from '../../../sim/rng';
import { client, scenario, service } from '../../support/scenario';

describe('request keys', () => {
  it('zipf draws key-i with probability ∝ 1/(i+1)^s', () => {
    const draw = keySampler({ dist: 'zipf', count: 1000, s: 1.1 });
    const rng = new SeededRng(1, 'keys');
    const counts = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const k = draw(rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const cdf = zipfCdf(1000, 1.1);
    expect(counts.get('key-0')! / 200_000).toBeCloseTo(cdf[0]!, 2);
    expect(counts.get('key-1')! / 200_000).toBeCloseTo(cdf[1]! - cdf[0]!, 2);
    expect(counts.get('key-0')! / counts.get('key-9')!).toBeCloseTo(10 ** 1.1, -0.3);
  });

  it('uniform keys cover the range', () => {
    const draw = keySampler({ dist: 'uniform', count: 10 });
    const rng = new SeededRng(1, 'keys');
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(draw(rng));
    expect([...seen].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `key-${i}`).sort());
  });
});

describe('weights and hashing balancers in scenarios', () => {
  const base = (policy: string, extra: object = {}) => scenario({
    durationMs: 100_000,
    services: { srv: service({ replicas: 3, cores: 64, weights: [1, 2, 3], serviceTime: { dist: 'constant', value: 1 } }) },
    clients: { load: client({ arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 600 }] }, balancer: { policy, options: {}, panicThresholdPercent: 50 }, ...extra }) },
  });

  it('weighted round robin splits requests by the scenario weights', () => {
    const nodes = runScenario(base('weighted-round-robin')).summary.nodes;
    const total = nodes['srv-0']!.completed + nodes['srv-1']!.completed + nodes['srv-2']!.completed;
    expect(nodes['srv-0']!.completed / total).toBeCloseTo(1 / 6, 2);
    expect(nodes['srv-2']!.completed / total).toBeCloseTo(3 / 6, 2);
  });

  it('ring-hash sends each key to one host: a single hot key lands on a single replica', () => {
    const nodes = runScenario(base('ring-hash', { keys: { dist: 'uniform', count: 1 } })).summary.nodes;
    const busy = Object.values(nodes).filter((n) => n.completed > 0);
    expect(busy).toHaveLength(1);
  });

  it('maglev spreads many keys by weight', () => {
    const nodes = runScenario(base('maglev', { keys: { dist: 'uniform', count: 100_000 } })).summary.nodes;
    const total = Object.values(nodes).reduce((a, n) => a + n.completed, 0);
    expect(nodes['srv-2']!.completed / total).toBeCloseTo(0.5, 1);
  });
});
