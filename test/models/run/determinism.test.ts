import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import type { Scenario } from '../../../models/scenario/types';
import { client, scenario, service } from '../../support/scenario';

function small(policy: string): Scenario {
  return scenario({
    seed: 9,
    durationMs: 60_000,
    warmupMs: 5_000,
    replications: 2,
    network: { latency: { dist: 'exponential', mean: 1 }, loss: 0.001 },
    services: { srv: service({ replicas: 3, cores: 2, serviceTime: { dist: 'lognormal', median: 5, p99: 50 } }) },
    clients: { load: client({ instances: 2, timeoutMs: 200, arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 500 }] },
      balancer: { policy, options: {}, panicThresholdPercent: 50 } }) },
    faults: [{ kind: 'crash', atMs: 20_000, forMs: 5_000, targets: ['srv-1'] }],
  });
}

function requests(s: Scenario): string[] {
  const seen: string[] = [];
  runScenario(s, { trace: (r) => { if (r.type === 'request') seen.push(`${r.t}:${r['demandMs']}`); } });
  return seen;
}

describe('determinism', () => {
  it('the same scenario and seed give byte-identical JSON', () => {
    const a = JSON.stringify(runScenario(small('random')));
    const b = JSON.stringify(runScenario(small('random')));
    expect(a).toBe(b);
  });

  it('a different seed gives different results', () => {
    const a = runScenario(small('random')).summary.latencyMs.mean;
    const b = runScenario({ ...small('random'), seed: 10 }).summary.latencyMs.mean;
    expect(a).not.toBe(b);
  });

  it('changing the balancer policy leaves arrival times and service demands unchanged', () => {
    const random = requests(small('random'));
    const roundRobin = requests(small('round-robin'));
    expect(random.length).toBeGreaterThan(50_000);
    expect(roundRobin).toEqual(random);
  });

  it('requests are conserved: sent = completed + failed + in flight', () => {
    const result = runScenario(small('random'));
    for (const r of result.replicationResults) {
      expect(r.requests.sent).toBe(r.requests.completed + r.requests.failed + r.inFlight);
      expect(r.requests.failed).toBeGreaterThan(0); // the crash and the loss cost something
    }
  });
});
