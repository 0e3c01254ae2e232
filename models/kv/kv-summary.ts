import type { KvSummary } from '../run/result';
import { round3 } from '../run/time-series';
import type { KvClusterSummary } from './kv-cluster';
import { maxOf } from '../../sim/stats';

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
