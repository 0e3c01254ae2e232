// The modelled world, as the library exports it: the scenario language's core, running a
// scenario, reading the result. The full language (loadScenario) is bound in planner/.
export * from './scenario';
export type { ClientSummary, Interval, RunWarning, LatencySummary, NodeSummary, RecoverySummary, ReplicationResult, RequestCounts, ResilienceSummary, Result, ServiceSummary, Summary } from './run/result';
export { RESULT_SCHEMA } from './run/result';
export { runReplication, runScenario, type RunProgress, type RunScenarioOptions } from './run/run-scenario';
export { summarize } from './run/summarize';
export type { WindowPoint } from './run/time-series';
export { offeredLoads, type OfferedLoad } from './run/offered-load';
export { overloadWarnings, runWarnings } from './run/warnings';
export { World, type WorldOptions } from './run/world';
export type { KvSummary } from './kv/kv-summary';
export type { GossipSummary } from './gossip/gossip-summary';
export type { FaultInterval, ReplicationParts, ResultParts, Subsystem, SubsystemObserver, SubsystemRun, SummaryParts, WorldHost } from './subsystem/index';
export { SUBSYSTEMS } from './run/subsystems';
