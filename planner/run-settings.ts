/**
 * Settings a command puts on top of every scenario it runs (`--seed`, `--replications`,
 * `--duration`), already parsed. The worker applies them after loading, as the main
 * thread does, so both sides run the same scenario.
 */
import type { Scenario } from '../models/scenario/types';

export interface RunSettings {
  readonly seed?: number;
  readonly replications?: number;
  readonly durationMs?: number;
}

export function withSettings(scenario: Scenario, settings: RunSettings): Scenario {
  return {
    ...scenario,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(settings.replications === undefined ? {} : { replications: settings.replications }),
    ...(settings.durationMs === undefined ? {} : { durationMs: settings.durationMs }),
  };
}
