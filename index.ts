/**
 * meshsim as a library: `import { loadScenario, runScenario } from 'meshsim'`. The same
 * functions the CLI uses, for notebooks, tests and users' own tools. The engine and the
 * components have their own entry points, `meshsim/sim` and `meshsim/components`.
 *
 * ```ts
 * import { readScenarioFile, runScenario, renderResult } from 'meshsim';
 * const result = runScenario(readScenarioFile('scenarios/mm1.yaml'));
 * console.log(result.summary.latencyMs.p99, renderResult(result, 'md'));
 * ```
 */
export * from './models';
// Node only (it reads files): the browser worker imports planner/scenario-file instead.
export { readScenarioFile } from './planner/read-scenario-file';
export * from './planner';
export { renderResult } from './cli/format/render-result';
export type { Format } from './cli/run-options';
