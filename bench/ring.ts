/**
 * Placement benchmarks: lookups per second and build time of each algorithm at the
 * sizes of the docs (100 nodes; ring 160 points per node; Maglev M = 65,537).
 *
 * Run: `npx tsx bench/ring.ts`. Lookups are timed in batches of 1,000 distinct keys so
 * that the timer's own cost (~50 ns) does not dominate a ~100 ns lookup.
 */
import { Bench } from 'tinybench';
import {
  BoundedLoadRing,
  HashRing,
  JumpHash,
  MaglevHash,
  RendezvousHash,
  analysisKey,
  jumpConsistentHash,
  type Placement,
} from '../components/ring/index';

const nodeCount = 100;
const batchSize = 1000;

const builders: Record<string, () => Placement> = {
  'hash-ring (100 nodes × 160 vnodes)': () => withNodes(new HashRing({ vnodes: 160 })),
  'jump (100 buckets)': () => withNodes(new JumpHash()),
  'rendezvous (100 nodes)': () => withNodes(new RendezvousHash()),
  'maglev (100 nodes, M = 65,537)': () => withNodes(new MaglevHash({ tableSize: 65_537 })),
};

function withNodes<T extends Placement>(placement: T): T {
  for (let i = 0; i < nodeCount; i++) placement.add(`node-${i}`);
  // Maglev builds its table lazily: force the build so it is counted as build time.
  placement.lookup('warm');
  return placement;
}

/** Runs every benchmark and prints one table. */
export async function bench(): Promise<void> {
  const keys = Array.from({ length: batchSize }, (_, i) => analysisKey(i));
  const keys64 = keys.map((_, i) => BigInt.asUintN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n));
  let sink = 0; // consumed below so the JIT cannot drop the lookups
  const suite = new Bench({ time: 500, warmupTime: 100 });
  for (const [name, build] of Object.entries(builders)) {
    const placement = build();
    suite.add(`lookup ${name}`, () => {
      for (const key of keys) sink += placement.lookup(key).length;
    });
  }
  suite.add('lookup jumpConsistentHash only (bigint keys, 100 buckets)', () => {
    for (const key of keys64) sink += jumpConsistentHash(key, nodeCount);
  });
  const bounded = new BoundedLoadRing({ vnodes: 160, balanceFactor: 1.25 });
  for (let i = 0; i < nodeCount; i++) bounded.add(`node-${i}`);
  suite.add('assign+release bounded-load (100 nodes, c = 1.25)', () => {
    for (const key of keys) sink += bounded.assign(key).length;
    for (const key of keys) bounded.release(key);
  });
  for (const [name, build] of Object.entries(builders)) {
    suite.add(`build ${name}`, () => {
      sink += build().nodes().length;
    });
  }
  await suite.run();
  console.table(suite.tasks.map((task) => row(task.name, task.result)));
  if (sink === -1) console.log(sink);
}

/**
 * One table row from the median latency. Other processes on a shared 2-core machine
 * add outliers that move the mean (its margin of error reached ±27% here) more than
 * the median.
 */
function row(name: string, result: unknown): Record<string, string> {
  const stats = result as { latency?: { p50: number; rme: number } };
  if (stats.latency === undefined) return { task: name, result: 'failed' };
  const medianMs = stats.latency.p50;
  if (name.startsWith('build')) {
    return { task: name, median: `${medianMs.toFixed(2)} ms/build`, rate: `${(1000 / medianMs).toFixed(0)} builds/s` };
  }
  const perOpNs = (medianMs * 1e6) / batchSize;
  const unit = name.startsWith('assign') ? 'keys' : 'lookups';
  return { task: name, median: `${perOpNs.toFixed(0)} ns/op`, rate: `${(1000 / perOpNs).toFixed(2)} M ${unit}/s` };
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
