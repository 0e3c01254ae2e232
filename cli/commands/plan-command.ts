import { parseSlo } from '../../planner/blocks/grammar';
import type { SloSpec } from '../../planner/blocks/types';
import { parseRate } from '../../models/scenario/units';
import { plan } from '../../planner/plan';
import { axesFromSweep, mergeAxes } from '../../planner/vary';
import { UsageError } from '../errors';
import { renderPlan } from '../format/plan-render';
import { writeOutput } from '../output';
import { progressBar } from '../progress';
import { checkFormat, type RunFlags } from '../run-options';
import { costFunction } from './cost-expression';
import { loadBase, parseAxes, parseWorkers, runnerFor, settingsOf } from './planner-flags';
import { readText } from '../load';

export interface PlanFlags extends RunFlags {
  readonly slo: string[];
  readonly vary: string[];
  readonly load?: string;
  readonly cost?: string;
  readonly workers?: string;
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

/** `meshsim plan` (registered in plan.ts). */
export async function planCommand(file: string, flags: PlanFlags): Promise<void> {
  const format = checkFormat(flags.format);
  const workers = parseWorkers(flags.workers);
  const text = readText(file);
  const base = loadBase(file, text);
  const slos = flags.slo.length > 0 ? parseSlos(flags.slo) : [...(base.slo ?? [])];
  const axes = mergeAxes(axesFromSweep(base.sweep), parseAxes(flags.vary));
  const load = flags.load === undefined ? undefined : parseLoad(flags.load);
  const settings = settingsOf(flags, base);
  const cost = flags.cost === undefined ? undefined : await costFunction(flags.cost);
  // The analytic model loads mathjs (about 1 s): a chunk of its own, loaded only by plan.
  const analytic = await import('../../planner/analytic');
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
