import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GossipView } from '../../models/gossip/gossip-reader';
import { RING_POINTS_MAX, type KvView } from '../../models/kv/kv-reader';
import { runReplication } from '../../models/run/run-scenario';
import { loadScenario } from '../../planner/scenario-file';
import { SimSession } from '../../viz/worker/sim-session';

// The readers behind the ring, B+tree and gossip views: what they send, and that reading
// changes nothing (the watched run equals a headless one).
describe('component readers', () => {
  it('kv: ring points once per placement, shares summing to 1, a tree per node; the run is unchanged', () => {
    const text = readFileSync('scenarios/ring-vnodes.yaml', 'utf8').replace('duration: 10s', 'duration: 2s');
    const session = new SimSession();
    const reply = session.load({ text, file: 'ring-vnodes.yaml' });
    expect(reply.ok && reply.topology.parts).toEqual({ kv: ['kv'] });
    const first = (session.advance(500).parts.kv as KvView[])[0]!;
    expect(first.members).toHaveLength(10);
    expect(first.points!.angles.length).toBe(160); // 10 nodes × 16 vnodes
    expect(first.points!.angles.every((a) => a >= 0 && a < 1)).toBe(true);
    expect(first.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(first.trees).toHaveLength(10);
    expect(first.trees[0]![0]!.nodeCount).toBe(1);
    const second = (session.advance(2000).parts.kv as KvView[])[0]!;
    expect(second.points).toBeUndefined(); // the placement did not change
    expect(RING_POINTS_MAX).toBe(4096);
    expect(session.observedJson()).toBe(JSON.stringify(runReplication(loadScenario(text, 'ring-vnodes.yaml'), 1)));
  });

  it('gossip: the cluster runs on the run\'s clock and ends as a headless run does', () => {
    const text = readFileSync('scenarios/swim-crash-detection.yaml', 'utf8').replace('duration: 60s', 'duration: 45s').replace('replicas: 1000', 'replicas: 200').replace('crash: gossip-400', 'crash: gossip-150');
    const session = new SimSession();
    const reply = session.load({ text, file: 'swim.yaml' });
    expect(reply.ok ? reply.topology.parts : reply.problems).toEqual({ gossip: ['gossip'] });
    const before = (session.advance(19_000).parts.gossip as GossipView[])[0]!;
    expect(before.states).toHaveLength(200);
    expect([...before.states].every((s) => s === 0)).toBe(true); // all alive and running
    const end = (session.advance(45_000).parts.gossip as GossipView[])[0]!;
    expect(end.states[17]! & 8).toBe(8); // gossip-17 is down
    const headless = runReplication(loadScenario(text, 'swim.yaml'), 1);
    expect(end.summary).toEqual(headless.gossip!.gossip);
    expect(end.series).toEqual(headless.gossipInformed!.gossip);
    expect(session.observedJson()).toBe(JSON.stringify(headless));
  });
});
