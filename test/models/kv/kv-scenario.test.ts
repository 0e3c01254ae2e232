import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import { World } from '../../../models/run/world';
import { collectResult } from '../../../models/run/collect';
import { scenario } from '../../support/scenario';
import { kvScenario } from './support';
import { kvCluster } from '../../../models/kv/kv-subsystem';

describe('a kv service in a scenario', () => {
  it('reports summary.kv, byte-identical for the same seed', () => {
    const scenario = kvScenario({ duration: '10s' });
    const a = runScenario(scenario);
    const b = runScenario(scenario);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const kv = a.summary.kv!;
    expect(Object.keys(kv)).toEqual(['ops', 'keysPerNode', 'keysMoved', 'bytesMoved', 'rebalanceMs', 'lostAcknowledgedWrites', 'hintsStored', 'hintsDelivered', 'hintsPending', 'readRepairs']);
    expect(kv.ops.get + kv.ops.put).toBe(a.summary.requests.completed);
    expect(kv.ops.put / (kv.ops.get + kv.ops.put)).toBeCloseTo(0.3, 1);
    // 2000 preloaded keys × 3 copies over 5 nodes.
    expect(kv.keysPerNode.mean).toBe(1200);
    expect(kv.keysPerNode.max).toBeGreaterThan(1200);
    expect(kv).toMatchObject({ keysMoved: 0, bytesMoved: 0, rebalanceMs: 0, lostAcknowledgedWrites: 0 });
    expect(a.summary.requests.failed).toBe(0);
  });

  it('a scenario without kv services has no summary.kv', () => {
    const world = new World(scenario({ durationMs: 1_000 }), 1);
    world.run();
    expect(collectResult(world)).not.toHaveProperty('kv');
    expect(runScenario(scenario({ durationMs: 1_000 })).summary).not.toHaveProperty('kv');
  });

  it('the operation mix comes from the workload stream: a policy change leaves it unchanged', () => {
    const random = runScenario(kvScenario({ duration: '5s', client: ['balancer: { policy: random }'] })).summary.kv!.ops;
    const leastRequest = runScenario(kvScenario({ duration: '5s', client: ['balancer: { policy: least-request }'] })).summary.kv!.ops;
    expect(leastRequest).toEqual(random);
  });

  it('a get after a put of the same key answers the put\'s version (read-your-writes through the clients)', () => {
    const world = new World(kvScenario({ duration: '5s' }), 3);
    world.run();
    const cluster = kvCluster(world, 'kv');
    expect(cluster.acknowledgedVersions.size).toBeGreaterThan(500);
    for (const [key, version] of cluster.acknowledgedVersions) {
      const versions = cluster.membership.readList(key).map((id) => cluster.replica(id).store.get(key)?.version ?? 0);
      expect(versions.filter((v) => v >= version).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('fsync and storage CPU show in the latency: puts wait for the disk, gets do not', () => {
    const slowDisk = runScenario(kvScenario({ duration: '5s', service: ['disk: { fsync: 20ms }'] })).summary;
    const fastDisk = runScenario(kvScenario({ duration: '5s', service: ['disk: { fsync: 100us }'] })).summary;
    expect(slowDisk.latencyMs.p99).toBeGreaterThan(20);
    expect(fastDisk.latencyMs.p99).toBeLessThan(5);
    // 70% gets never touch the disk.
    expect(slowDisk.latencyMs.p50).toBeLessThan(5);
  });

  it('placement bounded-load keeps keys per node within c of the mean', () => {
    const ring = runScenario(kvScenario({ duration: '1s', replicas: 8, service: ['vnodes: 4'] })).summary.kv!;
    const bounded = runScenario(kvScenario({ duration: '1s', replicas: 8, service: ['vnodes: 4', 'placement: bounded-load', 'balanceFactor: 1.1'] })).summary.kv!;
    expect(ring.keysPerNode.max / ring.keysPerNode.mean).toBeGreaterThan(1.2);
    expect(bounded.keysPerNode.max / bounded.keysPerNode.mean).toBeLessThanOrEqual(1.1 + 1 / 750);
  });
});
