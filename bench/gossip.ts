/**
 * Gossip scale benchmark: a 10,000-member SWIM cluster with memberlist's LAN defaults for
 * 60 s of simulated time, quiet and with churn (two crashes, a leave, a join, user events
 * at 0.1/s). Reports wall and CPU seconds, simulation events per second, messages, and the
 * heap the cluster retains (after GC, the cluster kept alive to be measured).
 *
 * Run: `npx tsx bench/gossip.ts` (or `npm run bench -- gossip`). The requirement is under
 * 20 s wall on one core for the churn run; results depend on what else the machine runs,
 * so the CPU time is printed too.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { GossipCluster, type GossipClusterOptions } from '../models/gossip/gossip-cluster';

const members = 10_000;

const scenarios: Record<string, GossipClusterOptions> = {
  quiet: { members, durationMs: 60_000, seed: 1 },
  churn: {
    members,
    durationMs: 60_000,
    seed: 1,
    faults: [
      { kind: 'crash', atMs: 10_000 },
      { kind: 'leave', atMs: 20_000 },
      { kind: 'crash', atMs: 30_000 },
      { kind: 'join', atMs: 40_000 },
    ],
    events: { rate: 0.1 },
  },
};

/** `gc` from --expose-gc, or obtained at run time (V8 allows enabling it late). */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

interface Measurement {
  readonly scenario: string;
  readonly wallS: number;
  readonly cpuS: number;
  readonly simEvents: number;
  readonly messages: number;
  readonly heapMiB: number;
}

function measure(name: string, options: GossipClusterOptions, gc: () => void): Measurement {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const cluster = new GossipCluster(options);
  cluster.run();
  const cpu = process.cpuUsage(cpuStarted);
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const detail = cluster.detail();
  return { scenario: name, wallS, cpuS: (cpu.user + cpu.system) / 1e6, simEvents: detail.simEvents, messages: detail.messages, heapMiB };
}

/** Runs both scenarios and prints one table. */
export async function bench(): Promise<void> {
  const gc = collector();
  measure('warm-up', { members: 1000, durationMs: 20_000, seed: 9, events: { rate: 1 } }, gc);
  const rows = Object.entries(scenarios).map(([name, options]) => measure(name, options, gc));
  console.log(`\nGossip: ${members.toLocaleString('en-US')} members, 60 s simulated, memberlist LAN defaults`);
  console.table(
    rows.map((row) => ({
      scenario: row.scenario,
      'wall s': row.wallS.toFixed(2),
      'cpu s': row.cpuS.toFixed(2),
      'sim events': row.simEvents.toLocaleString('en-US'),
      'events/s (wall)': Math.round(row.simEvents / row.wallS).toLocaleString('en-US'),
      messages: row.messages.toLocaleString('en-US'),
      'heap MiB': row.heapMiB.toFixed(1),
      'heap B/member': Math.round((row.heapMiB * 2 ** 20) / members).toLocaleString('en-US'),
    })),
  );
  const churn = rows.find((row) => row.scenario === 'churn')!;
  console.log(`churn run: ${churn.wallS.toFixed(1)} s wall (requirement < 20 s, aim 10 s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
