import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, runSizeProblems, SCENARIO_LANGUAGE } from '../../../planner/scenario-file';
import { RUN_LIMITS, SEED_MAX } from '../../../models/scenario/limits';
import { approximately, expectedWindows, WINDOWS_PER_REPLICATION_MAX } from '../../../models/scenario/run-size';
import type { Scenario } from '../../../models/scenario/types';
import { MAX_WINDOWS } from '../../../models/run/world';
import { client, scenario, service } from '../../support/scenario';

const HOUR = 3_600_000;
const shipped = [
  ...['central-proxy', 'gossip-convergence', 'hedging', 'hot-keys', 'kv-add-node', 'kv-crash-quorum', 'lb-policies', 'mm1', 'mmc', 'outlier-detection', 'plan-replicas', 'quickstart', 'retry-storm', 'ring-vnodes', 'swim-crash-detection', 'swim-lossy-network'].map((name) => `scenarios/${name}.yaml`),
  'scenarios/ci/lb-regression.yaml',
  ...['fleet', 'microservices', 'slow-replica'].map((name) => `viz/examples/${name}.yaml`),
];
const expectedRequests = (s: Scenario) => SCENARIO_LANGUAGE.expectedRequests(s);
const load = (file: string): Scenario => loadScenario(readFileSync(file, 'utf8'), file);

describe('expectedRequests', () => {
  it('integrates each client\'s rate steps over the duration, times the replications', () => {
    const steps = [{ atMs: 0, ratePerSec: 100 }, { atMs: 10_000, ratePerSec: 300 }, { atMs: 90_000, ratePerSec: 1000 }];
    const s = scenario({ durationMs: 60_000, replications: 3, clients: { c: client({ arrival: { process: 'poisson', steps } }) }, services: { srv: service() } });
    // 10 s at 100/s + 50 s at 300/s; the step at 90 s is past the end.
    expect(expectedRequests(s)).toBe(3 * (1000 + 15_000));
  });

  it('multiplies by the calls one request makes down the call graph', () => {
    const s = scenario({
      durationMs: 1000,
      services: { srv: service({ calls: [{ service: 'db', count: 3, parallel: true }, { service: 'cache', count: 1, parallel: false }] }), db: service({ calls: [{ service: 'cache', count: 2, parallel: false }] }), cache: service() },
      clients: { c: client({ arrival: { process: 'constant', steps: [{ atMs: 0, ratePerSec: 10 }] } }) },
    });
    // srv 1 + db 3 × (1 + cache 2) + cache 1 = 11 requests per client request.
    expect(expectedRequests(s)).toBe(10 * 11);
  });

  it('counts closed-loop users by their shortest cycle: think time, the network both ways, the service time', () => {
    const s = scenario({
      durationMs: 10_000,
      network: { latency: { dist: 'constant', value: 5 }, loss: 0 },
      services: { srv: service({ serviceTime: { dist: 'exponential', mean: 10 } }) },
      clients: { c: client({ arrival: { process: 'closed', users: 20, thinkTime: { dist: 'constant', value: 80 } } }) },
    });
    expect(expectedRequests(s)).toBe((20 * 10_000) / 100);
  });

  it('counts the protocol rounds of gossip clusters, at memberlist\'s LAN periods by default', () => {
    const s = scenario({ durationMs: 10_000, clients: {}, gossip: new Map([['g', { members: 100, config: {}, eventsPerSec: 2 }]]) });
    // A probe a second and a gossip round every 200 ms, per member; 20 rumours.
    expect(expectedRequests(s)).toBe(100 * 10 * (1 + 5) + 20);
  });
});

describe('expectedWindows', () => {
  it('is duration / window per replication, at most the windows the world keeps', () => {
    expect(WINDOWS_PER_REPLICATION_MAX).toBe(MAX_WINDOWS);
    expect(expectedWindows(scenario({ durationMs: 60_000, windowMs: 1000, replications: 4 }))).toBe(240);
    expect(expectedWindows(scenario({ durationMs: 720 * HOUR, windowMs: 1000, replications: 4 }))).toBe(4 * MAX_WINDOWS);
  });
});

describe('runSizeProblems', () => {
  const big = (overrides: { durationMs: number }) => scenario({ services: { srv: service() }, clients: { c: client({ arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 1e6 }] } }) }, ...overrides });

  it('accepts a run right at the limit of expected requests, and refuses one just over it', () => {
    // 1e6/s for 10,000 s is 1e10 requests.
    expect(runSizeProblems(big({ durationMs: 10_000_000 }))).toEqual([]);
    const over = runSizeProblems(big({ durationMs: 10_001_000 }));
    expect(over.map((p) => [p.path, p.message])).toEqual([[['duration'], 'the run would simulate about 1e10 requests (rates × duration × 1 replication(s), with downstream calls), over the limit of 1e10']]);
  });

  it('checks the seeds of every replication: seed + replications − 1 at most 2^53 − 1', () => {
    expect(runSizeProblems(scenario({ seed: SEED_MAX - 3, replications: 4 }))).toEqual([]);
    expect(runSizeProblems(scenario({ seed: SEED_MAX - 2, replications: 4 })).map((p) => p.path)).toEqual([['seed']]);
  });

  it('refuses closed-loop users whose cycle takes no time (the clock would never advance)', () => {
    const s = scenario({
      network: { latency: { dist: 'constant', value: 0 }, loss: 0 },
      services: { srv: service({ serviceTime: { dist: 'constant', value: 0 } }) },
      clients: { c: client({ arrival: { process: 'closed', users: 1, thinkTime: { dist: 'constant', value: 0 } } }) },
    });
    expect(runSizeProblems(s).map((p) => p.path)).toEqual([['clients', 'c', 'arrival', 'thinkTime']]);
  });

  it('leaves every shipped scenario a thousand times under the limits', () => {
    for (const file of shipped) {
      const s = load(file);
      expect({ file, problems: runSizeProblems(s) }).toEqual({ file, problems: [] });
      expect({ file, small: expectedRequests(s) < RUN_LIMITS.requests / 1000 && expectedWindows(s) < RUN_LIMITS.windows / 1000 }).toEqual({ file, small: true });
    }
  });
});

describe('approximately', () => {
  it('prints counts whole below a million, else with one decimal and an exponent', () => {
    expect([approximately(12_345.6), approximately(2.52e12), approximately(1e10), approximately(Infinity)]).toEqual(['12,346', '2.5e12', '1e10', 'unboundedly many']);
  });
});
