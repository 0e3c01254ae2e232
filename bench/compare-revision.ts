/**
 * Old against new in one process: the engine's end-to-end benchmarks (M/M/4 through the
 * full request path, and scenarios/lb-policies.yaml under its four policies) run on the
 * code of a git revision and on the working tree, alternating, round after round. For a
 * refactor that must not slow the hot path, on a shared machine where two separate runs
 * minutes apart differ by ±30%.
 *
 *   npm run bench:compare -- b5f8630 [rounds] [mm4|lb]
 *
 * The revision is unpacked (`git archive`) into a temporary folder that borrows this
 * checkout's node_modules, and removed afterwards. Each run is timed in CPU seconds of
 * this process (user + system), which other jobs on the machine disturb far less than
 * wall time; both sides see the same JIT warm-up and the same machine load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Run = (scenario: unknown) => { summary: { requests: { sent: number } } };
interface Side {
  readonly name: string;
  readonly run: Run;
  readonly loadScenario: (text: string, file: string, options: object) => object;
  readonly mm4: (requests: number) => unknown;
}

const MM4_REQUESTS = 2_000_000;
const POLICIES = ['random', 'round-robin', 'least-request', 'peak-ewma'];

async function side(name: string, root: string): Promise<Side> {
  return {
    name,
    run: (await import(join(root, 'models/run/run-scenario.ts'))).runScenario,
    // Where the loader lives at that revision: bound in planner/ since the scenario parts.
    loadScenario: (await import(join(root, existsSync(join(root, 'planner/scenario-file.ts')) ? 'planner/scenario-file.ts' : 'models/scenario/load.ts'))).loadScenario,
    mm4: (await import(join(root, 'bench/engine.ts'))).mm4,
  };
}

function cpuSeconds(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** Simulated requests per CPU second of one M/M/4 run. */
function mm4(s: Side): number {
  const scenario = s.mm4(MM4_REQUESTS);
  const started = process.cpuUsage();
  const sent = s.run(scenario).summary.requests.sent;
  return sent / cpuSeconds(started);
}

/** Simulated requests per CPU second over one replication of lb-policies under each policy. */
function lbPolicies(s: Side, text: string): number {
  let sent = 0;
  let seconds = 0;
  for (const policy of POLICIES) {
    const scenario = { ...s.loadScenario(text, 'lb-policies.yaml', { overrides: [{ path: 'clients.web.balancer.policy', value: policy }] }), replications: 1 };
    const started = process.cpuUsage();
    sent += s.run(scenario).summary.requests.sent;
    seconds += cpuSeconds(started);
  }
  return sent / seconds;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rate = (x: number): string => Math.round(x).toLocaleString('en-US');

type Bench = 'mm4' | 'lb';

export async function compare(revision: string, rounds: number, benches: readonly Bench[] = ['mm4', 'lb']): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'meshsim-base-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', revision], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', folder], { input: archive });
    symlinkSync(resolve('node_modules'), join(folder, 'node_modules'), 'dir');
    const text = readFileSync('scenarios/lb-policies.yaml', 'utf8');
    const sides = [await side(revision, folder), await side('working tree', resolve('.'))];
    for (const s of sides) {
      s.run(s.mm4(200_000)); // warm the JIT on both before timing either
      lbPolicies(s, text);
    }
    const results = new Map(sides.map((s) => [s.name, { mm4: [] as number[], lb: [] as number[] }]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse(); // neither side always goes first
      if (benches.includes('mm4')) for (const s of order) results.get(s.name)!.mm4.push(mm4(s));
      if (benches.includes('lb')) for (const s of order) results.get(s.name)!.lb.push(lbPolicies(s, text));
    }
    const [base, head] = sides.map((s) => results.get(s.name)!) as [{ mm4: number[]; lb: number[] }, { mm4: number[]; lb: number[] }];
    console.log(`\nOld (${revision}) against new (working tree), ${rounds} rounds, simulated requests per CPU second, median`);
    console.table(benches.map((key) => {
      const ratios = head[key].map((x, i) => x / base[key][i]!);
      return {
        benchmark: key === 'mm4' ? `M/M/4 full path (${MM4_REQUESTS.toLocaleString('en-US')} requests)` : 'lb-policies, 4 policies × 60 s',
        old: rate(median(base[key])),
        new: rate(median(head[key])),
        'new/old (median of rounds)': median(ratios).toFixed(3),
        'new/old range': `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
      };
    }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [revision, rounds, only] = process.argv.slice(2);
  if (revision === undefined || (only !== undefined && only !== 'mm4' && only !== 'lb')) {
    console.error('usage: npm run bench:compare -- <git revision> [rounds, default 10] [mm4|lb, default both]');
    process.exit(2);
  }
  await compare(revision, Number(rounds ?? 10), only === undefined ? ['mm4', 'lb'] : [only]);
}
