import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_STRIDE } from '../../models/observe/observe';
import type { ReplicationResult } from '../../models/run/result';
import { runReplication } from '../../models/run/run-scenario';
import { loadScenario } from '../../planner/scenario-file';
import type { SimSession } from '../../viz/worker/sim-session';
import { meshsim } from '../support/cli';

// The worker module of the viz, run under Node worker_threads through comlink's node
// adapter: the same code the browser runs in a Web Worker.
describe('viz worker under Node worker_threads', () => {
  let worker: Worker;
  let session: Remote<SimSession>;

  beforeAll(() => {
    worker = new Worker(new URL('./boot-worker.mjs', import.meta.url));
    session = wrap<SimSession>(nodeEndpoint(worker));
  });

  afterAll(async () => {
    await worker.terminate();
  });

  it('loads the quickstart and reports its topology', async () => {
    const reply = await session.load({ text: readFileSync('scenarios/quickstart.yaml', 'utf8'), file: 'quickstart.yaml' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.topology.nodes).toEqual(['api-0', 'api-1', 'api-2']);
    expect(reply.topology.clients[0]).toMatchObject({ name: 'web', target: 'api', addresses: ['web-0'] });
    expect(reply.topology.faults).toEqual([{ kind: 'crash', startMs: 20_000, endMs: 30_000, targets: ['api-1'] }]);
    expect(reply.topology.parts).toEqual({});
  }, 30_000);

  it('frames carry node changes, windows, load columns and sampled movements', async () => {
    const frame = await session.advance(21_000, { latency: true });
    expect(frame.reset).toBe(true);
    expect(frame.tMs).toBe(21_000);
    expect(frame.windows.length).toBe(20); // [20 s, 21 s) closes with the first request after 21 s
    expect(frame.load.length).toBe(210);
    expect(frame.nodes.length % NODE_STRIDE).toBe(0);
    const api1 = [...frame.nodes].slice(NODE_STRIDE, 2 * NODE_STRIDE);
    expect(api1[0]).toBe(1); // api-1's record…
    expect(api1[1]).toBe(0); // …is down: crashed at 20 s
    expect(frame.movements.length).toBeGreaterThan(0);
    expect(frame.movements.length).toBeLessThanOrEqual(200);
    expect(frame.latency!.count).toBeGreaterThan(1000);
    const next = await session.advance(21_100);
    expect(next.reset).toBe(false);
    expect(next.load.length).toBe(1);
  }, 30_000);

  it('the result JSON equals `meshsim run --format json` byte for byte', async () => {
    const json = await session.resultJson();
    const cli = meshsim('run', 'scenarios/quickstart.yaml', '--format', 'json', '--quiet');
    expect(cli.status).toBe(0);
    expect(json).toBe(cli.stdout);
  }, 60_000);

  it("with another seed, after a rewind, the watched run equals a headless one, and the JSON the CLI's", async () => {
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8');
    expect((await session.load({ text, file: 'quickstart.yaml', seed: 5 })).ok).toBe(true);
    await session.advance(40_000);
    const rewound = await session.seek(10_000);
    expect(rewound.reset).toBe(true);
    expect(rewound.tMs).toBe(10_000);
    expect(rewound.windows.map((w) => w.tMs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((s) => s * 1000));
    expect(await session.observedJson()).toBeUndefined();
    // Finish the watched run in 250 chunks: its replication equals a headless one.
    let frame = rewound;
    while (!frame.done) frame = await session.advance(frame.tMs + 200);
    expect(frame.tMs).toBe(60_000);
    const observed = await session.observedJson();
    expect(observed).toBe(JSON.stringify(runReplication(loadScenario(text, 'quickstart.yaml'), 5)));
    // The last frame carries the final latency digest though it was not asked for.
    const final = JSON.parse(observed!) as ReplicationResult;
    expect(frame.latency?.count).toBe(final.requests.completed);
    expect(Math.round(frame.latency!.p99Ms * 1000) / 1000).toBe(final.latencyMs.p99);
    const json = await session.resultJson();
    expect(json).toBe(meshsim('run', 'scenarios/quickstart.yaml', '--format', 'json', '--quiet', '--seed', '5').stdout);
  }, 60_000);

  it('a bad scenario returns its problems with line and column, as the CLI prints them', async () => {
    const text = 'name: bad\nseed: 1\nduration: 10s\nnetwork: { latency: 0ms }\nservices:\n  srv:\n    replica: 2\n    serviceTime: 1ms\nclients:\n  c: { target: srv, arrival: { process: poisson, rate: 1/s } }\n';
    const reply = await session.load({ text, file: 'bad.yaml' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.problems).toEqual([
      { file: 'bad.yaml', line: 7, column: 5, path: 'services.srv.replica', message: 'unknown key "replica"', hint: 'did you mean "replicas"?' },
    ]);
    expect(await session.validate(text, 'bad.yaml')).toEqual(reply.problems);
  }, 30_000);

  it('a seed that is not a safe whole number ≥ 0 loads nothing', async () => {
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8');
    for (const seed of [1.5, -1, Infinity, 2 ** 53]) {
      const reply = await session.load({ text, file: 'quickstart.yaml', seed });
      expect(reply.ok, String(seed)).toBe(false);
      if (!reply.ok) expect(reply.problems[0]!.message).toBe(`viz: the seed must be a whole number from 0 to 9007199254740991, got ${seed}`);
    }
  }, 30_000);

  it('an overloaded scenario warns on loading and plays to its end (its queue once overflowed the stack)', async () => {
    const reply = await session.load({ text: readFileSync('scenarios/overload.yaml', 'utf8'), file: 'overload.yaml' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.topology.warnings).toHaveLength(1);
    expect(reply.topology.warnings[0]).toMatch(/^api is overloaded: 200\/s at peak × 10 ms mean service time needs 200% of its 1 core/);
    const end = await session.advance(reply.topology.durationMs, { latency: true });
    expect(end.tMs).toBe(reply.topology.durationMs);
    expect(JSON.parse(await session.resultJson()).summary.inFlight).toBeGreaterThan(170_000);
  }, 120_000);
});

