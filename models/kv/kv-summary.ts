import { maxOf, round3 } from '../../sim/stats';
import { bytes, duration, int, num } from '../report/numbers';
import { section, type Section } from '../report/section';
import type { KvClusterSummary } from './kv-cluster';

declare module '../subsystem/subsystem' {
  interface ReplicationParts {
    /** Present when the scenario has a kv service. */
    readonly kv?: KvSummary;
  }
  interface SummaryParts {
    /** Present when the scenario has a kv service. */
    readonly kv?: KvSummary;
  }
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

/** One replication's summary.kv from its kv services' numbers (summed over services). */
export function kvSummary(clusters: readonly KvClusterSummary[]): KvSummary {
  const keys = clusters.flatMap((c) => c.keysPerNode);
  const sum = (pick: (c: KvClusterSummary) => number) => clusters.reduce((total, c) => total + pick(c), 0);
  return {
    ops: { get: sum((c) => c.ops.get), put: sum((c) => c.ops.put) },
    keysPerNode: { max: maxOf(keys, 0), mean: keys.length === 0 ? 0 : round3(keys.reduce((a, b) => a + b, 0) / keys.length) },
    keysMoved: sum((c) => c.keysMoved),
    bytesMoved: sum((c) => c.bytesMoved),
    rebalanceMs: round3(sum((c) => c.rebalanceMs)),
    lostAcknowledgedWrites: sum((c) => c.lostAcknowledgedWrites),
    hintsStored: sum((c) => c.hintsStored),
    hintsDelivered: sum((c) => c.hintsDelivered),
    hintsPending: sum((c) => c.hintsPending),
    readRepairs: sum((c) => c.readRepairs),
  };
}

/** summary.kv over replications: operations, lost writes, hints and repairs summed, the rest averaged. */
export function poolKvSummaries(runs: readonly KvSummary[]): KvSummary {
  const mean = (pick: (s: KvSummary) => number) => round3(runs.reduce((total, s) => total + pick(s), 0) / runs.length);
  const sum = (pick: (s: KvSummary) => number) => runs.reduce((total, s) => total + pick(s), 0);
  return {
    ops: { get: sum((s) => s.ops.get), put: sum((s) => s.ops.put) },
    keysPerNode: { max: mean((s) => s.keysPerNode.max), mean: mean((s) => s.keysPerNode.mean) },
    keysMoved: mean((s) => s.keysMoved),
    bytesMoved: mean((s) => s.bytesMoved),
    rebalanceMs: mean((s) => s.rebalanceMs),
    lostAcknowledgedWrites: sum((s) => s.lostAcknowledgedWrites),
    hintsStored: sum((s) => s.hintsStored),
    hintsDelivered: sum((s) => s.hintsDelivered),
    hintsPending: sum((s) => s.hintsPending),
    readRepairs: sum((s) => s.readRepairs),
  };
}

/** The KV store: operations, placement skew, rebalancing and the lost-write check. */
export function kvSection(kv: KvSummary): Section {
  return section('kv store (all replications)',
    ['gets', 'puts', 'keys/node max/mean', 'keys moved', 'bytes moved', 'rebalance', 'hints stored/delivered', 'read repairs', 'lost acked writes'], [[
      int(kv.ops.get), int(kv.ops.put), num(kv.keysPerNode.max / kv.keysPerNode.mean, 2), int(kv.keysMoved), bytes(kv.bytesMoved),
      duration(kv.rebalanceMs), `${int(kv.hintsStored)}/${int(kv.hintsDelivered)}`, int(kv.readRepairs), int(kv.lostAcknowledgedWrites),
    ]]);
}
