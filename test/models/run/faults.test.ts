import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import type { FaultSpec } from '../../../models/scenario/types';
import { client, scenario, service } from '../../support/scenario';

function withFault(fault: FaultSpec, timeoutMs?: number) {
  return runScenario(scenario({
    durationMs: 30_000,
    network: { latency: { dist: 'constant', value: 1 }, loss: 0 },
    services: { srv: service({ replicas: 2, cores: 4, serviceTime: { dist: 'exponential', mean: 10 } }) },
    clients: { load: client({ timeoutMs, balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
      arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 100 }] } }) },
    faults: [fault],
  }));
}

const failedIn = (points: readonly { tMs: number; failed: number }[], from: number, to: number) =>
  points.filter((p) => p.tMs >= from && p.tMs < to).reduce((a, p) => a + p.failed, 0);

describe('faults', () => {
  it('a crash fails requests only while the node is down, then the service recovers', () => {
    const r = withFault({ kind: 'crash', atMs: 10_000, forMs: 5_000, targets: ['srv-0'] });
    const points = r.timeseries.points;
    expect(failedIn(points, 0, 10_000)).toBe(0);
    expect(failedIn(points, 10_000, 15_000)).toBeGreaterThan(200); // half of ~500 requests
    expect(failedIn(points, 16_000, 30_000)).toBe(0);
    expect(r.faults).toEqual([{ kind: 'crash', startMs: 10_000, endMs: 15_000, targets: ['srv-0'] }]);
  });

  it('a slow node raises latency; the request still succeeds', () => {
    const base = withFault({ kind: 'slow', atMs: 0, forMs: 0, targets: ['srv-0'], factor: 1 }).summary;
    const slow = withFault({ kind: 'slow', atMs: 0, targets: ['srv-0'], factor: 5 }).summary;
    expect(slow.requests.failed).toBe(0);
    expect(slow.latencyMs.mean).toBeGreaterThan(base.latencyMs.mean * 2);
  });

  it('a partition turns requests into timeouts', () => {
    const r = withFault({ kind: 'partition', atMs: 10_000, forMs: 5_000, groups: [['load-0'], ['srv-0', 'srv-1']] }, 100);
    expect(r.summary.requests.timedOut).toBeGreaterThan(400);
    expect(r.summary.requests.timedOut).toBe(r.summary.requests.failed);
  });

  it('loss on the network costs about that fraction of requests (each needs two messages)', () => {
    const r = withFault({ kind: 'loss', atMs: 0, probability: 0.1 }, 100).summary;
    const lost = r.requests.failed / r.requests.sent;
    expect(lost).toBeGreaterThan(0.15);
    expect(lost).toBeLessThan(0.23); // 1 − 0.9² = 0.19
  });
});

describe('workload', () => {
  it('Poisson arrivals follow a piecewise rate', () => {
    const r = runScenario(scenario({
      durationMs: 20_000,
      services: { srv: service({ cores: 64, serviceTime: { dist: 'constant', value: 1 } }) },
      clients: { load: client({ arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 100 }, { atMs: 10_000, ratePerSec: 1000 }] } }) },
    }));
    const sent = (from: number, to: number) => r.timeseries.points.filter((p) => p.tMs >= from && p.tMs < to).reduce((a, p) => a + p.sent, 0);
    expect(sent(0, 10_000) / 10).toBeGreaterThan(90);
    expect(sent(0, 10_000) / 10).toBeLessThan(110);
    expect(sent(10_000, 20_000) / 10).toBeGreaterThan(970);
    expect(sent(10_000, 20_000) / 10).toBeLessThan(1030);
  });

  it('warm-up requests are not counted', () => {
    const r = runScenario(scenario({ durationMs: 10_000, warmupMs: 5_000,
      clients: { load: client({ arrival: { process: 'constant', steps: [{ atMs: 0, ratePerSec: 10 }] } }) },
      services: { srv: service({ serviceTime: { dist: 'constant', value: 1 } }) } }));
    expect(r.summary.requests.sent).toBe(51); // t = 5.0 s .. 10.0 s inclusive
  });
});
