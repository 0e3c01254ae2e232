import { appendFileSync } from 'node:fs';
import type { ReplicationResult } from '../../models/run/result';
import { ScenarioError } from '../../models/scenario/errors';
import type { Scenario } from '../../models/scenario/types';
import { checkFile, checkReferences, checkReport } from '../../planner/check';
import { groupResults, loadJob, type Job, type JobFile, type LoadedJob } from '../../planner/job';
import type { RunSettings } from '../../planner/run-settings';
import { variantsOf } from '../../planner/variants';
import { axesFromSweep, mergeAxes, type Axis } from '../../planner/vary';
import { EXIT, UsageError } from '../errors';
import { checkMarkdown, renderCheck } from '../format/check-render';
import { writeOutput } from '../output';
import { checkFormat, type Format } from '../run-options';
import { loadBase, parseAlpha, parseAxes, parseShardFlag, parseWorkers, settingsOf } from './planner-flags';
import type { SweepFlags } from './planner-options';
import { runJob } from './run-job';
import { readText } from '../load';

/** Loads every file (reporting all invalid ones), then its variants. */
function jobFiles(files: readonly string[], cliAxes: readonly Axis[], flags: SweepFlags): { jobFiles: JobFile[]; settings: RunSettings } {
  const loaded: { file: string; text: string; base: Scenario }[] = [];
  const problems: ScenarioError[] = [];
  for (const file of files) {
    const text = readText(file);
    try {
      loaded.push({ file, text, base: loadBase(file, text) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems.flatMap((p) => p.problems));
  let settings: RunSettings = {};
  const out = loaded.map(({ file, text, base }) => {
    if ((base.slo ?? []).length === 0 && (base.expect ?? []).length === 0) {
      throw new UsageError(`check: ${file} has nothing to check (no slo: or expect: block)`, 'add e.g. slo: ["p99 < 100ms"]; see docs/planner.md');
    }
    settings = settingsOf(flags, base);
    const variants = variantsOf(mergeAxes(axesFromSweep(base.sweep), cliAxes));
    checkReferences(base.expect ?? [], variants);
    return { file, text, variants };
  });
  return { jobFiles: out, settings };
}

/** `meshsim check` (registered in check.ts). */
export async function checkCommand(files: readonly string[], flags: SweepFlags): Promise<void> {
  const format = checkFormat(flags.format);
  const alpha = parseAlpha(flags.alpha);
  const workers = parseWorkers(flags.workers);
  const shard = parseShardFlag(flags.shard);
  const { jobFiles: list, settings } = jobFiles(files, parseAxes(flags.vary), flags);
  const job: Job = { command: 'check', format, settings, options: { alpha }, files: list };
  const loaded = loadJob(job);
  const outcome = await runJob(loaded, { shard, workers, quiet: flags.quiet, label: 'check' });
  if (outcome.kind === 'partial') writeOutput(outcome.text, flags.out);
  else finishCheck(loaded, outcome.results, format, flags.out);
}

/**
 * Evaluates a check job from all its units' results (also what `merge` does): prints the
 * report, appends the Markdown to $GITHUB_STEP_SUMMARY when set, and sets exit code 1 if
 * an assertion failed.
 */
export function finishCheck(loaded: LoadedJob, results: readonly ReplicationResult[], format: Format, out: string | undefined): void {
  const grouped = groupResults(loaded, results);
  const alpha = (loaded.job.options as { alpha: number }).alpha;
  const files = loaded.job.files.map((f, i) => {
    const scenarios = loaded.scenarios[i]!;
    const inputs = f.variants.map((variant, v) => ({ variant, scenario: scenarios[v]!, runs: grouped[i]![v]! }));
    return checkFile(f.file, inputs, scenarios[0]!.slo ?? [], scenarios[0]!.expect ?? [], alpha);
  });
  const report = checkReport(files);
  writeOutput(renderCheck(report, format), out);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile !== undefined && summaryFile !== '') {
    try {
      appendFileSync(summaryFile, checkMarkdown(report));
    } catch (error) {
      throw new UsageError(`cannot append to $GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as Error).message}`, 'unset GITHUB_STEP_SUMMARY, or point it at a writable file');
    }
  }
  if (!report.ok) process.exitCode = EXIT.failed;
}
