import { describe, expect, it } from 'vitest';
import { collectResult } from '../../../models/run/collect';
import { World } from '../../../models/run/world';
import { kvScenario } from './support';
import { kvCluster } from '../../../models/kv/kv-subsystem';

const KEYS = 20_000;
/** 80 Mbit/s: 10 MB/s per streaming node. */
const STREAM_BYTES_PER_SECOND = 10_000_000;

function world(faults: string[], seed = 1): World {
  const scenario = kvScenario({
    duration: '20s',
    rate: '500/s',
    keys: `{ dist: uniform, count: ${KEYS} }`,
    service: ['streamBandwidth: 80Mbps', 'disk: { fsync: 500us, bandwidth: 10Gbps }'],
    faults,
  });
  return new World(scenario, seed);
}

describe('membership changes in a scenario', () => {
  it('add-node moves about 1/(n+1) of the copies, only to the new node, in about bytes / bandwidth', () => {
    const w = world(['{ at: 5s, add-node: kv }']);
    const cluster = kvCluster(w, 'kv');
    const heldBefore = cluster.replicas.map((r) => r.store.size);
    w.run();
    const kv = collectResult(w).kv!;
    const copies = KEYS * 3;
    expect(kv.keysMoved / copies).toBeGreaterThan(0.75 / 6);
    expect(kv.keysMoved / copies).toBeLessThan(1.25 / 6);
    // Only the new node gained: it holds exactly what was streamed, the others only lost.
    expect(cluster.replica('kv-5').store.size).toBe(kv.keysMoved);
    cluster.replicas.slice(0, 5).forEach((r, i) => expect(r.store.size).toBeLessThanOrEqual(heldBefore[i]!));
    expect(cluster.replicas.slice(0, 5).reduce((sum, r) => sum + r.store.size, 0) + kv.keysMoved).toBe(copies);
    expect(kv.bytesMoved).toBe(cluster.replicas.reduce((sum, r) => sum + r.store.streamedByteCount, 0));
    // Every old node streams at its own paced rate: the slowest sets the time.
    const slowestMs = (Math.max(...cluster.replicas.map((r) => r.store.streamedByteCount)) / STREAM_BYTES_PER_SECOND) * 1000;
    expect(kv.rebalanceMs).toBeGreaterThan(slowestMs * 0.95);
    expect(kv.rebalanceMs).toBeLessThan(slowestMs * 1.15 + 20);
    expect(cluster.membership.nodes()).toContain('kv-5');
    expect(kv.lostAcknowledgedWrites).toBe(0);
    // Clients use the new node once the change is committed.
    expect(collectResult(w).nodes['kv-5']!.completed).toBeGreaterThan(0);
  });

  it('remove-node streams exactly the removed node\'s copies, then holds nothing', () => {
    const w = world(['{ at: 5s, remove-node: kv-2 }']);
    const cluster = kvCluster(w, 'kv');
    w.sim.run({ untilMs: 5_000 - 1 });
    const held = cluster.replica('kv-2').store.size;
    w.run();
    const kv = collectResult(w).kv!;
    expect(kv.keysMoved).toBe(held);
    expect(cluster.replica('kv-2').store.size).toBe(0);
    expect(cluster.membership.nodes()).not.toContain('kv-2');
    expect(kv.keysPerNode.mean).toBe((KEYS * 3) / 4);
    expect(kv.lostAcknowledgedWrites).toBe(0);
  });

  it('a crash of a streaming node delays the change; it streams again after its restart', () => {
    const w = world(['{ at: 5s, add-node: kv }', '{ at: 5.01s, crash: kv-0, for: 3s }']);
    w.run();
    const kv = collectResult(w).kv!;
    expect(kv.rebalanceMs).toBeGreaterThan(3_000);
    expect(kvCluster(w, 'kv').membership.changing).toBe(false);
    expect(kv.lostAcknowledgedWrites).toBe(0);
  });

  it('changes queue: two add-nodes commit one after the other', () => {
    const w = world(['{ at: 5s, add-node: kv }', '{ at: 5s, add-node: kv }']);
    w.run();
    const cluster = kvCluster(w, 'kv');
    expect(cluster.membership.nodes()).toEqual(['kv-0', 'kv-1', 'kv-2', 'kv-3', 'kv-4', 'kv-5', 'kv-6']);
    expect(cluster.changes.map((c) => c.node)).toEqual(['kv-5', 'kv-6']);
    expect(cluster.changes[1]!.startMs).toBe(cluster.changes[0]!.endMs);
    expect(collectResult(w).kv!.lostAcknowledgedWrites).toBe(0);
  });
});
