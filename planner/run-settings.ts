/**
 * Settings a command puts on top of every scenario it runs (`--seed`, `--replications`,
 * `--duration`), already parsed. The worker applies them after loading, as the main
 * thread does, so both sides run the same scenario.
 */
import { runSizeProblems } from './scenario-file';
import type { Scenario } from '../models/scenario/types';
import { PlannerError } from './planner-error';

export interface RunSettings {
  readonly seed?: number;
  readonly replications?: number;
  readonly durationMs?: number;
}

/**
 * `scenario` with `settings` applied.
 *
 * @throws PlannerError when together they make a run over the bounds of limits.ts (each
 *   alone was checked, but a variant's higher rate and a longer --duration were not)
 */
export function withSettings(scenario: Scenario, settings: RunSettings): Scenario {
  const applied = {
    ...scenario,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(settings.replications === undefined ? {} : { replications: settings.replications }),
    ...(settings.durationMs === undefined ? {} : { durationMs: settings.durationMs }),
  };
  const problem = runSizeProblems(applied)[0];
  if (problem !== undefined) {
    const flags = (['seed', 'replications', 'duration'] as const).filter((key) => settings[key === 'duration' ? 'durationMs' : key] !== undefined).map((key) => `--${key}`);
    throw new PlannerError(`${scenario.name} with ${flags.join(', ')}: ${problem.message}`, problem.hint);
  }
  return applied;
}
