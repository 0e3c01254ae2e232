import { describe, expect, it } from 'vitest';
import type { GetResult } from '../../../components/kv/kv-coordinator';
import { runScenario } from '../../../models/run/run-scenario';
import { World } from '../../../models/run/world';
import { kvScenario, type KvScenarioOptions } from './support';
import { kvCluster } from '../../../models/kv/kv-subsystem';

/**
 * The history check: run, then read back every acknowledged key through a coordinator
 * (real quorum reads on the modelled network) and count the keys whose answer is older
 * than the newest acknowledged write. Test-only; the product's own check is
 * summary.kv.lostAcknowledgedWrites.
 */
function readBack(options: KvScenarioOptions, seed: number): { acknowledged: number; lost: number; productLost: number } {
  const world = new World(kvScenario({ ...options, seed }), seed);
  world.run();
  const cluster = kvCluster(world, 'kv');
  const productLost = cluster.lostAcknowledgedWrites();
  const results: { version: number; result?: GetResult }[] = [];
  for (const [key, version] of cluster.acknowledgedVersions) {
    const entry: { version: number; result?: GetResult } = { version };
    results.push(entry);
    cluster.replica('kv-0').coordinator.get(key, (result) => (entry.result = result));
  }
  world.sim.run({ untilMs: world.sim.now() + 2_000 });
  const lost = results.filter((r) => !r.result?.ok || r.result.version < r.version).length;
  return { acknowledged: results.length, lost, productLost };
}

const crashes = [
  '{ at: 3s, crash: kv-1, for: 4s }',
  '{ at: 8s, crash: kv-3, for: 3s }',
  '{ at: 12s, crash: kv-2, for: 2s }',
];

describe('a crash loses nothing acknowledged when W + R > N and at most N − W replicas fail', () => {
  it.each([1, 2, 3])('N=3 W=2 R=2, one node down at a time (seed %i)', (seed) => {
    const { acknowledged, lost, productLost } = readBack({ duration: '16s', faults: crashes }, seed);
    expect(acknowledged).toBeGreaterThan(1_500);
    expect(lost).toBe(0);
    expect(productLost).toBe(0);
  });

  it('N=3 W=1 R=3 with two nodes down at once', () => {
    const faults = ['{ at: 3s, crash: kv-1, for: 4s }', '{ at: 4s, crash: kv-2, for: 4s }'];
    const { acknowledged, lost, productLost } = readBack({ duration: '14s', service: ['w: 1', 'r: 3'], faults }, 4);
    expect(acknowledged).toBeGreaterThan(1_500);
    expect(lost).toBe(0);
    expect(productLost).toBe(0);
  });

  it('without the condition (W = R = 1, no handoff, no repair) lostAcknowledgedWrites counts what a read would miss', () => {
    const faults = ['{ at: 3s, crash: kv-1, for: 5s }', '{ at: 3s, crash: kv-2, for: 5s }'];
    const result = runScenario(kvScenario({ duration: '12s', service: ['w: 1', 'r: 1', 'hintedHandoff: false', 'readRepair: false'], faults }));
    expect(result.summary.kv!.lostAcknowledgedWrites).toBeGreaterThan(0);
  });

  it('hinted handoff delivers after the restart: the replica that was down holds the writes it missed', () => {
    const world = new World(kvScenario({ duration: '12s', service: ['readRepair: false'], faults: ['{ at: 2s, crash: kv-1, for: 5s }'] }), 5);
    world.run();
    const cluster = kvCluster(world, 'kv');
    const stores = cluster.replicas.map((r) => r.store);
    expect(stores.reduce((sum, s) => sum + s.hintsStored, 0)).toBeGreaterThan(100);
    expect(stores.reduce((sum, s) => sum + s.hintCount, 0)).toBe(0);
    let missing = 0;
    for (const [key, version] of cluster.acknowledgedVersions) {
      if (cluster.membership.readList(key).includes('kv-1') && (cluster.replica('kv-1').store.get(key)?.version ?? 0) < version) missing++;
    }
    expect(missing).toBe(0);
  });
});
