/**
 * Gossip membership as a subsystem of the World: each `kind: gossip` service is a
 * GossipCluster of real SWIM members in the World's simulation, on the same clock as the
 * request path, with a network model of its own (same settings, its own random stream).
 * It shares no state with the request path, so either runs as it would alone. Reports
 * `summary.gossip` (and `gossipClusters` with several), the informed-fraction curves
 * (`gossipInformed`, first replication) and the gossip view.
 */
import { duration, int, num } from '../report/numbers';
import { section, type Section } from '../report/section';
import type { FaultSpec } from '../scenario/types';
import { faultEndMs, type FaultInterval } from '../subsystem/fault-interval';
import type { ReplicationParts, Subsystem, SubsystemRun, SummaryParts } from '../subsystem/subsystem';
import type { WorldHost } from '../subsystem/world-host';
import type { RumourSeries } from './dissemination-tracker';
import type { GossipCluster } from './gossip-cluster';
import { GossipReader } from './gossip-reader';
import { buildCluster, poolGossip } from './gossip-scenario';
import type { GossipSummary } from './gossip-summary';
import { gossipScenarioPart } from './gossip-scenario-part';

declare module '../subsystem/subsystem' {
  interface ReplicationParts {
    /** Gossip clusters by service name, when the scenario has `kind: gossip` services. */
    readonly gossip?: Readonly<Record<string, GossipSummary>>;
    /** Per cluster, the fraction of members informed over time for the first rumours (bounded). */
    readonly gossipInformed?: Readonly<Record<string, readonly RumourSeries[]>>;
  }
  interface SummaryParts {
    /** The gossip cluster (the first, if several; all are in `gossipClusters`), pooled over replications (v1 contract). */
    readonly gossip?: GossipSummary;
    readonly gossipClusters?: Readonly<Record<string, GossipSummary>>;
  }
  interface ResultParts {
    /** The first replication's gossip dissemination curves: fraction informed per window, per rumour. */
    readonly gossipInformed?: Readonly<Record<string, readonly RumourSeries[]>>;
  }
}

export const gossipSubsystem: Subsystem = {
  name: 'gossip',
  scenario: gossipScenarioPart,
  attach: (world) => ((world.scenario.gossip?.size ?? 0) > 0 ? new GossipRun(world) : undefined),
  pool: poolGossipClusters,
  hoisted: ['gossipInformed'],
  sections: (summary, faults) => (summary.gossip === undefined ? [] : [gossipSection(summary.gossip, faults.filter((f) => f.kind === 'crash').length)]),
};

/** The gossip clusters of one World. */
export class GossipRun implements SubsystemRun {
  /** Clusters by service name, in file order (built when the World starts). */
  readonly clusters = new Map<string, GossipCluster>();

  constructor(private readonly world: WorldHost) {}

  start(): void {
    const { scenario, seed, sim } = this.world;
    for (const [name, spec] of scenario.gossip ?? []) this.clusters.set(name, buildCluster(scenario, seed, name, spec, sim));
  }

  /** Joins and leaves are the clusters' own (built from the scenario's faults); here they are only recorded. */
  scheduleFault(fault: FaultSpec): FaultInterval | undefined {
    if (fault.kind !== 'join' && fault.kind !== 'leave') return undefined;
    const endMs = faultEndMs(fault, this.world.scenario.durationMs);
    return { kind: fault.kind, startMs: fault.atMs, endMs, targets: fault.kind === 'leave' ? fault.targets : [] };
  }

  collect(): ReplicationParts {
    const gossip: Record<string, GossipSummary> = {};
    const gossipInformed: Record<string, RumourSeries[]> = {};
    for (const [name, cluster] of this.clusters) {
      gossip[name] = cluster.summary();
      gossipInformed[name] = cluster.informedSeries();
    }
    return { gossip, gossipInformed };
  }

  observe(): GossipReader {
    return new GossipReader(this.clusters);
  }
}

/** `gossip` (the first cluster) and, with several, `gossipClusters`; nothing without gossip. */
function poolGossipClusters(runs: readonly ReplicationParts[]): SummaryParts {
  const names = Object.keys(runs[0]?.gossip ?? {});
  if (names.length === 0) return {};
  const pooled = Object.fromEntries(names.map((name) => [name, poolGossip(runs.map((r) => r.gossip![name]!))]));
  return { gossip: pooled[names[0]!]!, ...(names.length > 1 ? { gossipClusters: pooled } : {}) };
}

/** The gossip cluster's v1 metrics: dissemination, detection, load. */
function gossipSection(g: GossipSummary, crashes: number): Section {
  const t = (x: number | null) => (x === null ? '-' : duration(x));
  const full = g.dissemination.fullMs;
  const { firstSuspectMs: first, allDeadMs: dead } = g.detection;
  // Rows only for what the run had: rumours when events were sent, detection when members crashed ('-' there: never).
  const rows = [
    ...(g.dissemination.events > 0 ? [['rumour reaches every member', t(full.mean), t(full.p50), t(full.p99), t(full.max), `${int(g.dissemination.events)} rumours`]] : []),
    ...(crashes > 0
      ? [
          ['crash → first suspicion', t(first.mean), t(first.p50), t(first.p99), t(first.max), `${int(crashes)} crash${crashes === 1 ? '' : 'es'}`],
          ['crash → dead everywhere', t(dead.mean), t(dead.p50), t(dead.p99), t(dead.max), ''],
        ]
      : []),
  ];
  return section(`gossip cluster (${int(g.members)} members)`, rows.length > 0 ? ['', 'mean', 'p50', 'p99', 'max', 'count'] : [], rows, [
    `false positives (live members declared dead): ${int(g.detection.falsePositives)}`,
    `load per member: ${num(g.load.msgsPerMemberPerSec, 2)} msgs/s, ${num(g.load.bytesPerMemberPerSec, 0)} B/s`,
  ]);
}
