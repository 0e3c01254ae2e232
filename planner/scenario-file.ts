/**
 * The scenario file format in full: the core, the part of every registered subsystem
 * (models/run/subsystems.ts) and the planner's blocks. The one place they come together,
 * above both: `loadScenario` here is what the CLI, the viz worker and the library load with.
 * No Node APIs (the browser worker imports it); read-scenario-file.ts reads files.
 */
import { scenarioLanguage } from '../models/scenario/language';
import type { LoadOptions } from '../models/scenario/load';
import type { PathProblem } from '../models/scenario/path-problem';
import type { Scenario } from '../models/scenario/types';
import { SUBSYSTEMS } from '../models/run/subsystems';
import { plannerScenarioPart } from './blocks/planner-part';

export const SCENARIO_LANGUAGE = scenarioLanguage([...SUBSYSTEMS.flatMap((s) => (s.scenario === undefined ? [] : [s.scenario])), plannerScenarioPart]);

/**
 * Parses, validates and normalises a scenario.
 *
 * @param text the YAML source
 * @param file the file name used in problem locations (not read)
 * @param opts overrides to apply to the document
 * @returns the normalised scenario (durations in ms, rates per second, sizes in bytes)
 * @throws ScenarioError listing every problem found, in source order
 */
export function loadScenario(text: string, file: string, opts: LoadOptions = {}): Scenario {
  return SCENARIO_LANGUAGE.load(text, file, opts);
}

/** Problems of a run's size, checked again after `--duration`, `--replications` or `--seed` changed it. */
export function runSizeProblems(scenario: Scenario): PathProblem[] {
  return SCENARIO_LANGUAGE.runSizeProblems(scenario);
}

/** The JSON Schema (draft-07) of scenario files (committed as scenarios/schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return SCENARIO_LANGUAGE.jsonSchema();
}
