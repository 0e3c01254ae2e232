/**
 * Balancer benchmarks: picks per second of each policy over 100 hosts, with the
 * bookkeeping a modelled client does around each pick (onStart, and onEnd of the oldest
 * of 200 requests in flight, so active counts and RTT estimates move as in a run).
 *
 * Run: `npx tsx bench/balancer.ts`. Picks are timed in batches of 1,000 so the timer's
 * own cost (~50 ns) does not dominate a pick of ~20-200 ns.
 */
import { Bench } from 'tinybench';
import { Balancer, type Endpoint, policies } from '../components/balancer/index';
import type { Env, TimerHandle } from '../sim/env';
import { MetricsRegistry } from '../sim/metrics';
import { RngStreams } from '../sim/rng';

const hostCount = 100;
const batchSize = 1000;
const inFlightMax = 200;
/** Simulated time between picks, ms: 10 µs, i.e. 100,000 requests per second. */
const pickSpacingMs = 0.01;

/** Policy, options and host weights of each benchmark case. */
const cases: readonly { name: string; policy: string; options?: Record<string, unknown>; weighted?: boolean }[] = [
  { name: 'random', policy: 'random' },
  { name: 'round-robin', policy: 'round-robin' },
  { name: 'weighted-round-robin (equal weights)', policy: 'weighted-round-robin' },
  { name: 'weighted-round-robin (weights 1-4)', policy: 'weighted-round-robin', weighted: true },
  { name: 'least-request (P2C, d = 2)', policy: 'least-request' },
  { name: 'least-request (weights 1-4, EDF)', policy: 'least-request', weighted: true },
  { name: 'least-request-full (JSQ scan)', policy: 'least-request-full' },
  { name: 'peak-ewma (P2C)', policy: 'peak-ewma' },
];

/** A minimal Env on a manual clock: the policies only read time and draw numbers. */
class BenchEnv implements Env {
  nowMs = 0;
  readonly metrics = new MetricsRegistry();
  private readonly streams = new RngStreams(1);
  now(): number {
    return this.nowMs;
  }
  schedule(): TimerHandle {
    throw new Error('bench: policies do not schedule');
  }
  at(): TimerHandle {
    throw new Error('bench: policies do not schedule');
  }
  cancel(): void {}
  rng(stream: string) {
    return this.streams.get(stream);
  }
  send(): void {}
}

/** A balancer under load: each `pickBatch` does 1,000 picks with their bookkeeping. */
function loadedBalancer(policy: string, options: Record<string, unknown>, weighted: boolean) {
  const env = new BenchEnv();
  const balancer = new Balancer(policies[policy]!(env, options));
  balancer.setHosts(Array.from({ length: hostCount }, (_, i) => ({ id: `host-${i}`, weight: weighted ? 1 + (i % 4) : 1 })));
  // Ring buffers of requests in flight: preallocated so the timed loop allocates nothing.
  const hosts: (Endpoint | undefined)[] = new Array<Endpoint | undefined>(inFlightMax).fill(undefined);
  const sentAt = new Float64Array(inFlightMax);
  let next = 0;
  return function pickBatch(): number {
    let checksum = 0;
    for (let i = 0; i < batchSize; i++) {
      env.nowMs += pickSpacingMs;
      const oldest = hosts[next];
      if (oldest !== undefined) balancer.onEnd(oldest, env.nowMs - sentAt[next]!, true);
      const host = balancer.pick()!;
      balancer.onStart(host);
      hosts[next] = host;
      sentAt[next] = env.nowMs;
      next = (next + 1) % inFlightMax;
      checksum += host.active;
    }
    return checksum;
  };
}

/** Runs every case and prints one table. */
export async function bench(): Promise<void> {
  let sink = 0; // consumed below so the JIT cannot drop the picks
  const suite = new Bench({ time: 500, warmupTime: 100 });
  for (const { name, policy, options = {}, weighted = false } of cases) {
    const pickBatch = loadedBalancer(policy, options, weighted);
    suite.add(name, () => {
      sink += pickBatch();
    });
  }
  await suite.run();
  console.log(`${hostCount} hosts, ${inFlightMax} requests in flight, batches of ${batchSize} picks`);
  console.table(suite.tasks.map((task) => row(task.name, task.result)));
  if (sink === -1) console.log(sink);
}

/** One row from the median batch latency (less moved by noisy neighbours than the mean). */
function row(name: string, result: unknown): Record<string, string> {
  const stats = result as { latency?: { p50: number; rme: number } };
  if (stats.latency === undefined) return { policy: name, result: 'failed' };
  const perPickNs = (stats.latency.p50 * 1e6) / batchSize;
  return {
    policy: name,
    'ns/pick': perPickNs.toFixed(0),
    'picks/s': `${(1e9 / perPickNs / 1e6).toFixed(2)} M`,
    '±mean': `${stats.latency.rme.toFixed(1)}%`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
