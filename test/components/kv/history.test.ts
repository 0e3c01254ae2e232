import { describe, expect, it } from 'vitest';
import type { KvCoordinatorOptions } from '../../../components/kv/kv-options';
import { SeededRng } from '../../../sim/rng';
import { TestCluster } from './kv-cluster';

interface History {
  /** Gets that returned a version older than a put acknowledged before the get began. */
  readonly staleReads: number;
  readonly reads: number;
  readonly acknowledgedPuts: number;
  /** Keys whose final quorum read (after every node is back and hints are handed off) misses an acknowledged write. */
  readonly lostWrites: number;
}

/**
 * A seeded run of random gets and puts on 30 keys from random live coordinators, while
 * nodes crash and restart with at most `downMax` down at once; then every node comes
 * back, hints drain, and each key is read back. The test-only history is the newest
 * acknowledged version per key.
 */
function history(seed: number, coordinator: Omit<KvCoordinatorOptions, 'nodeIndex'>, downMax: number): History {
  const cluster = new TestCluster({ nodeCount: 5, replication: 3, latencyMs: 1, taskMs: 0.5, coordinator: { replicaTimeoutMs: 50, ...coordinator }, seed });
  const rng = new SeededRng(seed, 'history');
  const ids = [...cluster.nodes.keys()];
  const down = new Map<string, number>(); // node → restart time
  let reads = 0;
  let staleReads = 0;
  let acknowledgedPuts = 0;
  for (let t = 0; t < 30_000; t += 5) {
    cluster.run(5);
    for (const [id, at] of down) {
      if (at > t) continue;
      down.delete(id);
      cluster.restart(id);
    }
    if (t % 1_000 === 0 && down.size < downMax) {
      const victim = ids[rng.int(ids.length)]!;
      if (!down.has(victim)) {
        down.set(victim, t + 200 + rng.int(2_000));
        cluster.crash(victim);
      }
    }
    const live = ids.filter((id) => !down.has(id));
    const at = live[rng.int(live.length)]!;
    const key = `key-${rng.int(30)}`;
    if (rng.next() < 0.4) {
      const put = cluster.node(at).coordinator;
      put.put(key, 100, (r) => void (r.ok && acknowledgedPuts++));
    } else {
      const floor = cluster.acknowledged.get(key) ?? 0;
      cluster.node(at).coordinator.get(key, (r) => {
        if (!r.ok) return;
        reads++;
        if (r.version < floor) staleReads++;
      });
    }
  }
  for (const id of down.keys()) cluster.restart(id);
  cluster.run(10_000);
  let lostWrites = 0;
  for (const [key, version] of cluster.acknowledged) {
    const get = cluster.get('n-0', key);
    cluster.run(10);
    if (!get.result?.ok || get.result.version < version) lostWrites++;
  }
  cluster.checkInvariants();
  return { staleReads, reads, acknowledgedPuts, lostWrites };
}

describe('history check: every acknowledged write is read back', () => {
  it.each([1, 2, 3])('sloppy quorum N=3 W=2 R=2, one replica down at a time (seed %i)', (seed) => {
    const h = history(seed, { writeQuorum: 2, readQuorum: 2 }, 1);
    expect(h.acknowledgedPuts).toBeGreaterThan(1_500);
    expect(h.reads).toBeGreaterThan(2_000);
    expect(h.staleReads).toBe(0);
    expect(h.lostWrites).toBe(0);
  });

  it('strict quorum N=3 W=2 R=2, one replica down at a time', () => {
    const h = history(4, { writeQuorum: 2, readQuorum: 2, hintedHandoff: false }, 1);
    expect(h.acknowledgedPuts).toBeGreaterThan(1_500);
    expect(h.staleReads).toBe(0);
    expect(h.lostWrites).toBe(0);
  });

  it('N=3 W=1 R=3 survives two replicas down at a time (N − W = 2) for writes', () => {
    const h = history(5, { writeQuorum: 1, readQuorum: 3 }, 2);
    expect(h.acknowledgedPuts).toBeGreaterThan(1_500);
    expect(h.staleReads).toBe(0);
    expect(h.lostWrites).toBe(0);
  });

  it('without the quorum condition (W + R ≤ N, no handoff, no repair) the check does catch stale reads', () => {
    const h = history(6, { writeQuorum: 1, readQuorum: 1, hintedHandoff: false, readRepair: false }, 2);
    expect(h.staleReads).toBeGreaterThan(0);
  });
});
