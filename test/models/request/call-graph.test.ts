import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import type { CallSpec, Scenario } from '../../../models/scenario/types';
import { client, scenario, service } from '../../support/scenario';

function graph(calls: CallSpec[], latencyMs = 0, dbTime: Scenario['services'] extends never ? never : object = {}): Scenario {
  return scenario({
    durationMs: 10_000,
    network: { latency: { dist: 'constant', value: latencyMs }, loss: 0 },
    services: {
      api: service({ serviceTime: { dist: 'constant', value: 1 }, calls, cores: 8 }),
      db: service({ replicas: 2, cores: 8, serviceTime: { dist: 'constant', value: 5 }, ...dbTime }),
    },
    clients: { load: client({ target: 'api', arrival: { process: 'constant', steps: [{ atMs: 0, ratePerSec: 10 }] } }) },
  });
}

describe('call graph', () => {
  it('a request with no contention costs CPU plus its downstream calls', () => {
    expect(runScenario(graph([])).summary.latencyMs.max).toBeCloseTo(1, 3);
    expect(runScenario(graph([{ service: 'db', count: 2, parallel: true }])).summary.latencyMs.max).toBeCloseTo(6, 3);
    expect(runScenario(graph([{ service: 'db', count: 2, parallel: false }])).summary.latencyMs.max).toBeCloseTo(11, 3);
  });

  it('network latency is paid on every hop', () => {
    // client→api, api→db, db→api, api→client: four 1 ms hops.
    const s = runScenario(graph([{ service: 'db', count: 3, parallel: true }], 1)).summary;
    expect(s.latencyMs.mean).toBeCloseTo(10, 3);
  });

  it('reports per-service server-side latency', () => {
    const s = runScenario(graph([{ service: 'db', count: 1, parallel: false }], 1)).summary;
    expect(s.services['db']!.latencyMs.mean).toBeCloseTo(5, 3);
    expect(s.services['api']!.latencyMs.mean).toBeCloseTo(1 + 1 + 5 + 1, 3);
    expect(s.services['db']!.completed).toBe(s.services['api']!.completed);
  });

  it('parallel fan-out amplifies the tail: the max of k draws', () => {
    const fan = (count: number) => runScenario(graph([{ service: 'db', count, parallel: true }], 0,
      { serviceTime: { dist: 'exponential', mean: 5 } })).summary.latencyMs.p50;
    expect(fan(8)).toBeGreaterThan(fan(1) * 2);
  });

  it('a failing downstream call fails the request', () => {
    const result = runScenario({ ...graph([{ service: 'db', count: 1, parallel: false }]),
      faults: [{ kind: 'crash', atMs: 0, targets: ['db-0', 'db-1'] }] });
    const s = result.summary;
    const answered = s.requests.sent - result.replicationResults[0]!.inFlight;
    expect(s.requests.completed).toBe(0);
    expect(s.requests.failed).toBe(answered);
    expect(s.services['api']!.failed).toBe(answered);
  });
});
