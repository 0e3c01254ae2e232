import type { CircuitBreakerOptions, HealthCheckerOptions, HedgingOptions, OutlierDetectorOptions, RetryBudgetOptions, RetryPolicyOptions } from '../../components/resilience/index';
import type { PlannerSpec } from './planner-types';
import type { DistSpec } from '../sampling/distributions';
import type { KeySpec } from '../sampling/keys';

/**
 * The normalised scenario: what the loader produces from YAML and what the models build
 * from. Every duration is in milliseconds, every rate per second, every size in bytes,
 * every probability in [0, 1]. Defaults are already filled in.
 *
 * Services and clients are Maps so iteration order is the file's order, whatever the names.
 */

/** Distributions and key spaces are defined where they are sampled (models/sampling). */
export type { DistSpec, KeySpec };

export interface BalancerSpec {
  /** A key of components/balancer `policies`. */
  readonly policy: string;
  /** Policy-specific options, passed to the policy factory as written (units already parsed). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Envoy panic threshold in percent (default 50). */
  readonly panicThresholdPercent: number;
}

export interface NetworkSpec {
  /** One-way latency per message. */
  readonly latency: DistSpec;
  /** Bits per second; absent = infinite (no transfer time). */
  readonly bandwidthBps?: number;
  /** Probability that a message is lost. */
  readonly loss: number;
}

export interface CallSpec {
  readonly service: string;
  /** Calls made each time (default 1). */
  readonly count: number;
  /** Fan the `count` calls out at once and wait for all (default false: one after another). */
  readonly parallel: boolean;
}

/**
 * How a caller protects itself and its upstream: the real resilience components' options,
 * each absent unless the scenario sets it (the components fill their own defaults).
 */
export interface ResilienceSpec {
  /** Timeout of each attempt; absent = none. */
  readonly perTryTimeoutMs?: number;
  readonly retries?: RetryPolicyOptions & RetryBudgetOptions;
  readonly hedging?: HedgingOptions;
  readonly circuitBreaker?: Omit<CircuitBreakerOptions, 'retryBudget' | 'metricPrefix'>;
  readonly outlierDetection?: Omit<OutlierDetectorOptions, 'metricPrefix'>;
  readonly healthCheck?: Omit<HealthCheckerOptions, 'metricPrefix'>;
}

export interface ServiceSpec {
  readonly replicas: number;
  /** Balancing weight of each replica (length = replicas); absent = all 1. */
  readonly weights?: readonly number[];
  readonly cores: number;
  readonly discipline: 'fifo' | 'ps';
  /** Maximum requests waiting for a core; excess are rejected. Absent = unbounded. */
  readonly queueLimit?: number;
  readonly serviceTime: DistSpec;
  /** Downstream calls made after the CPU work, before responding. */
  readonly calls: readonly CallSpec[];
  /** Balancer each replica uses for its downstream calls. */
  readonly balancer: BalancerSpec;
  /** Timeout of each downstream call (absent = none). */
  readonly callTimeoutMs?: number;
  /** Resilience of this service's downstream calls. */
  readonly resilience: ResilienceSpec;
  /** Probability that a replica answers a request with an error (default 0). */
  readonly errorRate: number;
  readonly requestSizeBytes: number;
  readonly responseSizeBytes: number;
  /** Present for `kind: kv`: the replicas are KV store nodes (models/kv). */
  readonly kv?: KvSpec;
}

/** A KV store service (`kind: kv`); see docs/components/kv.md. */
export interface KvSpec {
  /** Copies of each key, N (≤ replicas). */
  readonly replication: number;
  /** W: acknowledgements a put needs. */
  readonly writeQuorum: number;
  /** R: answers a get needs. */
  readonly readQuorum: number;
  /** Ring points per node. */
  readonly vnodes: number;
  readonly placement: 'ring' | 'bounded-load';
  /** Bounded loads' c (used with placement bounded-load). */
  readonly balanceFactor: number;
  /** CPU time per key read or written at a replica. */
  readonly storageTime: DistSpec;
  readonly disk: { readonly fsync: DistSpec; readonly bandwidthBps: number };
  /** Outbound streaming rate of a node while rebalancing, bits per second. */
  readonly streamBandwidthBps: number;
  /** A coordinator's wait for a replica before routing around it or failing. */
  readonly replicaTimeoutMs: number;
  readonly hintedHandoff: boolean;
  readonly readRepair: boolean;
  /** Load every key of the clients' key spaces (at their value size) before the run. */
  readonly preload: boolean;
}

