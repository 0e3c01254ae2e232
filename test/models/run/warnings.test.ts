import { describe, expect, it } from 'vitest';
import { offeredLoads } from '../../../models/run/offered-load';
import { runScenario } from '../../../models/run/run-scenario';
import { loadScenario } from '../../../planner/scenario-file';
import { client, scenario, service } from '../../support/scenario';

const poisson = (ratePerSec: number, atMs = 0) => ({ atMs, ratePerSec });

describe('offeredLoads', () => {
  it('multiplies the clients\' peak rates down the call graph and divides by replicas × cores', () => {
    const s = scenario({
      services: {
        front: service({ replicas: 2, cores: 2, serviceTime: { dist: 'constant', value: 10 }, calls: [{ service: 'db', count: 3, parallel: false }] }),
        db: service({ replicas: 1, serviceTime: { dist: 'exponential', mean: 2 } }),
        idle: service(),
      },
      clients: {
        web: client({ target: 'front', arrival: { process: 'poisson', steps: [poisson(50), poisson(150, 10_000), poisson(20, 20_000)] } }),
        batch: client({ target: 'db', arrival: { process: 'constant', steps: [poisson(10)] } }),
        users: client({ target: 'front', arrival: { process: 'closed', users: 1000, thinkTime: { dist: 'constant', value: 1 } } }),
      },
    });
    const loads = offeredLoads(s);
    // front: peak 150/s × 10 ms on 4 cores; db: 150 × 3 + 10 = 460/s × 2 ms on 1 core. Closed users and idle services are left out.
    expect(loads.map((l) => [l.service, l.ratePerSec, l.cores, l.utilization])).toEqual([
      ['front', 150, 4, 0.375],
      ['db', 460, 1, 0.92],
    ]);
  });
});

describe('run warnings', () => {
  const overloaded = (extra = '') => loadScenario(`name: overload
seed: 1
duration: 60s
network: { latency: 1ms }
services:
  api: { serviceTime: { dist: exponential, mean: 10ms }${extra} }
clients:
  load: { target: api, arrival: { process: poisson, rate: 150/s } }
`, 'overload.yaml');

  it('an overloaded service gets an overload warning from the file and a backlog warning from the run', () => {
    const result = runScenario(overloaded());
    expect(result.warnings.map((w) => w.kind)).toEqual(['overload', 'backlog']);
    const [overload, backlog] = result.warnings;
    expect(overload).toMatchObject({ kind: 'overload', service: 'api', utilization: 1.5, ratePerSec: 150, meanServiceTimeMs: 10, cores: 1 });
    expect(overload!.message).toBe('api is overloaded: 150/s at peak × 10 ms mean service time needs 150% of its 1 core (1 × 1), ' +
      'so its queues grow for as long as the peak lasts (hint: 2 replicas or more keep it under 80%)');
    // About a third of the arrivals (50 of 150 per second) pile up.
    expect(backlog!.kind === 'backlog' && backlog!.share).toBeGreaterThan(0.25);
    expect(result.summary.inFlight).toBe(result.summary.requests.sent - result.summary.requests.completed - result.summary.requests.failed);
    expect(result.summary.services.api!.inFlight).toBeGreaterThan(2000);
  });

  it('with a queue limit the overload rejects instead of queueing, and says so', () => {
    const result = runScenario(overloaded(', queueLimit: 50'));
    expect(result.warnings.map((w) => w.kind)).toEqual(['overload']);
    expect(result.warnings[0]!.message).toContain('requests beyond its queue limit are rejected');
    expect(result.summary.requests.rejected).toBeGreaterThan(0);
  });

  it('a busy but stable service gets none', () => {
    const result = runScenario(loadScenario(`name: busy
seed: 1
duration: 60s
network: { latency: 1ms }
services:
  api: { serviceTime: { dist: exponential, mean: 10ms } }
clients:
  load: { target: api, arrival: { process: poisson, rate: 90/s } }
`, 'busy.yaml'));
    expect(result.warnings).toEqual([]);
  });
});
