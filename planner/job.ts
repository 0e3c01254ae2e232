/**
 * A job: what `compare` or `check` runs — scenario files (their text, so a shard or a
 * merge never rereads a file that may have changed), each with its variants, and the
 * settings and options of the command. Its units are every (file, variant, replication)
 * in that order; a shard runs some of them, `merge` puts them back together.
 */
import type { ReplicationResult } from '../models/run/result';
import { loadScenario } from './scenario-file';
import type { Scenario } from '../models/scenario/types';
import { PlannerError } from './planner-error';
import type { UnitRequest } from './run-unit';
import { withSettings, type RunSettings } from './run-settings';
import type { Variant } from './variants';

export interface JobFile {
  readonly file: string;
  readonly text: string;
  readonly variants: readonly Variant[];
}

export interface Job {
  readonly command: 'compare' | 'check';
  /** The output format asked for, used by `merge` unless it is given another. */
  readonly format: string;
  readonly settings: RunSettings;
  /** Options of the command (baseline, metrics, alpha), as plain data. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly files: readonly JobFile[];
}

export interface Unit {
  readonly file: number;
  readonly variant: number;
  readonly replication: number;
}

/** A job with its scenarios loaded (settings applied) and its units listed. */
export interface LoadedJob {
  readonly job: Job;
  /** Per file, per variant. */
  readonly scenarios: readonly (readonly Scenario[])[];
  readonly units: readonly Unit[];
}

/**
 * Loads every variant of every file (so a bad override fails before anything runs) and
 * lists the units.
 * @throws ScenarioError for a variant that does not load
 */
export function loadJob(job: Job): LoadedJob {
  const scenarios = job.files.map((f) => f.variants.map((v) => withSettings(loadScenario(f.text, f.file, { overrides: v.overrides }), job.settings)));
  const units: Unit[] = [];
  scenarios.forEach((variants, file) =>
    variants.forEach((scenario, variant) => {
      for (let replication = 0; replication < scenario.replications; replication++) units.push({ file, variant, replication });
    }),
  );
  for (const [file, variants] of scenarios.entries()) {
    const counts = new Set(variants.map((s) => s.replications));
    if (counts.size > 1) throw new PlannerError(`${job.files[file]!.file}: variants differ in replications (${[...counts].join(', ')})`, 'do not vary replications; use --replications');
  }
  return { job, scenarios, units };
}

/** What a worker needs to run a unit. */
export function unitRequest(loaded: LoadedJob, unit: Unit): UnitRequest {
  const file = loaded.job.files[unit.file]!;
  return { text: file.text, file: file.file, overrides: file.variants[unit.variant]!.overrides, settings: loaded.job.settings, replication: unit.replication };
}

/** The results of all units (in unit order) grouped per file, per variant, in replication order. */
export function groupResults(loaded: LoadedJob, results: readonly ReplicationResult[]): ReplicationResult[][][] {
  const grouped = loaded.scenarios.map((variants) => variants.map((): ReplicationResult[] => []));
  loaded.units.forEach((unit, index) => grouped[unit.file]![unit.variant]!.push(results[index]!));
  return grouped;
}
