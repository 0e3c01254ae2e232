import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import type { DiscoverySpec } from '../../../models/discovery/discovery-spec';
import type { FaultSpec } from '../../../models/scenario/types';
import { client, scenario, service } from '../../support/scenario';

function run(discovery: DiscoverySpec | undefined, faults: FaultSpec[]) {
  return runScenario(scenario({
    durationMs: 90_000,
    network: { latency: { dist: 'constant', value: 1 }, loss: 0 },
    services: { api: service({ replicas: 4, cores: 4, serviceTime: { dist: 'exponential', mean: 5 } }) },
    clients: { web: client({ target: 'api', balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
      arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 200 }] } }) },
    faults,
    ...(discovery ? { discovery } : {}),
  }));
}

const spec: DiscoverySpec = { ttlMs: 5000, heartbeatIntervalMs: 1000, pollIntervalMs: 500, deregisterCriticalAfterMs: 60_000 };
const failedBetween = (r: ReturnType<typeof run>, from: number, to: number) =>
  r.timeseries.points.filter((p) => p.tMs >= from && p.tMs < to).reduce((a, p) => a + p.failed, 0);

describe('service discovery in scenarios', () => {
  it('a crashed replica leaves the balancers after its TTL expires, and returns after restart', () => {
    const crash: FaultSpec = { kind: 'crash', atMs: 20_000, forMs: 40_000, targets: ['api-1'] };
    const r = run(spec, [crash]);
    // Failing while the registry still lists it: TTL (5 s) minus the heartbeat age, plus a poll.
    expect(failedBetween(r, 20_000, 24_000)).toBeGreaterThan(0);
    expect(failedBetween(r, 27_000, 60_000)).toBe(0);
    // After the restart it registers again and takes traffic.
    expect(r.summary.nodes['api-1']!.completed).toBeGreaterThan(0);
    expect(failedBetween(r, 60_000, 90_000)).toBe(0);
    const late = r.timeseries.points.filter((p) => p.tMs >= 70_000);
    expect(late.every((p) => p.completed > 150)).toBe(true);
  });

  it('without discovery the crashed replica keeps its share of traffic for the whole crash', () => {
    const crash: FaultSpec = { kind: 'crash', atMs: 20_000, forMs: 40_000, targets: ['api-1'] };
    const r = run(undefined, [crash]);
    expect(failedBetween(r, 27_000, 60_000)).toBeGreaterThan(1000);
  });
});
