/**
 * One unit of work: one replication of one variant of one scenario file. Units carry the
 * YAML text and the overrides rather than a loaded Scenario (which holds Maps), so they
 * cross to a worker thread as plain data; the worker loads the scenario itself.
 *
 * Replication i runs with seed + i in every variant: common random numbers, so the
 * differences between variants are paired.
 */
import type { ReplicationResult } from '../models/run/result';
import { runReplication } from '../models/run/run-scenario';
import { loadScenario } from './scenario-file';
import type { ScenarioOverride } from '../models/scenario/overrides';
import type { Scenario } from '../models/scenario/types';
import { withSettings, type RunSettings } from './run-settings';

export interface UnitRequest {
  /** The scenario's YAML text and the file name it is reported under. */
  readonly text: string;
  readonly file: string;
  readonly overrides: readonly ScenarioOverride[];
  readonly settings: RunSettings;
  /** Replication index from 0; the seed is the scenario's seed plus this. */
  readonly replication: number;
}

/** Loaded scenarios by request, so the replications of one variant parse the YAML once. */
const cache = new Map<string, Scenario>();
const CACHE_MAX = 32;

/** The scenario a unit runs: loaded with its overrides, settings applied. */
export function unitScenario(request: Omit<UnitRequest, 'replication'>): Scenario {
  const key = JSON.stringify([request.file, request.text, request.overrides, request.settings]);
  let scenario = cache.get(key);
  if (scenario === undefined) {
    scenario = withSettings(loadScenario(request.text, request.file, { overrides: request.overrides }), request.settings);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, scenario);
  }
  return scenario;
}

/**
 * Runs one unit.
 * @param onProgress called now and then with the fraction of the unit's simulated time done
 */
export function runUnit(request: UnitRequest, onProgress?: (fraction: number) => void): ReplicationResult {
  const scenario = unitScenario(request);
  return runReplication(
    scenario,
    scenario.seed + request.replication,
    { onProgress: onProgress === undefined ? undefined : (p) => onProgress(p.nowMs / p.durationMs) },
    request.replication,
  );
}