/** A client's KV workload (its target is a kv service). */
export interface KvWorkloadSpec {
  /** Shares of gets and puts, summing to 1. */
  readonly ops: { readonly get: number; readonly put: number };
  readonly valueSizeBytes: number;
}

export interface RateStep {
  readonly atMs: number;
  readonly ratePerSec: number;
}

export type ArrivalSpec =
  /** Poisson arrivals; the rate is piecewise constant (`steps` sorted by time, first at 0). */
  | { readonly process: 'poisson'; readonly steps: readonly RateStep[] }
  /** Evenly spaced arrivals at a piecewise-constant rate. */
  | { readonly process: 'constant'; readonly steps: readonly RateStep[] }
  /** A closed loop of `users`, each thinking then sending and waiting for the answer. */
  | { readonly process: 'closed'; readonly users: number; readonly thinkTime: DistSpec };

export interface ClientSpec {
  readonly target: string;
  /** Independent client instances, each with its own balancer (default 1). */
  readonly instances: number;
  readonly arrival: ArrivalSpec;
  /** Per-request timeout, covering every attempt (absent = none). */
  readonly timeoutMs?: number;
  readonly balancer: BalancerSpec;
  readonly resilience: ResilienceSpec;
  /** Request keys; absent = requests carry no key. */
  readonly keys?: KeySpec;
  /** Present when the target is a kv service. */
  readonly kv?: KvWorkloadSpec;
}

export type FaultSpec =
  | { readonly kind: 'crash'; readonly atMs: number; readonly forMs?: number; readonly targets: readonly string[] }
  | { readonly kind: 'slow'; readonly atMs: number; readonly forMs?: number; readonly targets: readonly string[]; readonly factor: number }
  | { readonly kind: 'partition'; readonly atMs: number; readonly forMs?: number; readonly groups: readonly (readonly string[])[] }
  | { readonly kind: 'loss'; readonly atMs: number; readonly forMs?: number; readonly probability: number }
  /** `count` new members join a gossip cluster (ids after the last). */
  | { readonly kind: 'join'; readonly atMs: number; readonly forMs?: number; readonly service: string; readonly count: number }
  /** Gossip members leave gracefully. */
  | { readonly kind: 'leave'; readonly atMs: number; readonly forMs?: number; readonly targets: readonly string[] }
  /** Replicas answer this share of requests at once with an error (a 503 without doing the work). */
  | { readonly kind: 'errors'; readonly atMs: number; readonly forMs?: number; readonly targets: readonly string[]; readonly probability: number }
  | MembershipFaultSpec;

/** A node joins (`add-node`, id `<service>-<n>`) or leaves (`remove-node`) a kv service; permanent. */
export type MembershipFaultSpec =
  | { readonly kind: 'add-node'; readonly atMs: number; readonly service: string; readonly node: string }
  | { readonly kind: 'remove-node'; readonly atMs: number; readonly service: string; readonly node: string };

/** A gossip cluster (`kind: gossip`): members run components/gossip on the modelled network. */
export interface GossipServiceSpec {
  readonly members: number;
  /** Protocol options as components/gossip names them (ms, bytes); absent = memberlist LAN defaults. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Rumours created per second (0 = none). */
  readonly eventsPerSec: number;
  readonly payloadBytes?: number;
}

export interface DiscoverySpec {
  readonly ttlMs: number;
  readonly heartbeatIntervalMs: number;
  readonly pollIntervalMs: number;
  readonly deregisterCriticalAfterMs: number;
}

/** Planner blocks (`sweep`, `slo`, `expect`) are in `PlannerSpec`, see planner-types.ts. */
export interface Scenario extends PlannerSpec {
  readonly name: string;
  readonly description?: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly replications: number;
  /** Width of a time-series window (default 1 s). */
  readonly windowMs: number;
  readonly network: NetworkSpec;
  readonly services: ReadonlyMap<string, ServiceSpec>;
  readonly clients: ReadonlyMap<string, ClientSpec>;
  readonly faults: readonly FaultSpec[];
  /** Service discovery through a registry; absent = balancers know every replica from the start. */
  readonly discovery?: DiscoverySpec;
  /** Gossip clusters (`kind: gossip` services), by name; not in `services`. Absent = none. */
  readonly gossip?: ReadonlyMap<string, GossipServiceSpec>;
}
