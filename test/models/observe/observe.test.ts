import { describe, expect, it } from 'vitest';
import { collectResult } from '../../../models/run/collect';
import { FAULT_BITS, NODE_FIELDS, NODE_STRIDE, OBSERVE_DEFAULTS, WorldObserver, type Snapshot } from '../../../models/observe/observe';
import { runReplication } from '../../../models/run/run-scenario';
import { loadScenario } from '../../../planner/scenario-file';
import type { Scenario } from '../../../models/scenario/types';
import { World } from '../../../models/run/world';

// models/observe/observe.ts (the viz's window on a World). Kept beside the viz tests, its only
// user; it tests a models/ module and can move to test/models/ as it is.

const YAML = `
name: observed
seed: 4
duration: 20s
warmup: 2s
network: { latency: { dist: exponential, mean: 1ms }, loss: 0.1% }
services:
  front: { replicas: 2, cores: 2, serviceTime: { dist: exponential, mean: 4ms }, calls: [{ service: back }], callTimeout: 200ms }
  back: { replicas: 3, serviceTime: { dist: exponential, mean: 2ms } }
clients:
  load: { target: front, instances: 2, timeout: 1s, arrival: { process: poisson, rate: 200/s } }
faults:
  - { at: 5s, crash: back-1, for: 3s }
  - { at: 9s, slow: front-0, factor: 3, for: 2s }
  - { at: 12s, partition: [[front-1], [back-0, back-2]], for: 2s }
`;

const scenario = (): Scenario => loadScenario(YAML, 'observed.yaml');

/** Run to the end in steps of `stepMs`, collecting every snapshot. */
function observeAll(observer: WorldObserver, stepMs: number, maxEvents = Infinity): Snapshot[] {
  const snapshots: Snapshot[] = [];
  let t = 0;
  while (!observer.done) {
    t = Math.min(t + stepMs, observer.topology.durationMs);
    while (observer.world.sim.now() < t && !observer.done) observer.advance(t, maxEvents);
    snapshots.push(observer.snapshot());
  }
  return snapshots;
}

function nodeRecords(snapshot: Snapshot): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let r = 0; r < snapshot.nodes.length; r += NODE_STRIDE) out.set(snapshot.nodes[r]!, [...snapshot.nodes.subarray(r + 1, r + NODE_STRIDE)]);
  return out;
}

