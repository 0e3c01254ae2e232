// The seam between the run pipeline and its subsystems; see subsystem.ts.
export type { LaterNode, ReplicationParts, ResultParts, Subsystem, SubsystemObserver, SubsystemRun, SummaryParts } from './subsystem';
export { faultEndMs, type FaultInterval } from './fault-interval';
export type { WorldHost } from './world-host';
