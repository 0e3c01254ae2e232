/**
 * Engine benchmarks: hold-model throughput of the event queue beside a bare typed-array
 * binary heap doing the same operations, end-to-end M/M/4 simulated requests per second
 * through the full client → balancer → node → response path, and memory at 10^6 vs 10^7
 * simulated requests, and memory per waiting request under overload (scenarios/overload.yaml
 * at 30 minutes and 2 hours). Run with `npm run bench` (it passes --expose-gc for memory).
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { loadScenario } from '../planner/scenario-file';
import { runScenario } from '../models/run/run-scenario';
import { World } from '../models/run/world';
import { EventQueue } from '../sim/event-queue';
import { client, scenario, service } from '../test/support/scenario';
import type { Scenario } from '../models/scenario/types';

const HOLD_OPS = 100_000;

/** The baseline: the least a heap can do, keys only, no tie-break and no payload. */
class BareHeap {
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
  }
  push(key: number): void {
    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      i = parent;
    }
    keys[i] = key;
  }
  pop(): number {
    const keys = this.keys;
    const top = keys[0]!;
    const last = keys[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= last) break;
      keys[i] = keys[child]!;
      i = child;
    }
    keys[i] = last;
    return top;
  }
}

/** A seeded xorshift for increments, identical for both heaps. */
function increments(n: number): Float64Array {
  const out = new Float64Array(n);
  let x = 88172645;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = -Math.log(((x >>> 0) + 1) / 4294967297);
  }
  return out;
}

export function mm4(requests: number): Scenario {
  const durationMs = (requests / 3.2) * 1000;
  return scenario({
    durationMs,
    windowMs: durationMs / 100,
    services: { srv: service({ cores: 4 }) },
    clients: { load: client({ arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 3.2 }] } }) },
  });
}

async function holdModel(): Promise<void> {
  const inc = increments(HOLD_OPS);
  const noop = () => {};
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  const ratios: string[] = [];
  for (const size of [1e3, 1e5]) {
    const queue = new EventQueue(size * 2);
    const bare = new BareHeap(size * 2);
    for (let i = 0; i < size; i++) {
      queue.push(inc[i % HOLD_OPS]! * size, noop, undefined);
      bare.push(inc[i % HOLD_OPS]! * size);
    }
    bench
      .add(`event queue hold, n=${size}`, () => {
        for (let i = 0; i < HOLD_OPS; i++) {
          queue.pop();
          queue.push(queue.time + inc[i]!, noop, undefined);
        }
      })
      .add(`bare heap hold, n=${size}`, () => {
        for (let i = 0; i < HOLD_OPS; i++) bare.push(bare.pop() + inc[i]!);
      });
  }
  await bench.run();
  const opsPerSec = new Map<string, number>();
  for (const task of bench.tasks) {
    const mean = task.result.state === 'completed' ? task.result.latency.mean : NaN;
    opsPerSec.set(task.name, (HOLD_OPS / mean) * 1000);
  }
  console.log('\nEvent queue, hold model (pop + push per operation)');
  console.table(bench.tasks.map((t) => ({ task: t.name, 'hold ops/s': Math.round(opsPerSec.get(t.name)!).toLocaleString('en-US') })));
  for (const size of [1e3, 1e5]) {
    const ratio = opsPerSec.get(`bare heap hold, n=${size}`)! / opsPerSec.get(`event queue hold, n=${size}`)!;
    ratios.push(`n=${size}: bare heap is ${ratio.toFixed(2)}x the event queue (target <= 1.5x)`);
  }
  ratios.forEach((r) => console.log(r));
}

function endToEnd(): void {
  const requests = 2_000_000;
  runScenario(mm4(200_000)); // warm the JIT
  const started = process.hrtime.bigint();
  const result = runScenario(mm4(requests));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSec = result.summary.requests.sent / seconds;
  console.log('\nM/M/4 (λ = 3.2, μ = 1) through client → balancer → node → response');
  console.log(`  ${result.summary.requests.sent.toLocaleString('en-US')} requests in ${seconds.toFixed(2)} s wall: ` +
    `${Math.round(perSec).toLocaleString('en-US')} simulated requests/s (target >= 1,500,000)`);
}

/** The lb-policies scenario (10 replicas, 4 client instances, one slow replica) per policy. */
function lbPolicies(): void {
  const text = readFileSync('scenarios/lb-policies.yaml', 'utf8');
  console.log('\nscenarios/lb-policies.yaml, one replication of 60 s per policy');
  const rows: Record<string, string>[] = [];
  for (const policy of ['random', 'round-robin', 'least-request', 'peak-ewma']) {
    const scenario = { ...loadScenario(text, 'lb-policies.yaml', { overrides: [{ path: 'clients.web.balancer.policy', value: policy }] }), replications: 1 };
    const started = process.hrtime.bigint();
    const result = runScenario(scenario);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rows.push({ policy, 'simulated requests/s': Math.round(result.summary.requests.sent / seconds).toLocaleString('en-US'), 'wall s': seconds.toFixed(2) });
  }
  console.table(rows);
}

function memory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    console.log('\nmemory: run with node --expose-gc to measure');
    return;
  }
  console.log('\nMemory after a run (heap used, after GC; the world is kept alive to be measured)');
  for (const requests of [1e6, 1e7]) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const world = new World(mm4(requests), 1);
    world.run();
    gc();
    const after = process.memoryUsage().heapUsed;
    console.log(`  ${requests.toExponential(0)} requests: ${((after - before) / 2 ** 20).toFixed(1)} MiB retained, ${world.sim.pending} pending events`);
  }
}

/**
 * Overload: memory is bounded by the queue, so it grows with the requests waiting, never
 * with those served. scenarios/overload.yaml (one replica at 200% load) for 30 min and 2 h.
 */
function overloadMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  const text = readFileSync('scenarios/overload.yaml', 'utf8');
  console.log('\nOverload (scenarios/overload.yaml: one replica at 200% load): heap per waiting request');
  for (const [durationText, durationMs] of [['30m', 1_800_000], ['2h', 7_200_000]] as const) {
    const overloaded = { ...loadScenario(text, 'overload.yaml'), durationMs };
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const world = new World(overloaded, 1);
    world.run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    const waiting = [...world.replicas.values()].reduce((sum, r) => sum + r.node.inSystem, 0);
    console.log(`  ${durationText}: ${waiting.toLocaleString('en-US')} waiting, ${(retained / 2 ** 20).toFixed(1)} MiB retained, ` +
      `${Math.round(retained / waiting)} bytes per waiting request, ${seconds.toFixed(2)} s wall`);
  }
}

export async function bench(): Promise<void> {
  await holdModel();
  endToEnd();
  lbPolicies();
  memory();
  overloadMemory();
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
