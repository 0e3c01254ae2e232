import type { ReplicationResult } from '../../models/run/result';
import { SCALAR_METRICS, type ScalarMetric } from '../../planner/blocks/types';
import { closest } from '../../models/scenario/did-you-mean';
import { compareVariants } from '../../planner/compare';
import { groupResults, loadJob, type Job, type LoadedJob } from '../../planner/job';
import { variantsOf, findVariant } from '../../planner/variants';
import { axesFromSweep, mergeAxes } from '../../planner/vary';
import { UsageError } from '../errors';
import { renderCompare } from '../format/compare-render';
import { writeOutput } from '../output';
import { checkFormat, type Format } from '../run-options';
import { loadBase, parseAlpha, parseAxes, parseShardFlag, parseWorkers, settingsOf } from './planner-flags';
import type { SweepFlags } from './planner-options';
import { runJob } from './run-job';
import { readText } from '../load';

export interface CompareFlags extends SweepFlags {
  readonly baseline?: string;
  readonly metric: string;
}

export function parseMetrics(text: string): ScalarMetric[] {
  const names = text.split(',').map((m) => m.trim()).filter((m) => m !== '');
  if (names.length === 0) throw new UsageError('--metric: no metric given', `e.g. --metric p99,errorRate`);
  for (const name of names) {
    if (!(SCALAR_METRICS as readonly string[]).includes(name)) {
      const match = closest(name, SCALAR_METRICS);
      throw new UsageError(`--metric: unknown metric "${name}"`, match === undefined ? `metrics: ${SCALAR_METRICS.join(', ')}` : `did you mean "${match}"?`);
    }
  }
  return [...new Set(names)] as ScalarMetric[];
}

/** `meshsim compare` (registered in compare.ts). */
export async function compareCommand(file: string, flags: CompareFlags): Promise<void> {
  const format = checkFormat(flags.format);
  const metrics = parseMetrics(flags.metric);
  const alpha = parseAlpha(flags.alpha);
  const workers = parseWorkers(flags.workers);
  const shard = parseShardFlag(flags.shard);
  const text = readText(file);
  const base = loadBase(file, text);
  const axes = mergeAxes(axesFromSweep(base.sweep), parseAxes(flags.vary));
  if (axes.length === 0) throw new UsageError(`compare: ${file} has no sweep: block and no --vary was given`, 'e.g. --vary clients.web.balancer.policy=round-robin,least-request');
  const variants = variantsOf(axes);
  if (variants.length < 2) throw new UsageError('compare: only one variant to compare', 'give each varied path two or more values');
  if (flags.baseline !== undefined) findVariant(variants, flags.baseline, '--baseline');
  const job: Job = {
    command: 'compare',
    format,
    settings: settingsOf(flags, base),
    options: { metrics, alpha, ...(flags.baseline === undefined ? {} : { baseline: flags.baseline }) },
    files: [{ file, text, variants }],
  };
  const loaded = loadJob(job);
  const outcome = await runJob(loaded, { shard, workers, quiet: flags.quiet, label: `compare ${base.name}` });
  writeOutput(outcome.kind === 'partial' ? outcome.text : finishCompare(loaded, outcome.results, format), flags.out);
}

/** The output of a compare job from all its units' results (also what `merge` prints). */
export function finishCompare(loaded: LoadedJob, results: readonly ReplicationResult[], format: Format): string {
  const grouped = groupResults(loaded, results)[0]!;
  const file = loaded.job.files[0]!;
  const options = loaded.job.options as { metrics: ScalarMetric[]; alpha: number; baseline?: string };
  const inputs = file.variants.map((variant, i) => ({ variant, scenario: loaded.scenarios[0]![i]!, runs: grouped[i]! }));
  const report = compareVariants(inputs, { metrics: options.metrics, alpha: options.alpha, ...(options.baseline === undefined ? {} : { baseline: options.baseline }) });
  return renderCompare(report, format);
}
