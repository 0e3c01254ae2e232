// The planner: variants, replications in parallel, statistics, SLOs, capacity search,
// sharding. Not re-exported: analytic.ts and queueing.ts (they load mathjs, import them
// lazily), pool.ts and worker.ts (Node worker threads).
export { checkFile, checkReferences, checkReport, CHECK_SCHEMA, type Assertion, type CheckReport, type FileCheck } from './check';
export { COMPARE_METRICS_DEFAULT, COMPARE_SCHEMA, compareVariants, paired, type CompareReport, type CompareVariant, type PairedDiff } from './compare';
export { evaluateExpect, type ExpectOutcome } from './expect';
export { groupResults, loadJob, unitRequest, type Job, type JobFile, type LoadedJob, type Unit } from './job';
export { jobName, k8sJobManifests, type K8sJobOptions } from './k8s-job';
export { loadGrid, loadOverrides, peakLoad, LOAD_STEP } from './load-scaling';
export { estimate, estimateMetric, metricContext, metricOf, type MetricContext, type MetricEstimate } from './metrics';
export { decodePartial, encodePartial, mergePartials, PARTIAL_SCHEMA, type Partial } from './partial';
export { plan, PLAN_SCHEMA, scopeOf, type PlanInput, type PlanProbe, type PlanReport } from './plan';
export { PlannerError } from './planner-error';
export { withSettings, type RunSettings } from './run-settings';
export { runUnit, type UnitRequest } from './run-unit';
export { searchSmallest, searchSmallestSync, type SearchResult } from './search';
export { parseShard, shardUnits, type Shard } from './shard';
export { evaluateSlo, evaluateSlos, type SloOutcome } from './slo';
export { findVariant, labelOf, variantsOf, type Variant } from './variants';
export { axesFromSweep, axisValues, mergeAxes, parseVary, type Axis, type AxisValue } from './vary';
export { loadScenario, runSizeProblems, SCENARIO_LANGUAGE, scenarioJsonSchema } from './scenario-file';
export type { ComparisonOp, ExpectSpec, MetricRef, PlannerSpec, ScalarMetric, SloSpec, SweepAxis } from './blocks/types';
export { parseExpect, parseSlo } from './blocks/grammar';
