import type { TraceSink } from '../../sim/sim-env';
import { collectResult } from './collect';
import type { ReplicationResult, Result } from './result';
import type { Scenario } from '../scenario/types';
import type { Subsystem } from '../subsystem/subsystem';
import { summarize } from './summarize';
import { World } from './world';

export interface RunProgress {
  /** Replications finished, and simulated time done in the current one. */
  readonly replication: number;
  readonly replications: number;
  readonly nowMs: number;
  readonly durationMs: number;
  readonly events: number;
  /** Overall fraction done, 0..1. */
  readonly fraction: number;
}

export interface RunScenarioOptions {
  readonly onProgress?: (progress: RunProgress) => void;
  readonly trace?: TraceSink;
  /** The subsystems that may take part (default: every registered one, models/run/subsystems.ts). */
  readonly subsystems?: readonly Subsystem[];
}

/** Run one replication with the given seed. */
export function runReplication(scenario: Scenario, seed: number, options: RunScenarioOptions = {}, index = 0): ReplicationResult {
  const world = new World(scenario, seed, { trace: options.trace, subsystems: options.subsystems });
  const reps = scenario.replications;
  world.run((p) =>
    options.onProgress?.({
      replication: index,
      replications: reps,
      nowMs: p.nowMs,
      durationMs: scenario.durationMs,
      events: p.events,
      fraction: (index + p.nowMs / scenario.durationMs) / reps,
    }),
  );
  return collectResult(world);
}

/** Run every replication (seeds seed, seed+1, ...) in turn and pool them. */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Result {
  const runs: ReplicationResult[] = [];
  for (let i = 0; i < scenario.replications; i++) runs.push(runReplication(scenario, scenario.seed + i, options, i));
  return summarize(scenario, runs, options.subsystems);
}
