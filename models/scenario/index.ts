// The scenario language's core: YAML scenario files to the normalised Scenario, in a
// language of the core and a list of parts. The full language (every subsystem and the
// planner) is bound in planner/scenario-file.ts. read-file.ts is not re-exported: it uses
// node:fs, and this module also runs in the browser.
export { BALANCER_POLICY_OPTIONS } from './balancer-options';
export { BALANCER_DEFAULTS, CALL_DEFAULTS, CLIENT_DEFAULTS, NETWORK_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
export { closest, editDistance } from './did-you-mean';
export { DISTRIBUTION_NAMES } from './distribution-schema';
// The leaf fields a part's schema is made of (scenario-part.ts).
export { block, boolean, countUpTo, cpu, duration, explained, integerBetween, memory, oneOf, positiveDuration, probability, rate, size } from './fields';
export { faultTarget, faultTiming } from './fault-fields';
export { parseCpu, parseMemory } from './quantities';
export { formatProblem, ScenarioError, type ScenarioProblem } from './errors';
export { jsonSchemaOf } from './json-schema';
export { scenarioLanguage, type ScenarioLanguage } from './language';
export { type LoadOptions } from './load';
export { nodeId, serviceNodeIds } from './node-ids';
export { type ScenarioOverride } from './overrides';
export { buildScenarioSchema, type ScenarioDoc } from './schema';
export type { Fields, NormaliseContext, PartFault, ScenarioPart, ServiceKind, ServiceVariant } from './scenario-part';
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
