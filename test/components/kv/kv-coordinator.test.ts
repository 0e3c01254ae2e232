import { describe, expect, it } from 'vitest';
import { KvCoordinator } from '../../../components/kv/kv-coordinator';
import { KvMembership } from '../../../components/kv/kv-membership';
import { RingPartitioner } from '../../../components/kv/ring-partitioner';
import { ScriptedEnv } from '../../support/scripted-env';
import { TestCluster } from './kv-cluster';

describe('KvCoordinator', () => {
  it('a get after an acknowledged put returns its version (read-your-writes under quorum)', () => {
    const cluster = new TestCluster({ nodeCount: 5 });
    for (let i = 0; i < 50; i++) {
      const put = cluster.put(`n-${i % 5}`, `key-${i}`, 200);
      cluster.run(10);
      expect(put.result).toMatchObject({ ok: true });
      const get = cluster.get(`n-${(i + 2) % 5}`, `key-${i}`);
      cluster.run(10);
      expect(get.result).toEqual({ ok: true, version: (put.result as { version: number }).version, valueBytes: 200 });
    }
    cluster.checkInvariants();
  });

  it('answers a put after W acknowledgements, not before', () => {
    const cluster = new TestCluster({ nodeCount: 5, latencyMs: 1, coordinator: { writeQuorum: 2 } });
    const [a, b, c] = cluster.membership.readList('k');
    cluster.network.autoDeliver(undefined); // hold messages to deliver them one by one
    const put = cluster.put(a!, 'k');
    const sends = cluster.network.take((m) => m.message.type === 'kv.put');
    expect(sends.map((m) => m.to)).toEqual([a, b, c]);
    cluster.network.autoDeliver(1);
    // Deliver the put to the first replica only: its ack is one of W = 2.
    cluster.network.send(sends[0]!.from, sends[0]!.to, sends[0]!.message);
    cluster.run(5);
    expect(put.result).toBeUndefined();
    cluster.network.send(sends[1]!.from, sends[1]!.to, sends[1]!.message);
    cluster.run(5);
    expect(put.result).toMatchObject({ ok: true });
  });

  it('a strict quorum put fails when fewer than W replicas answer in time', () => {
    const cluster = new TestCluster({ nodeCount: 5, coordinator: { writeQuorum: 3, hintedHandoff: false, replicaTimeoutMs: 100 } });
    const [, , c] = cluster.membership.readList('k');
    cluster.crash(c!);
    const coordinator = [...cluster.nodes.keys()].find((id) => id !== c)!;
    const put = cluster.put(coordinator, 'k');
    cluster.run(50);
    expect(put.result).toBeUndefined();
    cluster.run(100);
    expect(put.result).toEqual({ ok: false, reason: 'timeout' });
    expect(cluster.node(coordinator).coordinator.suspected(c!)).toBe(true);
  });

  it('a sloppy quorum put succeeds with W = N while a replica is down: a fallback holds a hint', () => {
    const cluster = new TestCluster({ nodeCount: 5, coordinator: { writeQuorum: 3, replicaTimeoutMs: 100 } });
    const list = cluster.membership.readList('k');
    const down = list[1]!;
    cluster.crash(down);
    const put = cluster.put(list[0]!, 'k', 300);
    cluster.run(300);
    expect(put.result).toMatchObject({ ok: true });
    const fallback = cluster.membership.fallbackOrder('k')[3]!;
    expect(cluster.node(fallback).store.hintsFor(down).get('k')).toEqual({ version: (put.result as { version: number }).version, valueBytes: 300 });
  });

  it('routes a put around a suspected replica at once, without waiting for a timeout', () => {
    const cluster = new TestCluster({ nodeCount: 5, coordinator: { replicaTimeoutMs: 100 } });
    const list = cluster.membership.readList('k');
    cluster.crash(list[2]!);
    cluster.put(list[0]!, 'k');
    cluster.run(300); // the first put times out on the crashed replica and suspects it
    const second = cluster.put(list[0]!, 'k');
    cluster.run(5);
    expect(second.result).toMatchObject({ ok: true });
    const fallback = cluster.membership.fallbackOrder('k')[3]!;
    expect(cluster.node(fallback).store.hintsFor(list[2]!).size).toBe(1);
  });

  it('a get fails when fewer than R replicas answer, and suspects the silent ones', () => {
    const cluster = new TestCluster({ nodeCount: 3, coordinator: { readQuorum: 3, replicaTimeoutMs: 50 } });
    cluster.crash('n-2');
    const get = cluster.get('n-0', 'k');
    cluster.run(100);
    expect(get.result).toEqual({ ok: false, reason: 'timeout' });
    expect(cluster.node('n-0').coordinator.suspected('n-2')).toBe(true);
  });

  it('a get of a key nobody wrote answers version 0', () => {
    const cluster = new TestCluster({ nodeCount: 3 });
    const get = cluster.get('n-1', 'nothing');
    cluster.run(10);
    expect(get.result).toEqual({ ok: true, version: 0, valueBytes: 0 });
  });

  it('read repair brings a stale replica up to date', () => {
    const cluster = new TestCluster({ nodeCount: 5, coordinator: { replicaTimeoutMs: 100 } });
    const [a, b, c] = cluster.membership.readList('k');
    cluster.put(a!, 'k', 100);
    cluster.run(10);
    // c misses the second write (its message is lost), so it keeps the first version.
    cluster.network.isolate(c!);
    const second = cluster.put(a!, 'k', 120);
    cluster.run(10);
    cluster.network.heal(c!);
    expect(second.result).toMatchObject({ ok: true });
    const newest = (second.result as { version: number }).version;
    expect(cluster.node(c!).store.get('k')!.version).toBeLessThan(newest);
    const get = cluster.get(b!, 'k');
    cluster.run(10);
    expect(get.result).toEqual({ ok: true, version: newest, valueBytes: 120 });
    cluster.run(10);
    expect(cluster.node(c!).store.get('k')).toEqual({ version: newest, valueBytes: 120 });
    expect(cluster.node(c!).store.repairCount).toBe(1);
    expect(cluster.network.metrics.counter('kv.readRepairs')).toBe(1);
  });

  it('does not repair when read repair is off', () => {
    const cluster = new TestCluster({ nodeCount: 3, coordinator: { readRepair: false } });
    cluster.network.isolate('n-2');
    cluster.put('n-0', 'k');
    cluster.run(10);
    cluster.network.heal('n-2');
    cluster.get('n-0', 'k');
    cluster.run(20);
    expect(cluster.node('n-2').store.get('k')).toBeUndefined();
  });

  it('reset drops every operation without a callback', () => {
    const cluster = new TestCluster({ nodeCount: 3 });
    cluster.network.autoDeliver(undefined);
    const put = cluster.put('n-0', 'k');
    const get = cluster.get('n-0', 'j');
    expect(cluster.node('n-0').coordinator.inFlight).toBe(2);
    cluster.node('n-0').coordinator.reset();
    cluster.network.deliverAll();
    cluster.run(10_000);
    expect(put.result).toBeUndefined();
    expect(get.result).toBeUndefined();
    expect(cluster.node('n-0').coordinator.inFlight).toBe(0);
  });

  it('refuses operations beyond inFlightMax on the next tick', () => {
    const cluster = new TestCluster({ nodeCount: 3, coordinator: { inFlightMax: 1 } });
    cluster.network.autoDeliver(undefined);
    cluster.put('n-0', 'a');
    const refused = cluster.get('n-0', 'b');
    expect(refused.result).toBeUndefined();
    cluster.run(0);
    expect(refused.result).toEqual({ ok: false, reason: 'overloaded' });
  });

  it('versions of one coordinator increase and carry its index', () => {
    const cluster = new TestCluster({ nodeCount: 3 });
    const first = cluster.put('n-2', 'k');
    const second = cluster.put('n-2', 'k');
    cluster.run(10);
    const v1 = (first.result as { version: number }).version;
    const v2 = (second.result as { version: number }).version;
    expect(v2).toBeGreaterThan(v1);
    expect(v1 % 1024).toBe(2);
  });

  it('rejects quorums outside [1, replication]', () => {
    const env = new ScriptedEnv();
    const membership = new KvMembership(new RingPartitioner(['a', 'b', 'c']), 3);
    expect(() => new KvCoordinator(env, 'a', membership, { nodeIndex: 0, writeQuorum: 4 })).toThrow('kv: writeQuorum must be an integer in [1, 3], got 4');
    expect(() => new KvCoordinator(env, 'a', membership, { nodeIndex: 0, readQuorum: 0 })).toThrow('kv: readQuorum must be an integer in [1, 3], got 0');
    expect(() => new KvCoordinator(env, 'a', membership, { nodeIndex: 1024 })).toThrow('kv: nodeIndex must be an integer in [0, 1023], got 1024');
    expect(() => new KvCoordinator(env, 'a', membership, { nodeIndex: 0, replicaTimeoutMs: 0 })).toThrow('kv: replicaTimeoutMs must be a finite number > 0, got 0');
  });
});
