/**
 * What the planner commands' flags become (axes, worker count, α, shard, run settings),
 * reading scenario files, the worker pool and the progress bar over units of work. The
 * options themselves are declared in planner-options.ts.
 */
import type { Scenario } from '../../models/scenario/types';
import { loadScenario } from '../../planner/scenario-file';
import { createRunner, defaultWorkerCount, type UnitRunner } from '../../planner/pool';
import type { RunSettings } from '../../planner/run-settings';
import { parseShard, type Shard } from '../../planner/shard';
import { parseVary, type Axis } from '../../planner/vary';
import { UsageError } from '../errors';
import { progressBar } from '../progress';
import { applyRunFlags, lateFaultNotes } from '../run-flags';
import type { RunFlags } from '../run-options';

export function parseAxes(specs: readonly string[]): Axis[] {
  return specs.map((spec) => parseVary(spec));
}

export function parseWorkers(text: string | undefined): number {
  if (text === undefined) return defaultWorkerCount();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers: expected an integer >= 1, got "${text}"`, 'e.g. --workers 4');
  return n;
}

export function parseAlpha(text: string): number {
  const alpha = Number(text);
  if (!(alpha > 0 && alpha < 0.5)) throw new UsageError(`--alpha: expected a number between 0 and 0.5, got "${text}"`, 'e.g. --alpha 0.01');
  return alpha;
}

export function parseShardFlag(text: string | undefined): Shard | undefined {
  return text === undefined ? undefined : parseShard(text);
}

/** Loads a scenario file as written (no variant), checking it first. */
export function loadBase(file: string, text: string): Scenario {
  return loadScenario(text, file);
}

/**
 * `--seed`, `--replications`, `--duration` as parsed settings, checked against `scenario`;
 * faults a shorter `--duration` drops are noted on stderr, as `run` does.
 */
export function settingsOf(flags: RunFlags, scenario: Scenario): RunSettings {
  const applied = applyRunFlags(scenario, flags);
  for (const note of lateFaultNotes(applied)) process.stderr.write(`${note}\n`);
  return {
    ...(flags.seed === undefined ? {} : { seed: applied.seed }),
    ...(flags.replications === undefined ? {} : { replications: applied.replications }),
    ...(flags.duration === undefined ? {} : { durationMs: applied.durationMs }),
  };
}

/** A runner with at most `workers` threads, but no more than there are units. */
export function runnerFor(workers: number, units: number): UnitRunner {
  return createRunner(Math.max(1, Math.min(workers, units)));
}

/** A progress bar over units of work (nothing unless stderr is a terminal). */
export function unitProgress(quiet: boolean | undefined, label: string, units: number, workers: number): { update(done: number): void; stop(): void } {
  const bar = progressBar(quiet, label);
  return {
    update: (done) => bar.update(done / units, `${Math.floor(done)}/${units} units · ${workers} worker${workers === 1 ? '' : 's'}`),
    stop: () => bar.stop(),
  };
}
