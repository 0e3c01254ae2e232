// The scenario loader: YAML scenario files to the normalised Scenario.
// readScenarioFile (read-file.ts) is not re-exported: it uses node:fs, and this module
// also runs in the browser. Import it from './read-file' in Node code.
export { BALANCER_POLICY_OPTIONS } from './balancer-options';
export { BALANCER_DEFAULTS, CALL_DEFAULTS, CLIENT_DEFAULTS, NETWORK_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
export { closest, editDistance } from './did-you-mean';
export { DISTRIBUTION_NAMES } from './distribution-schema';
export { formatProblem, ScenarioError, type ScenarioProblem } from './errors';
export { scenarioJsonSchema } from './json-schema';
export { loadScenario, type LoadOptions } from './load';
export { nodeId, serviceNodeIds } from './node-ids';
export { type ScenarioOverride } from './overrides';
export { scenarioSchema, type ScenarioDoc } from './schema';
export type * from './types';
export {
  parseBandwidth,
  parseDuration,
  parsePercent,
  parseProbability,
  parseRate,
  parseSize,
  UNIT_EXPECTED,
  UNIT_PATTERNS,
  type UnitResult,
} from './units';
