/**
 * The seam between the run pipeline and a subsystem (a KV store, gossip membership, service
 * discovery, ...). The pipeline — World, faults, collect, summarize, the report and the
 * viz observer — loops over the registered subsystems (models/run/subsystems.ts) and never
 * names one, as SimPy's core never names a resource. A subsystem lives in its own folder
 * and implements `Subsystem`; adding one touches that folder plus one registry line.
 *
 * In one World, `attach` returns the subsystem's part of that run (`SubsystemRun`), or
 * undefined when the scenario does not use it. The World calls the part's hooks in a fixed
 * order — buildService for each service in file order, clientHook for each client, start,
 * scheduleFault for each fault in file order — so the events a subsystem schedules, and
 * with them the run, do not depend on how many subsystems are registered.
 *
 * Result fields are typed by declaration merging (as vitest's `TestContext`): a subsystem
 * adds its keys to `ReplicationParts`, `SummaryParts` and `ResultParts` in its own folder.
 */
import type { RequestStats } from '../request/request-stats';
import type { Call } from '../request/request';
import type { Section } from '../report/section';
import type { ScenarioPart } from '../scenario/scenario-part';
import type { ClientSpec, FaultSpec, ServiceSpec } from '../scenario/types';
import type { FaultInterval } from './fault-interval';
import type { WorldHost } from './world-host';

/** A subsystem's fields of one replication's result (each subsystem adds its own keys). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReplicationParts {}

/** A subsystem's fields of `summary`, pooled over replications (each subsystem adds its own keys). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SummaryParts {}

/**
 * A subsystem's fields at the top of the result, taken from the first replication: curves
 * too large to repeat per replication (each subsystem adds its own keys).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResultParts {}

/** A subsystem's part of one World. Every hook is optional. */
export interface SubsystemRun {
  /** Build the replicas of service `name`, one it owns, registering each with `world.addReplica`. */
  buildService?(name: string, spec: ServiceSpec, stats: RequestStats): void;
  /** Called with each new call of client `name` before it is sent (a KV workload draws its operation). */
  clientHook?(name: string, spec: ClientSpec): ((call: Call) => void) | undefined;
  /** Everything is built (services, callers, clients): start the subsystem's components. */
  start?(): void;
  /**
   * Schedule a fault the request path does not carry out (membership changes) and return
   * how it happened; undefined when the fault is not this subsystem's.
   */
  scheduleFault?(fault: FaultSpec): FaultInterval | undefined;
  /** Its fields of the replication's result, read when the run has ended. */
  collect?(): ReplicationParts;
  /** Live views of the run, for the viz (models/observe). */
  observe?(): SubsystemObserver;
}

/** Reads a subsystem's state during a run for the viz. Reads only: no random draws, no events. */
export interface SubsystemObserver {
  /** What does not change during the run (names of clusters, ...), for the viz's views to decide what to draw. */
  readonly topology: unknown;
  /** Nodes it will add during the run (drawn from the start, as not added yet). */
  readonly laterNodes?: readonly LaterNode[];
  /** The state now, for one frame; may leave out what did not change since the previous call. */
  read(): unknown;
}

/** A node a subsystem adds during the run, at `atMs`. */
export interface LaterNode {
  readonly service: string;
  readonly node: string;
  readonly atMs: number;
}

export interface Subsystem {
  /** Its name: the key of its view in the viz's frames. */
  readonly name: string;
  /** Its part of the scenario language: fields, faults, checks and their normalisation. */
  readonly scenario?: ScenarioPart;
  /** Its part of one World, or undefined when `world.scenario` does not use it. */
  attach(world: WorldHost): SubsystemRun | undefined;
  /**
   * Whether it builds this service (a `kind: kv` service) instead of the request path's
   * model of CPU work then calls; such a service has no offered-load estimate.
   */
  ownsService?(spec: ServiceSpec): boolean;
  /**
   * Pool the replications' parts into `summary` fields; `runs` holds every replication's
   * part (one per replication, in order).
   */
  pool?(runs: readonly ReplicationParts[]): SummaryParts;
  /** Keys of its replication part moved to the top of the result (the first replication's), out of `replicationResults`. */
  readonly hoisted?: readonly (keyof ReplicationParts & keyof ResultParts)[];
  /** Its sections of the report, from the pooled summary and the run's faults. */
  sections?(summary: SummaryParts, faults: readonly FaultInterval[]): Section[];
  /**
   * Fold a frame's view into the page's copy of it (frames may carry only what changed);
   * absent: the latest frame's view replaces the previous one.
   */
  mergeView?(previous: unknown, next: unknown): unknown;
}
