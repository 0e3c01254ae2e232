import { describe, expect, it } from 'vitest';
import { renderResult } from '../../../cli/format/render-result';
import { runScenario } from '../../../models/run/run-scenario';
import { SUBSYSTEMS } from '../../../models/run/subsystems';
import { World } from '../../../models/run/world';
import { loadScenario } from '../../../planner/scenario-file';
import type { Subsystem } from '../../../models/subsystem/subsystem';

const SCENARIO = `
name: seam
seed: 3
duration: 2s
replications: 2
network: { latency: 1ms }
services:
  api: { replicas: 2, serviceTime: 5ms }
clients:
  web: { target: api, arrival: { process: poisson, rate: 100/s } }
faults:
  - { at: 1s, crash: api-0, for: 500ms }
`;

/** A subsystem that records which hooks the World called, in order. */
function recorder(calls: string[]): Subsystem {
  return {
    name: 'recorder',
    attach: (world) => {
      calls.push('attach');
      return {
        clientHook: (name) => {
          calls.push(`clientHook ${name} after services: ${world.replicasOf('api').length}`);
          return undefined;
        },
        start: () => calls.push(`start with ${world.callers().length} callers`),
        scheduleFault: (fault) => {
          calls.push(`scheduleFault ${fault.kind}`);
          return undefined;
        },
        collect: () => {
          calls.push(`collect at ${world.sim.now()}`);
          return { recorded: world.sim.now() } as object;
        },
      };
    },
    pool: (runs) => ({ recorded: runs.length }) as object,
  };
}

describe('the Subsystem seam', () => {
  it('calls the hooks in their documented order, and faults the request path carries out never reach a subsystem', () => {
    const calls: string[] = [];
    runScenario(loadScenario(SCENARIO, 'seam.yaml'), { subsystems: [...SUBSYSTEMS, recorder(calls)] });
    expect(calls).toEqual([
      'attach', 'clientHook web after services: 2', 'start with 1 callers', 'collect at 2000',
      'attach', 'clientHook web after services: 2', 'start with 1 callers', 'collect at 2000',
    ]);
  });

  it('puts collected parts in each replication and pooled parts in the summary', () => {
    const result = runScenario(loadScenario(SCENARIO, 'seam.yaml'), { subsystems: [...SUBSYSTEMS, recorder([])] });
    expect(result.replicationResults.map((r) => (r as { recorded?: number }).recorded)).toEqual([2000, 2000]);
    expect((result.summary as { recorded?: number }).recorded).toBe(2);
  });

  it('a World without the subsystems a scenario needs refuses its faults rather than skipping them', () => {
    const text = SCENARIO.replace('api: { replicas: 2, serviceTime: 5ms }', 'api: { replicas: 2, serviceTime: 5ms }\n  store: { kind: kv, replicas: 3, serviceTime: 1ms }')
      .replace('  - { at: 1s, crash: api-0, for: 500ms }', '  - { at: 1s, add-node: store }');
    const scenario = loadScenario(text, 'seam.yaml');
    expect(() => new World(scenario, 1, { subsystems: [] })).toThrow('model: no subsystem of this scenario carries out add-node faults');
    expect(() => new World(scenario, 1)).not.toThrow();
  });

  it('every registered subsystem has a unique name, and the report shows their sections', () => {
    const names = SUBSYSTEMS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const text = SCENARIO.replace('services:\n', 'services:\n  members: { kind: gossip, replicas: 5 }\n');
    expect(renderResult(runScenario(loadScenario(text, 'seam.yaml')), 'table')).toContain('gossip cluster (5 members)');
  });
});
