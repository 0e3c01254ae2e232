import type { FaultInterval } from '../subsystem/fault-interval';
import type { ReplicationParts, ResultParts, SummaryParts } from '../subsystem/subsystem';
import type { Recovery } from './recovery';
import type { WindowPoint } from './time-series';

/** A warning of the run: overload (from the file) or backlog (from the run); see models/run/warnings.ts. */
export type RunWarning =
  | {
      readonly kind: 'overload';
      readonly service: string;
      /** Utilisation the offered load would need: ρ = rate × mean service time / cores. */
      readonly utilization: number;
      readonly ratePerSec: number;
      readonly meanServiceTimeMs: number;
      readonly cores: number;
      readonly message: string;
    }
  | {
      readonly kind: 'backlog';
      readonly service: string;
      /** Requests unanswered at the end, summed over replications. */
      readonly inFlight: number;
      /** inFlight over the requests that reached the service after the warm-up. */
      readonly share: number;
      readonly message: string;
    };

/** Schema tag of the result JSON; bump only on a breaking change. */
export const RESULT_SCHEMA = 'meshsim.result/v1';

export type Interval = [number, number];

export interface RequestCounts {
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly rejected: number;
}

export interface LatencySummary {
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export interface NodeSummary {
  /** Busy core time / (cores × measured time). */
  readonly utilization: number;
  /** Time-averaged number of requests waiting for a core. */
  readonly meanQueueLength: number;
  /** Time-averaged number of requests in the node (waiting or in service). */
  readonly meanInSystem: number;
  readonly completed: number;
}

export interface ServiceSummary {
  readonly completed: number;
  readonly failed: number;
  /** Requests that reached a replica after the warm-up and were still unanswered at the end. */
  readonly inFlight: number;
  /** Server-side latency: arrival at a replica to its response, downstream calls included. */
  readonly latencyMs: { readonly mean: number; readonly p50: number; readonly p99: number };
}

export interface ClientSummary {
  readonly requests: RequestCounts;
  readonly throughputPerSec: number;
  readonly latencyMs: LatencySummary;
}

/** What the resilience mechanisms did (counts after warm-up). */
export interface ResilienceSummary {
  readonly retries: number;
  readonly hedges: number;
  /** Requests failed fast by a circuit breaker. */
  readonly circuitBreakerRejections: number;
  /** Hosts ejected by outlier detection, and the total time they were out (up to the end of the run for those still out). */
  readonly ejections: number;
  readonly ejectedMs: number;
}

/** Recovery of one fault across replications: means of the replications that recovered. */
export interface RecoverySummary {
  readonly fault: number;
  readonly kind: FaultInterval['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /** Mean recovery time of the replications that recovered; null if none did. */
  readonly p99RecoveryMs: number | null;
  readonly errorRateRecoveryMs: number | null;
  /** Replications in which p99 and error rate both recovered. */
  readonly recoveredReplications: number;
  /**
   * False when the fault starts before one whole window after the warm-up: there is no
   * baseline to come back to, so the times are null without meaning "never".
   */
  readonly measurable: boolean;
  /** The fault lasted until the end of the run, so "not recovered" means "not while it lasted". */
  readonly ongoing: boolean;
}

/** One replication (one seed), with the fields of the subsystems it had (models/subsystem). */
export interface ReplicationResult extends ReplicationParts {
  readonly seed: number;
  readonly requests: RequestCounts;
  readonly throughputPerSec: number;
  readonly latencyMs: LatencySummary;
  readonly nodes: Readonly<Record<string, NodeSummary>>;
  readonly services: Readonly<Record<string, ServiceSummary>>;
  readonly clients: Readonly<Record<string, ClientSummary>>;
  /** Requests still in flight at the end (sent = completed + failed + inFlight). */
  readonly inFlight: number;
  readonly events: number;
  readonly resilience: ResilienceSummary;
  readonly recovery: readonly Recovery[];
  readonly faults: readonly FaultInterval[];
  readonly timeseries: { readonly windowMs: number; readonly points: readonly WindowPoint[] };
}

/** The pooled numbers, with the fields of the subsystems the run had (models/subsystem). */
export interface Summary extends SummaryParts {
  readonly requests: RequestCounts;
  readonly throughputPerSec: number;
  readonly latencyMs: LatencySummary;
  /**
   * 95% Student-t intervals across replications; null with one replication (no spread to
   * estimate). Percentile intervals are at least the histogram's resolution (±0.39%) wide.
   */
  readonly ci95: {
    readonly latencyMeanMs: Interval | null;
    readonly p50Ms: Interval | null;
    readonly p90Ms: Interval | null;
    readonly p99Ms: Interval | null;
    readonly p999Ms: Interval | null;
    readonly maxMs: Interval | null;
    readonly throughputPerSec: Interval | null;
  };
  /** Requests still in flight at the end, summed over replications (sent = completed + failed + inFlight). */
  readonly inFlight: number;
  readonly nodes: Readonly<Record<string, NodeSummary>>;
  readonly services: Readonly<Record<string, ServiceSummary>>;
  readonly clients: Readonly<Record<string, ClientSummary>>;
  /** Sums over replications. */
  readonly resilience: ResilienceSummary;
  readonly recovery: readonly RecoverySummary[];
}

/** The result JSON (v1 contract): keys here are stable; new keys may be added. Subsystems add theirs (models/subsystem). */
export interface Result extends ResultParts {
  readonly schema: typeof RESULT_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly summary: Summary;
  /** What the numbers alone would not say: overload, backlog (see models/run/warnings.ts). Empty when none. */
  readonly warnings: readonly RunWarning[];
  readonly faults: readonly FaultInterval[];
  /** Each replication without its time series, faults and the parts hoisted to the top. */
  readonly replicationResults: readonly Omit<ReplicationResult, 'timeseries' | 'faults' | keyof ResultParts>[];
  /** The first replication's windows (replications differ only by seed). */
  readonly timeseries: { readonly windowMs: number; readonly warmupMs: number; readonly points: readonly WindowPoint[] };
}
