import { describe, expect, it } from 'vitest';
import { KvMembership } from '../../../components/kv/kv-membership';
import { KvStore } from '../../../components/kv/kv-store';
import { immediateBackend } from '../../../components/kv/kv-backend';
import { RingPartitioner } from '../../../components/kv/ring-partitioner';
import { entryBytes } from '../../../components/kv/kv-value';
import { ScriptedEnv } from '../../support/scripted-env';
import { TestCluster } from './kv-cluster';

function lonelyStore(): { env: ScriptedEnv; store: KvStore } {
  const env = new ScriptedEnv({ address: 'a' });
  const store = new KvStore(env, 'a', new KvMembership(new RingPartitioner(['a']), 1), immediateBackend(env));
  return { env, store };
}

describe('KvStore', () => {
  it('applies the newest version and acknowledges older ones without applying them', () => {
    const { env, store } = lonelyStore();
    store.receive('c', { type: 'kv.put', id: 1, key: 'k', version: 2048, valueBytes: 10, size: 0 });
    store.receive('c', { type: 'kv.put', id: 2, key: 'k', version: 1024, valueBytes: 20, size: 0 });
    env.advance(1);
    expect(store.get('k')).toEqual({ version: 2048, valueBytes: 10 });
    expect(env.sent().map((m) => m.message)).toEqual([
      { type: 'kv.put-ack', id: 1, size: 64 },
      { type: 'kv.put-ack', id: 2, size: 64 },
    ]);
  });

  it('answers a get with its version, 0 when it has none', () => {
    const { env, store } = lonelyStore();
    store.receive('c', { type: 'kv.get', id: 7, key: 'none', size: 0 });
    env.advance(1);
    expect(env.sent()[0]!.message).toEqual({ type: 'kv.get-reply', id: 7, version: 0, valueBytes: 0, size: 64 });
  });

  it('ignores messages of other protocols', () => {
    const { store } = lonelyStore();
    expect(store.receive('c', { type: 'kv.put-ack', id: 1, size: 0 })).toBe(false);
  });

  it('drops work in progress when stopped (a crash loses unacknowledged writes only)', () => {
    const { env, store } = lonelyStore();
    store.receive('c', { type: 'kv.put', id: 1, key: 'k', version: 1024, valueBytes: 1, size: 0 });
    store.stop();
    env.advance(1);
    expect(store.get('k')).toBeUndefined();
    expect(env.sent()).toEqual([]);
  });

  it('bulk-loads sorted entries into an empty store', () => {
    const { store } = lonelyStore();
    store.load([['a', { version: 1, valueBytes: 5 }], ['b', { version: 1, valueBytes: 6 }]]);
    expect(store.size).toBe(2);
    expect(store.get('b')).toEqual({ version: 1, valueBytes: 6 });
    expect(() => store.load([['c', { version: 1, valueBytes: 1 }]])).toThrow('kv: a: load needs an empty store, it holds 2 keys');
    store.checkInvariants();
  });

  it('hinted handoff delivers the hints after the node restarts, then forgets them', () => {
    const cluster = new TestCluster({ nodeCount: 5, coordinator: { replicaTimeoutMs: 100 }, store: { handoffIntervalMs: 1000 } });
    const list = cluster.membership.readList('k');
    const down = list[2]!;
    cluster.crash(down);
    const put = cluster.put(list[0]!, 'k', 64);
    cluster.run(500);
    expect(put.result).toMatchObject({ ok: true });
    const version = (put.result as { version: number }).version;
    const holder = cluster.node(cluster.membership.fallbackOrder('k')[3]!);
    expect(holder.store.hintCount).toBe(1);
    cluster.run(5_000); // rounds while the node is down deliver nothing
    expect(holder.store.hintCount).toBe(1);
    cluster.restart(down);
    expect(cluster.node(down).store.get('k')).toBeUndefined();
    cluster.run(1_100);
    expect(cluster.node(down).store.get('k')).toEqual({ version, valueBytes: 64 });
    expect(holder.store.hintCount).toBe(0);
    expect(holder.store.hintsDelivered).toBe(1);
    cluster.checkInvariants();
  });

  it('hands off many hints in batches of handoffBatchMax', () => {
    const cluster = new TestCluster({ nodeCount: 4, replication: 3, coordinator: { replicaTimeoutMs: 100, suspectMs: 60_000 }, store: { handoffBatchMax: 10 } });
    cluster.crash('n-3');
    const keys = Array.from({ length: 200 }, (_, i) => `key-${i}`).filter((k) => cluster.membership.readList(k).includes('n-3'));
    for (const key of keys) cluster.put(cluster.membership.readList(key).find((n) => n !== 'n-3')!, key);
    cluster.run(1_000);
    const hints = [...cluster.nodes.values()].reduce((sum, n) => sum + n.store.hintCount, 0);
    expect(hints).toBe(keys.length);
    cluster.restart('n-3');
    cluster.run(1_100);
    expect([...cluster.nodes.values()].reduce((sum, n) => sum + n.store.hintCount, 0)).toBe(0);
    for (const key of keys) expect(cluster.node('n-3').store.get(key)).toBeDefined();
    const handoffs = cluster.network.log.filter((m) => m.message.type === 'kv.handoff' && m.sentAtMs > 1_000);
    expect(Math.max(...handoffs.map((m) => (m.message.entries as unknown[]).length))).toBe(10);
  });

  it('rejects bad options with the field, the value and the range', () => {
    const env = new ScriptedEnv();
    const membership = new KvMembership(new RingPartitioner(['a']), 1);
    expect(() => new KvStore(env, 'a', membership, immediateBackend(env), { streamWindow: 0 })).toThrow('kv: streamWindow must be an integer in [1, 9007199254740991], got 0');
    expect(() => new KvStore(env, 'a', membership, immediateBackend(env), { streamBytesPerSecond: -1 })).toThrow('kv: streamBytesPerSecond must be a finite number > 0, got -1');
    expect(() => new KvStore(env, 'a', membership, immediateBackend(env), { treeOrder: 2 })).toThrow('btree: order must be an integer in [3, 1024], got 2');
  });

  it('an entry is key + 16 + value bytes', () => {
    expect(entryBytes('key-12', 512)).toBe(6 + 16 + 512);
  });
});
