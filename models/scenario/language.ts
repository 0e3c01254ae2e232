/**
 * A scenario language: the core's fields plus a list of parts (scenario-part.ts). The core
 * never names a part; whoever knows them all binds them here, once (planner/scenario-file.ts
 * binds every registered subsystem and the planner's blocks). Tests bind smaller languages.
 *
 * The zod schema is built on first use, so a command that loads no scenario never pays
 * for it.
 */
import { jsonSchemaOf } from './json-schema';
import { loadIn, type Grammar, type LoadOptions } from './load';
import type { PathProblem } from './path-problem';
import { expectedRequests, runSizeProblems } from './run-size';
import type { ScenarioPart } from './scenario-part';
import { buildScenarioSchema } from './schema';
import type { Scenario } from './types';

export interface ScenarioLanguage extends Grammar {
  /** Parses, validates and normalises a scenario (see load.ts); throws a ScenarioError. */
  load(text: string, file: string, opts?: LoadOptions): Scenario;
  /** The JSON Schema (draft-07) of its files. */
  jsonSchema(): Record<string, unknown>;
  /** Problems of a run's size (too many requests, windows or seeds), after overrides changed it. */
  runSizeProblems(scenario: Scenario): PathProblem[];
  /** Expected requests of the whole run, the parts' protocol work included. */
  expectedRequests(scenario: Scenario): number;
}

export function scenarioLanguage(parts: readonly ScenarioPart[]): ScenarioLanguage {
  let schema: Grammar['schema'] | undefined;
  const language: ScenarioLanguage = {
    parts,
    get schema() {
      schema ??= buildScenarioSchema(parts);
      return schema;
    },
    load: (text, file, opts) => loadIn(language, text, file, opts),
    jsonSchema: () => jsonSchemaOf(language.schema),
    runSizeProblems: (scenario) => runSizeProblems(scenario, parts),
    expectedRequests: (scenario) => expectedRequests(scenario, parts),
  };
  return language;
}
