import type { CircuitBreakerOptions, HealthCheckerOptions, HedgingOptions, OutlierDetectorOptions, RetryBudgetOptions, RetryPolicyOptions } from '../../components/resilience/index';
import type { DistSpec } from '../sampling/distributions';
import type { KeySpec } from '../sampling/keys';

/**
 * The normalised scenario: what the loader produces from YAML and what the models build
 * from. Every duration is in milliseconds, every rate per second, every size in bytes,
 * every probability in [0, 1]. Defaults are already filled in.
 *
 * Services and clients are Maps so iteration order is the file's order, whatever the names.
 *
 * Parts of the language (scenario-part.ts) add their fields by declaration merging into
 * `ServiceParts`, `ClientParts`, `ScenarioParts` and `FaultKinds`, in their own folders.
 */

/** A part's fields of a plain service (each part adds its own keys). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceParts {}

/** A part's fields of a client (each part adds its own keys). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientParts {}

/** A part's top-level fields of the scenario (each part adds its own keys). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScenarioParts {}

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

export interface ServiceSpec extends ServiceParts {
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

export interface ClientSpec extends ClientParts {
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
}

/** When a fault starts and, for a while-long fault, how long it lasts (absent = until the end). */
interface FaultTiming {
  readonly atMs: number;
  readonly forMs?: number;
}

/**
 * The faults, by kind. A part adds its own kinds by declaration merging (`'add-node'`,
 * `join`, …); `FaultSpec` is the union of them all.
 */
export interface FaultKinds {
  crash: FaultTiming & { readonly kind: 'crash'; readonly targets: readonly string[] };
  slow: FaultTiming & { readonly kind: 'slow'; readonly targets: readonly string[]; readonly factor: number };
  partition: FaultTiming & { readonly kind: 'partition'; readonly groups: readonly (readonly string[])[] };
  loss: FaultTiming & { readonly kind: 'loss'; readonly probability: number };
  /** Replicas answer this share of requests at once with an error (a 503 without doing the work). */
  errors: FaultTiming & { readonly kind: 'errors'; readonly targets: readonly string[]; readonly probability: number };
}

export type FaultSpec = FaultKinds[keyof FaultKinds];

export interface Scenario extends ScenarioParts {
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
}
