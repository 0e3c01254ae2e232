import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import type { DiscoverySpec } from '../../../models/discovery/discovery-spec';
import type { Subsystem } from '../../../models/subsystem/subsystem';
import { SUBSYSTEMS } from '../../../models/run/subsystems';
import type { Scenario } from '../../../models/scenario/types';
import { client, scenario, service } from '../../support/scenario';

// A subsystem that moves a service onto a new replica at 10 s, the way a cluster replaces
// pods: api-9 is built (half a core's speed), becomes the only endpoint, and is served.
const mover = (setEndpoints: boolean): Subsystem => ({
  name: 'mover',
  attach: (world) => ({
    start() {
      world.sim.at(10_000, () => {
        world.buildReplica('api', 'api-9', { cores: 1, speed: 0.5 });
        if (setEndpoints) world.setEndpoints('api', [{ id: 'api-9' }]);
      });
    },
  }),
});

function world(extra: { readonly discovery?: DiscoverySpec } = {}): Scenario {
  return scenario({
    durationMs: 30_000,
    network: { latency: { dist: 'constant', value: 1 }, loss: 0 },
    services: {
      api: service({ replicas: 2, serviceTime: { dist: 'constant', value: 4 }, calls: [{ service: 'db', count: 1, parallel: false }] }),
      db: service({ replicas: 1, serviceTime: { dist: 'constant', value: 1 } }),
    },
    clients: { web: client({ target: 'api', balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 }, arrival: { process: 'constant', steps: [{ atMs: 0, ratePerSec: 20 }] } }) },
    ...extra,
  });
}

describe('World: replicas built during the run', () => {
  it('a replica built later serves once it is the endpoint, with its capacity and its own downstream callers', () => {
    const r = runScenario(world(), { subsystems: [...SUBSYSTEMS, mover(true)] });
    const nodes = r.summary.nodes;
    expect(nodes['api-9']!.completed).toBeGreaterThan(350);
    // Before 10 s the two replicas of the start shared the load; after it, none.
    expect(nodes['api-0']!.completed + nodes['api-1']!.completed).toBeLessThan(210);
    // Every api request made its db call, api-9's too.
    expect(nodes['db-0']!.completed).toBe(nodes['api-0']!.completed + nodes['api-1']!.completed + nodes['api-9']!.completed);
    // Half speed: 4 ms of CPU take 8 ms, so a request through api-9 takes 1 + 8 + (1 + 1 + 1) + 1 ms.
    expect(r.summary.latencyMs.max).toBe(13);
    expect(r.summary.requests.failed).toBe(0);
  });

  it('without setEndpoints a later replica gets no requests', () => {
    const r = runScenario(world(), { subsystems: [...SUBSYSTEMS, mover(false)] });
    expect(r.summary.nodes['api-9']!.completed).toBe(0);
  });

  it('with discovery, a later replica registers and the callers find it at their next poll', () => {
    const discovery: DiscoverySpec = { ttlMs: 5000, heartbeatIntervalMs: 1000, pollIntervalMs: 500, deregisterCriticalAfterMs: 60_000 };
    const r = runScenario(world({ discovery }), { subsystems: [...SUBSYSTEMS, mover(false)] });
    const nodes = r.summary.nodes;
    // Round robin over three replicas from about 10.5 s: a third of ~390 requests each.
    expect(nodes['api-9']!.completed).toBeGreaterThan(110);
    expect(nodes['api-9']!.completed).toBeLessThan(150);
    expect(r.summary.requests.failed).toBe(0);
  });
});
