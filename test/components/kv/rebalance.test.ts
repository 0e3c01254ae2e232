import { describe, expect, it } from 'vitest';
import type { KvValue } from '../../../components/kv/kv-value';
import { entryBytes } from '../../../components/kv/kv-value';
import { TestCluster } from './kv-cluster';

const KEY_COUNT = 4_000;
const VALUE_BYTES = 500;
const BYTES_PER_SECOND = 5_000_000;

/** A cluster whose stores hold key-0 … key-(KEY_COUNT-1) at version 1 (older than any put), each on its N replicas. */
function loaded(nodeCount: number): TestCluster {
  const cluster = new TestCluster({ nodeCount, store: { streamBytesPerSecond: BYTES_PER_SECOND, streamChunkBytes: 16_384 } });
  const perNode = new Map<string, [string, KvValue][]>();
  for (let i = 0; i < KEY_COUNT; i++) {
    const key = `key-${i}`;
    for (const node of cluster.membership.readList(key)) {
      if (!perNode.has(node)) perNode.set(node, []);
      perNode.get(node)!.push([key, { version: 1, valueBytes: VALUE_BYTES }]);
    }
  }
  for (const [node, entries] of perNode) cluster.node(node).store.load(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return cluster;
}

/** Run a membership change to completion: stream, commit, clean up. */
function rebalance(cluster: TestCluster, streamers: readonly string[]): { elapsedMs: number; bytes: Map<string, number>; keys: Map<string, number> } {
  const started = cluster.network.clock.now();
  let open = streamers.length;
  let endedAt = started;
  const bytes = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const id of streamers) {
    cluster.node(id).store.rebalance((result) => {
      bytes.set(id, result.byteCount);
      keys.set(id, result.keyCount);
      endedAt = cluster.network.clock.now();
      open--;
    });
  }
  for (let i = 0; i < 1_000 && open > 0; i++) cluster.run(100);
  expect(open).toBe(0);
  cluster.membership.commit();
  for (const id of streamers) cluster.node(id).store.cleanup();
  return { elapsedMs: endedAt - started, bytes, keys };
}

function copiesHeldEverywhere(cluster: TestCluster): void {
  for (let i = 0; i < KEY_COUNT; i += 7) {
    const key = `key-${i}`;
    expect(cluster.versions(key)).toEqual([1, 1, 1]);
  }
  for (const node of cluster.membership.nodes()) {
    for (const [key] of cluster.node(node).store.entries()) expect(cluster.membership.owns(node, key)).toBe(true);
  }
}

describe('rebalancing', () => {
  it('add-node moves about 1/(n+1) of the copies, all of them to the new node, at the stream bandwidth', () => {
    const cluster = loaded(4);
    const before = cluster.membership.partitioner;
    const after = before.withNode('n-4');
    cluster.addNode('n-4');
    cluster.membership.begin(after);
    const { elapsedMs, bytes, keys } = rebalance(cluster, ['n-0', 'n-1', 'n-2', 'n-3']);

    const gained = Array.from({ length: KEY_COUNT }, (_, i) => `key-${i}`).filter((key) => after.preferenceList(key, 3).includes('n-4'));
    const moved = [...keys.values()].reduce((a, b) => a + b, 0);
    expect(moved).toBe(gained.length); // exactly one stream per copy the new node gains
    expect(moved / (KEY_COUNT * 3)).toBeGreaterThan(0.7 / 5);
    expect(moved / (KEY_COUNT * 3)).toBeLessThan(1.3 / 5);
    expect(cluster.node('n-4').store.size).toBe(gained.length);
    const streams = cluster.network.log.filter((m) => m.message.type === 'kv.stream');
    expect(new Set(streams.map((m) => m.to))).toEqual(new Set(['n-4']));
    const movedBytes = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(movedBytes).toBe(gained.reduce((sum, key) => sum + entryBytes(key, VALUE_BYTES), 0));

    // Each sender paces itself: the slowest finishes after its bytes / bandwidth, plus a round trip.
    const slowestMs = (Math.max(...bytes.values()) / BYTES_PER_SECOND) * 1000;
    expect(elapsedMs).toBeGreaterThan(slowestMs * 0.95);
    expect(elapsedMs).toBeLessThan(slowestMs * 1.1 + 10);
    copiesHeldEverywhere(cluster);
    cluster.checkInvariants();
  });

  it('remove-node streams exactly the removed node\'s keys, each to one new owner', () => {
    const cluster = loaded(5);
    const held = cluster.node('n-1').store.size;
    cluster.membership.begin(cluster.membership.partitioner.withoutNode('n-1'));
    const transfers = [...cluster.nodes.keys()].filter((id) => id !== 'n-1').flatMap((id) =>
      [...cluster.node(id).store.entries()].filter(([key]) => cluster.membership.transferTarget(key, id) !== undefined));
    expect(transfers).toEqual([]); // only the removed node loses copies
    const { keys } = rebalance(cluster, ['n-1']);
    expect(keys.get('n-1')).toBe(held);
    expect(cluster.node('n-1').store.size).toBe(0);
    copiesHeldEverywhere(cluster);
  });

  it('writes during the change reach the old and the new replicas, and reads stay on the old ones until the commit', () => {
    const cluster = loaded(4);
    const after = cluster.membership.partitioner.withNode('n-4');
    cluster.addNode('n-4');
    cluster.membership.begin(after);
    const key = Array.from({ length: KEY_COUNT }, (_, i) => `key-${i}`).find((k) => after.preferenceList(k, 3).includes('n-4'))!;
    expect(cluster.membership.writeLists(key)).toHaveLength(2);
    expect(cluster.membership.readList(key)).not.toContain('n-4');
    const put = cluster.put('n-0', key, 42);
    cluster.run(10);
    expect(put.result).toMatchObject({ ok: true });
    expect(cluster.node('n-4').store.get(key)?.valueBytes).toBe(42);
    const lost = cluster.membership.readList(key).find((n) => !after.preferenceList(key, 3).includes(n))!;
    expect(cluster.node(lost).store.get(key)?.valueBytes).toBe(42);
  });

  it('a stream to a node that is down is resent until it comes back', () => {
    const cluster = loaded(4);
    const after = cluster.membership.partitioner.withNode('n-4');
    cluster.addNode('n-4');
    cluster.crash('n-4');
    cluster.membership.begin(after);
    let finished = false;
    cluster.node('n-0').store.rebalance(() => (finished = true));
    cluster.run(10_000);
    expect(finished).toBe(false);
    cluster.restart('n-4');
    cluster.run(60_000);
    expect(finished).toBe(true);
  });
});
