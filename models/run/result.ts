import type { FaultInterval } from './faults';
import type { Recovery } from './recovery';
import type { GossipSummary } from '../gossip/gossip-summary';
import type { RumourSeries } from '../gossip/dissemination-tracker';
import type { WindowPoint } from './time-series';
import type { RunWarning } from './warnings';

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

/**
 * The KV services of a run (`kind: kv`), summed over them when there are several. In a
 * replication: counts and end-of-run values; in the summary: `ops`,
 * `lostAcknowledgedWrites`, hints and `readRepairs` summed over replications, the rest
 * their mean.
 */
export interface KvSummary {
  /** Client operations a coordinator answered successfully, after warm-up. */
  readonly ops: { readonly get: number; readonly put: number };
  /** Keys (copies) held per member node at the end. */
  readonly keysPerNode: { readonly max: number; readonly mean: number };
  /** Key copies and bytes streamed by membership changes (add-node, remove-node). */
  readonly keysMoved: number;
  readonly bytesMoved: number;
  /** Time from each membership change to its commit (to the end of the run if still streaming); 0 without changes. */
  readonly rebalanceMs: number;
  /** Acknowledged puts that the unluckiest read quorum would miss at the end; 0 whenever W + R > N and at most N − W replicas failed. */
  readonly lostAcknowledgedWrites: number;
  /** Hints written for down replicas (sloppy quorum), handed off to them, and still held at the end; over the whole run. */
  readonly hintsStored: number;
  readonly hintsDelivered: number;
  readonly hintsPending: number;
  /** Stale replicas updated by read repair, over the whole run. */
  readonly readRepairs: number;
}

/** One replication (one seed). */
export interface ReplicationResult {
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
  /** Present when the scenario has a kv service. */
  readonly kv?: KvSummary;
  /** Gossip clusters by service name, when the scenario has `kind: gossip` services. */
  readonly gossip?: Readonly<Record<string, GossipSummary>>;
  /** Per cluster, the fraction of members informed over time for the first rumours (bounded). */
  readonly gossipInformed?: Readonly<Record<string, readonly RumourSeries[]>>;
}

export interface Summary {
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
  /** Present when the scenario has a kv service. */
  readonly kv?: KvSummary;
  /** The gossip cluster (the first, if several; all are in \`gossipClusters\`), pooled over replications (v1 contract). */
  readonly gossip?: GossipSummary;
  readonly gossipClusters?: Readonly<Record<string, GossipSummary>>;
}

/** The result JSON (v1 contract): keys here are stable; new keys may be added. */
export interface Result {
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
  readonly replicationResults: readonly Omit<ReplicationResult, 'timeseries' | 'faults' | 'gossipInformed'>[];
  /** The first replication's gossip dissemination curves: fraction informed per window, per rumour. */
  readonly gossipInformed?: Readonly<Record<string, readonly RumourSeries[]>>;
  /** The first replication's windows (replications differ only by seed). */
  readonly timeseries: { readonly windowMs: number; readonly warmupMs: number; readonly points: readonly WindowPoint[] };
}
