// The package as its users import it: by name, through package.json "exports", from the
// built library (dist/lib, rebuilt by the global setup), as a notebook or a user's tool would.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadScenario, RESULT_SCHEMA, renderResult, runScenario, type Result } from 'meshsim';
import { Balancer, HashRing, policies } from 'meshsim/components';
import { Histogram, Simulation } from 'meshsim/sim';

const SMALL = `name: lib
seed: 3
duration: 5s
network: { latency: 1ms }
services:
  api: { replicas: 2, serviceTime: 5ms }
clients:
  web: { target: api, arrival: { process: poisson, rate: 100/s } }
`;

describe('the library entry points', () => {
  it("'meshsim' loads and runs a scenario and renders its result, as the CLI does", () => {
    const result: Result = runScenario(loadScenario(SMALL, 'lib.yaml'));
    expect(result.schema).toBe(RESULT_SCHEMA);
    expect(result.summary.requests.sent).toBeGreaterThan(400);
    expect(renderResult(result, 'md')).toContain('### meshsim: lib');
  });

  it("'meshsim/components' and 'meshsim/sim' give the components and the engine", () => {
    const ring = new HashRing();
    for (const node of ['a', 'b', 'c']) ring.add(node);
    expect(['a', 'b', 'c']).toContain(ring.lookup('key-1'));
    expect(typeof Balancer).toBe('function');
    expect(Object.keys(policies)).toContain('least-request');
    const sim = new Simulation();
    const seen: number[] = [];
    sim.at(5, () => seen.push(sim.now()));
    sim.run({ untilMs: 10 });
    expect(seen).toEqual([5]);
    const h = new Histogram();
    h.record(2);
    expect(h.quantile(0.5)).toBeCloseTo(2, 2);
  });

  it('plain Node resolves the package by name, and files behind the entry points are private', () => {
    const script = `
      import { readScenarioFile, runScenario } from 'meshsim';
      import { HashRing } from 'meshsim/components';
      const result = runScenario({ ...readScenarioFile('scenarios/quickstart.yaml'), durationMs: 8000, replications: 1 });
      console.log(result.schema, typeof HashRing);
      try { await import('meshsim/models/run/world'); } catch (error) { console.log(error.code); }`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('meshsim.result/v1 function\nERR_PACKAGE_PATH_NOT_EXPORTED\n');
  }, 30_000);
});