describe('WorldObserver', () => {
  it('an observed run, in any chunks, gives the same result as runReplication', () => {
    const expected = JSON.stringify(runReplication(scenario(), 4));
    for (const [stepMs, maxEvents] of [[333, Infinity], [50, 1000], [20_000, 7]] as const) {
      const world = new World(scenario(), 4);
      observeAll(new WorldObserver(world), stepMs, maxEvents);
      expect(JSON.stringify(collectResult(world)), `${stepMs} ms, ${maxEvents} events`).toBe(expected);
    }
  });

  it('has the expected defaults, and rejects bad options', () => {
    expect(OBSERVE_DEFAULTS).toEqual({ intervalMsMin: 100, intervalsMax: 600, movementsMax: 200 });
    expect(new WorldObserver(new World(scenario(), 1)).topology.intervalMs).toBe(100);
    const long = { ...scenario(), durationMs: 3_600_000 };
    expect(new WorldObserver(new World(long, 1)).topology.intervalMs).toBe(6000);
    expect(() => new WorldObserver(new World(scenario(), 1), { intervalMs: 0 })).toThrow('observe: intervalMs must be > 0, got 0');
    expect(() => new WorldObserver(new World(scenario(), 1), { movementsMax: -1 })).toThrow('observe: movementsMax must be >= 0, got -1');
  });

  it('describes the topology: services, replicas, calls, clients and their addresses, faults', () => {
    const { topology } = new WorldObserver(new World(scenario(), 4));
    expect(topology.nodes).toEqual(['front-0', 'front-1', 'back-0', 'back-1', 'back-2']);
    expect(topology.services.map((s) => [s.name, s.replicas.length, s.calls])).toEqual([['front', 2, ['back']], ['back', 3, []]]);
    expect(topology.clients).toEqual([{ name: 'load', target: 'front', addresses: ['load-0', 'load-1'], policy: 'round-robin' }]);
    expect(topology.faults.map((f) => [f.kind, f.startMs, f.endMs])).toEqual([['crash', 5000, 8000], ['slow', 9000, 11000], ['partition', 12_000, 14_000]]);
  });

  it('sends each node once, then only the nodes that changed', () => {
    const observer = new WorldObserver(new World(scenario(), 4));
    observer.advance(3000);
    expect(nodeRecords(observer.snapshot()).size).toBe(5);
    expect(observer.snapshot().nodes.length).toBe(0); // nothing ran in between
    expect(observer.snapshot().windows).toEqual([]);
  });

  it('marks crashed, slow and partitioned nodes while their fault lasts', () => {
    const observer = new WorldObserver(new World(scenario(), 4));
    const at = (t: number) => {
      observer.advance(t);
      observer.snapshot(); // drain
      const all = new WorldObserver(observer.world); // a fresh observer sends every node
      const records = nodeRecords(all.snapshot());
      all.detach();
      return (id: string) => records.get(observer.topology.nodes.indexOf(id))!;
    };
    const up = NODE_FIELDS.indexOf('up');
    const slow = NODE_FIELDS.indexOf('slowFactor');
    const faults = NODE_FIELDS.indexOf('faults');
    const at6 = at(6000);
    expect(at6('back-1')[up]).toBe(0);
    expect(at6('back-1')[faults]).toBe(FAULT_BITS.crash);
    expect(at6('back-0')[up]).toBe(1);
    const at10 = at(10_000);
    expect(at10('back-1')[up]).toBe(1);
    expect(at10('front-0')[slow]).toBe(3);
    expect(at10('front-0')[faults]).toBe(FAULT_BITS.slow);
    const at13 = at(13_000);
    expect(at13('front-0')[slow]).toBe(1);
    expect([at13('front-1')[faults], at13('back-0')[faults], at13('back-1')[faults]]).toEqual([FAULT_BITS.partition, FAULT_BITS.partition, 0]);
  });

  it('load columns: one per interval, utilisation in [0, 1], -1 for a node down at the interval\'s end', () => {
    const observer = new WorldObserver(new World(scenario(), 4));
    const columns = observeAll(observer, 1000).flatMap((s) => s.load);
    expect(columns).toHaveLength(200);
    expect(columns.every((c, i) => c.startMs === i * 100 && c.endMs === (i + 1) * 100)).toBe(true);
    const back1 = observer.topology.nodes.indexOf('back-1');
    for (const column of columns) {
      const down = column.endMs >= 5000 && column.endMs < 8000; // the crash at 5 s runs before the sample at 5 s
      expect(column.utilization[back1]! === -1, `${column.startMs}`).toBe(down);
      for (const u of column.utilization) expect(u === -1 || (u >= 0 && u <= 1)).toBe(true);
    }
    const busy = columns.slice(30, 50).reduce((sum, c) => sum + c.utilization[0]!, 0) / 20;
    expect(busy).toBeGreaterThan(0.1); // front-0: 100/s × 4 ms over 2 cores ≈ 0.2
    expect(busy).toBeLessThan(0.35);
  });

  it('samples at most movementsMax messages per snapshot, spread over the period, dropped ones flagged', () => {
    const observer = new WorldObserver(new World(scenario(), 4), { movementsMax: 50 });
    observer.advance(12_500);
    const snapshot = observer.snapshot();
    expect(snapshot.messages).toBeGreaterThan(10_000);
    expect(snapshot.movements.length).toBeLessThanOrEqual(50);
    expect(snapshot.movements.length).toBeGreaterThanOrEqual(25);
    expect(snapshot.movements[0]!.tMs).toBeLessThan(1000);
    expect(snapshot.movements[snapshot.movements.length - 1]!.tMs).toBeGreaterThan(11_000);
    const kinds = new Set(snapshot.movements.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['request', 'response']));
    const partition = new WorldObserver(new World(scenario(), 4), { movementsMax: 10_000 });
    partition.advance(12_000);
    partition.snapshot();
    partition.advance(14_000);
    const cut = partition.snapshot().movements.filter((m) => m.dropped);
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.some((m) => m.from === 'front-1' && m.to.startsWith('back-'))).toBe(true);
  });

  it('the latency digest matches the result, and its bins hold every request', () => {
    const world = new World(scenario(), 4);
    const observer = new WorldObserver(world);
    observer.advance(Infinity);
    const digest = observer.latency();
    const result = collectResult(world);
    expect(digest.count).toBe(result.requests.completed);
    expect(digest.counts.reduce((a, b) => a + b, 0)).toBe(digest.count);
    expect(digest.edgesMs).toHaveLength(digest.counts.length + 1);
    expect(Math.round(digest.p99Ms * 1000) / 1000).toBe(result.latencyMs.p99);
  });

  it('observes the network while attached, and detach stops it', () => {
    const world = new World(scenario(), 4);
    const observer = new WorldObserver(world);
    expect(world.network.observer).toBeDefined();
    observer.detach();
    expect(world.network.observer).toBeUndefined();
    observer.advance(1000);
    expect(observer.snapshot().messages).toBe(0);
  });

  it('draws a node an add-node fault brings in from the start, as not added until it is', () => {
    const kv = loadScenario(`
name: grow
seed: 1
duration: 6s
warmup: 1s
network: { latency: 200us }
services:
  kv: { kind: kv, replicas: 3, serviceTime: 50us, replication: 2, w: 1, r: 1, storageTime: 10us }
clients:
  app: { target: kv, arrival: { process: poisson, rate: 500/s }, keys: { dist: uniform, count: 1000 }, ops: { get: 0.9, put: 0.1 } }
faults:
  - { at: 3s, add-node: kv }
`, 'grow.yaml');
    const observer = new WorldObserver(new World(kv, 1));
    const { topology } = observer;
    expect(topology.nodes).toEqual(['kv-0', 'kv-1', 'kv-2', 'kv-3']);
    expect(topology.services[0]!.replicas).toEqual(['kv-0', 'kv-1', 'kv-2', 'kv-3']);
    expect(topology.addedAtMs).toEqual({ 'kv-3': 3000 });
    const up = NODE_FIELDS.indexOf('up');
    const utilization = NODE_FIELDS.indexOf('utilization');
    const snapshots = observeAll(observer, 1000);
    expect(nodeRecords(snapshots[0]!).get(3)![up]).toBe(-1);
    const records = snapshots.map(nodeRecords).filter((r) => r.has(3));
    expect(records.at(-1)!.get(3)![up]).toBe(1);
    expect(records.at(-1)!.get(3)![utilization]).toBeGreaterThan(0);
    // Load columns: NaN (not added) before 3 s, a utilisation after.
    const columns = snapshots.flatMap((snapshot) => snapshot.load);
    expect(columns.filter((c) => c.endMs < 3000).every((c) => Number.isNaN(c.utilization[3]))).toBe(true);
    expect(columns.filter((c) => c.startMs >= 3000).every((c) => c.utilization[3]! >= 0 && c.utilization[3]! <= 1)).toBe(true);
  });
});
