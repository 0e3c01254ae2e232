import type { Address } from '../../sim/env';
import type { MetricsRegistry } from '../../sim/metrics';
import type { RngStreams } from '../../sim/rng';
import type { SimEnv, TraceSink } from '../../sim/sim-env';
import type { Simulation } from '../../sim/simulation';
import type { Caller } from '../request/caller';
import type { Network } from '../request/network';
import type { Replica } from '../request/replica';
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
}
