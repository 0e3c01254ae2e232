/**
 * Start-up of the `meshsim` command, as a user runs it: each command is a fresh process
 * (`node bin/meshsim.mjs …`), beside a bare `node -e 0` in the same run. The commands take
 * turns, round after round, so that load from other jobs on the machine falls on all of
 * them alike; each row is the median over the rounds.
 *
 * Target (issue 15): a command that does not need mathjs (`--help`, `validate`, `run` of
 * a small scenario) within 4× of `node -e 0`. Before the CLI loaded its commands lazily,
 * `validate` took ~16×: every command loaded mathjs (~1 s) and the planner.
 *
 * Run: `npx tsx bench/startup.ts` (or `npm run bench -- startup`). It rebuilds the bundle
 * first (scripts/build.mjs), so the figures are those of the sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';

interface StartupCase {
  readonly label: string;
  readonly args: readonly string[];
  /** Held to the 4× target (false: shown for scale only). */
  readonly target: boolean;
}

const BIN = 'bin/meshsim.mjs';
const RATIO_TARGET = 4;

const cases: readonly StartupCase[] = [
  { label: 'node -e 0 (baseline)', args: ['-e', '0'], target: false },
  { label: 'meshsim --help', args: [BIN, '--help'], target: true },
  { label: 'meshsim validate scenarios/mm1.yaml', args: [BIN, 'validate', 'scenarios/mm1.yaml'], target: true },
  // One replication of 6 s (the 5 s warm-up and 1 s measured, ~1,800 requests): mostly
  // start-up, though simulating them still takes ~0.1 s while the code is not yet compiled.
  { label: 'meshsim run scenarios/quickstart.yaml --replications 1 --duration 6s', args: [BIN, 'run', 'scenarios/quickstart.yaml', '--replications', '1', '--duration', '6s'], target: true },
  // The whole quickstart (4 × 60 s, ~70,000 requests): what the simulation adds, for scale.
  { label: 'meshsim run scenarios/quickstart.yaml', args: [BIN, 'run', 'scenarios/quickstart.yaml'], target: false },
];

/** Rounds (one process per case per round); the first is a warm-up (file cache) and not counted. */
const roundCount = 12;

/** Wall time of one process, ms; throws if it fails. */
function timeProcess(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  // Called with roundCount - 1 >= 1 values.
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function bench(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const samples: number[][] = cases.map(() => []);
  for (let round = 0; round < roundCount; round++) {
    for (let k = 0; k < cases.length; k++) {
      const ms = timeProcess(cases[k]!.args);
      if (round > 0) samples[k]!.push(ms);
    }
  }
  const medians = samples.map(median);
  const baseline = medians[0]!;
  console.log(`\nStart-up: wall time of one process, median of ${roundCount - 1} rounds, beside \`node -e 0\` in the same run`);
  console.table(
    cases.map((c, k) => ({
      command: c.label,
      'median ms': medians[k]!.toFixed(0),
      '× node -e 0': (medians[k]! / baseline).toFixed(1),
    })),
  );
  const held = cases.map((c, k) => ({ c, ratio: medians[k]! / baseline })).filter(({ c }) => c.target);
  const worst = held.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`slowest start-up: ${worst.c.label} at ${worst.ratio.toFixed(1)}× node -e 0 (target <= ${RATIO_TARGET}×): ${worst.ratio <= RATIO_TARGET ? 'met' : 'NOT met'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
