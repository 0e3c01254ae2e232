import type { Address } from '../../sim/env';
import type { MetricsRegistry } from '../../sim/metrics';
import type { RngStreams } from '../../sim/rng';
import type { SimEnv, TraceSink } from '../../sim/sim-env';
import type { Simulation } from '../../sim/simulation';
import type { Caller } from '../request/caller';
import type { Network } from '../request/network';
import type { Replica, ReplicaCapacity } from '../request/replica';
import type { Scenario } from '../scenario/types';

/**
 * What a subsystem may use of the World it is part of: the clock, the random streams, the
 * network, the metrics, and verbs to add replicas and reach callers. A subsystem changes
 * the World only through these, never through its maps.
 */
export interface WorldHost {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulation;
  readonly streams: RngStreams;
  readonly network: Network;
  readonly metrics: MetricsRegistry;
  readonly trace: TraceSink | undefined;
  /** An Env for a component at `address`, its random streams namespaced by `prefix` (default: the address). */
  env(address: Address, prefix?: string): SimEnv;
  /** Register a replica of `service`: it receives requests and appears in the result's nodes. */
  addReplica(service: string, replica: Replica): void;
  /** The replicas of `service`, in index order (those added later included). */
  replicasOf(service: string): readonly Replica[];
  /** Every caller, with the service it calls, in the order they were made. */
  callers(): readonly { readonly caller: Caller; readonly service: string }[];
  /**
   * A new replica of the plain service `service` at `id` (a pod, say), built as the file's
   * replicas are: its node (with `capacity` instead of the service's cores, if given), its
   * health-check answers and a caller for each downstream call. Registered at once; it gets
   * requests when callers list it among the service's endpoints.
   */
  buildReplica(service: string, id: Address, capacity?: ReplicaCapacity): Replica;
  /**
   * The endpoints every caller of `service` balances over from now on, callers built later
   * included. Until it is called, a service's endpoints are all its replicas of the start.
   */
  setEndpoints(service: string, endpoints: readonly { readonly id: Address; readonly weight?: number }[]): void;
  /** Tell `listener` of each replica and caller built from now on (discovery registers them). */
  onBuild(listener: BuildListener): void;
}

/** A replica or caller built after the start (see `WorldHost.onBuild`). */
export interface BuildListener {
  replicaBuilt?(service: string, replica: Replica): void;
  callerBuilt?(caller: Caller, service: string): void;
}
