import { Option, type Command } from 'commander';
import { parseSlo } from '../../models/scenario/planner-grammar';
import type { SloSpec } from '../../models/scenario/planner-types';
import { parseRate } from '../../models/scenario/units';
import type * as Analytic from '../../planner/analytic';
import { plan } from '../../planner/plan';
import { axesFromSweep, mergeAxes } from '../../planner/vary';
import { UsageError } from '../errors';
import { renderPlan } from '../format/plan-render';
import { writeOutput } from '../output';
import { progressBar } from '../progress';
import { addRunOptions, checkFormat, type RunFlags } from '../run-options';
import { costFunction } from './cost-expression';
import { loadBase, parseAxes, parseWorkers, plannerAction, runnerFor, settingsOf, varyOption } from './planner-options';
import { readText } from '../load';

interface PlanFlags extends RunFlags {
  readonly slo: string[];
  readonly vary: string[];
  readonly load?: string;
  readonly cost?: string;
  readonly workers?: string;
}

const EXAMPLES = `
Examples:
  meshsim plan scenarios/plan-replicas.yaml
  meshsim plan scenarios/mmc.yaml --slo "wait<1s" --vary services.srv.cores=1..32 --duration 20000s
  meshsim plan scenarios/plan-replicas.yaml --vary services.api.replicas=1..16 --vary services.api.cores=1..4 \\
      --cost "services.api.replicas * services.api.cores * 0.045"
  meshsim plan scenarios/plan-replicas.yaml --vary services.api.replicas=8 --load 500/s..8000/s

SLOs: <metric><op><value>, metric p50|p90|p99|p999|mean|max|wait|errorRate|throughput, op < <= > >=,
e.g. "p99<100ms", "errorRate<0.1%", "throughput>=1900/s". An SLO holds when its 95% confidence bound does.
`;

export function registerPlan(program: Command): void {
  const command = program
    .command('plan')
    .summary('find the smallest capacity (or the highest load) that meets SLOs')
    .description(
      'Find the smallest value of a path (replicas, cores) whose SLOs hold with the upper 95% confidence bound, by a monotone search ' +
        '(bracket, then bisect) with every replication at each probe, verifying that the value below fails; with --cost, the cheapest ' +
        'configuration over several paths; with --load, the highest sustainable arrival rate (the knee). M/M/c services get the Erlang C answer beside it.',
    )
    .argument('<file>', 'scenario file (YAML)');
  addRunOptions(command)
    .addOption(new Option('--slo <slo>', 'an SLO, e.g. "p99<100ms"; repeatable').argParser((v: string, prev: string[]) => [...prev, v]).default([], "the scenario's slo: block"))
    .addOption(varyOption('the path to search, PATH=LO..HI (e.g. services.api.replicas=1..32); with --cost, several paths and lists; PATH=V fixes a value').default([], "the scenario's sweep: block, else services.<its only service>.replicas=1..1024"))
    .option('--load <rate>', 'search the arrival rate instead: HI or LO..HI, e.g. 5000/s or 100/s..5000/s (default LO: HI/1000); reports the knee')
    .option('--cost <expr>', 'a mathjs expression over the scenario to minimise, e.g. "services.api.replicas * services.api.cores * 0.045" (default: none)')
    .option('--workers <n>', 'worker threads running a probe\'s replications in parallel; results do not depend on it (default: the number of CPUs)')
    .addHelpText('after', EXAMPLES)
    .action(plannerAction((file: string, flags: PlanFlags) => planCommand(file, flags)));
}

function parseSlos(texts: readonly string[]): SloSpec[] {
  return texts.map((text) => {
    const parsed = parseSlo(text);
    if (!parsed.ok) throw new UsageError(`--slo "${text}": ${parsed.message}`, parsed.hint ?? 'e.g. --slo "p99<100ms"');
    return parsed.value;
  });
}

export function parseLoad(text: string): { lo: number; hi: number } {
  const parts = text.split('..');
  const rates = parts.map((p) => parseRate(p.trim()));
  const bad = rates.findIndex((r) => !r.ok || r.value <= 0);
  if (parts.length > 2 || bad >= 0) throw new UsageError(`--load: expected a rate or a range of rates LO..HI, got "${text}"`, 'e.g. --load 5000/s or --load 100/s..5000/s');
  const values = rates.map((r) => (r.ok ? r.value : 0));
  const [lo, hi] = values.length === 1 ? [values[0]! / 1000, values[0]!] : [values[0]!, values[1]!];
  if (!(lo < hi)) throw new UsageError(`--load ${text}: LO must be below HI`, 'e.g. --load 100/s..5000/s');
  return { lo, hi };
}

/**
 * The analytic model, which loads mathjs (about 1 s): only `plan` pays for it. The bundle
 * has it as dist/planner-analytic.mjs beside dist/cli.mjs; from the sources, the .ts file.
 */
async function loadAnalytic(): Promise<typeof Analytic> {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../planner/analytic.ts', here) : new URL('./planner-analytic.mjs', here);
  return (await import(url.href)) as typeof Analytic;
}

async function planCommand(file: string, flags: PlanFlags): Promise<void> {
  const format = checkFormat(flags.format);
  const workers = parseWorkers(flags.workers);
  const text = readText(file);
  const base = loadBase(file, text);
  const slos = flags.slo.length > 0 ? parseSlos(flags.slo) : [...(base.slo ?? [])];
  const axes = mergeAxes(axesFromSweep(base.sweep), parseAxes(flags.vary));
  const load = flags.load === undefined ? undefined : parseLoad(flags.load);
  const settings = settingsOf(flags, base);
  const cost = flags.cost === undefined ? undefined : await costFunction(flags.cost);
  const analytic = await loadAnalytic();
  const runner = runnerFor(workers, settings.replications ?? base.replications);
  const bar = progressBar(flags.quiet, `plan ${base.name}`);
  try {
    const report = await plan(
      { file, text, settings, slos, axes, ...(load === undefined ? {} : { load }), ...(cost === undefined ? {} : { cost }) },
      {
        runner,
        analytic,
        onProgress: (p) => bar.update(Math.min(0.99, (p.probes + p.fraction) / (p.probes + 2)), `probe ${p.probes + 1} · ${Object.entries(p.values).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`),
      },
    );
    bar.stop();
    writeOutput(renderPlan(report, format), flags.out);
  } finally {
    bar.stop();
    await runner.close();
  }
}
