import { describe, expect, it } from 'vitest';
import { BoundedLoadPartitioner } from '../../../components/kv/bounded-load-partitioner';
import { KvMembership } from '../../../components/kv/kv-membership';
import { RingPartitioner } from '../../../components/kv/ring-partitioner';
import { HashRing } from '../../../components/ring/hash-ring';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `n-${i}`);
const keys = (n: number) => Array.from({ length: n }, (_, i) => `key-${i}`);

describe('RingPartitioner', () => {
  it('preferenceList(key, n) is the ring\'s first n distinct nodes clockwise', () => {
    const ring = new HashRing({ vnodes: 50 });
    for (const node of nodes(6)) ring.add(node);
    const partitioner = new RingPartitioner(nodes(6), { vnodes: 50 });
    for (const key of keys(100)) expect(partitioner.preferenceList(key, 3)).toEqual(ring.replicas(key, 3));
  });

  it('withNode and withoutNode return new placements and leave this one unchanged', () => {
    const partitioner = new RingPartitioner(nodes(3));
    const grown = partitioner.withNode('n-3');
    expect(partitioner.nodes()).toEqual(nodes(3));
    expect(grown.nodes()).toEqual(nodes(4));
    expect(grown.withoutNode('n-0').nodes()).toEqual(['n-1', 'n-2', 'n-3']);
    expect(() => partitioner.withNode('n-0')).toThrow('kv: ring: node "n-0" is already a member');
    expect(() => partitioner.withoutNode('x')).toThrow('kv: ring: unknown node "x"');
    expect(() => partitioner.preferenceList('k', 4)).toThrow('kv: ring preference list needs a count in [1, 3] (the node count), got 4');
  });
});

describe('BoundedLoadPartitioner', () => {
  it('keeps every node at or below ⌈c·m/n⌉ copies after every placement', () => {
    const partitioner = new BoundedLoadPartitioner(nodes(8), { vnodes: 4, balanceFactor: 1.1, replication: 3 });
    for (const key of keys(3_000)) {
      expect(new Set(partitioner.preferenceList(key, 3)).size).toBe(3);
      if (key.endsWith('00')) partitioner.checkInvariants();
    }
    partitioner.checkInvariants();
    const loads = [...partitioner.loadsByNode().values()];
    expect(Math.max(...loads)).toBeLessThanOrEqual(Math.ceil((1.1 * 9_000) / 8));
  });

  it('balances keys per node better than the plain ring with few vnodes', () => {
    const ring = new RingPartitioner(nodes(8), { vnodes: 4 });
    const bounded = new BoundedLoadPartitioner(nodes(8), { vnodes: 4, balanceFactor: 1.1, replication: 3 });
    const count = (p: { preferenceList(k: string, n: number): readonly string[] }) => {
      const loads = new Map<string, number>(nodes(8).map((n) => [n, 0]));
      for (const key of keys(3_000)) for (const node of p.preferenceList(key, 3)) loads.set(node, loads.get(node)! + 1);
      return Math.max(...loads.values()) / (9_000 / 8);
    };
    expect(count(ring)).toBeGreaterThan(1.2);
    expect(count(bounded)).toBeLessThanOrEqual(1.1 + 8 / 9_000);
  });

  it('places a key once and keeps its nodes; longer lists extend clockwise', () => {
    const partitioner = new BoundedLoadPartitioner(nodes(6), { replication: 3 });
    const first = partitioner.preferenceList('k', 3);
    expect(partitioner.preferenceList('k', 3)).toBe(first);
    const all = partitioner.preferenceList('k', 6);
    expect(all.slice(0, 3)).toEqual(first);
    expect(new Set(all).size).toBe(6);
  });

  it('re-places known keys on a membership change, keeping the bound', () => {
    const partitioner = new BoundedLoadPartitioner(nodes(5), { replication: 3 });
    for (const key of keys(2_000)) partitioner.preferenceList(key, 3);
    const grown = partitioner.withNode('n-5');
    grown.checkInvariants();
    expect(grown.loadsByNode().get('n-5')).toBeGreaterThan(0);
    expect([...grown.loadsByNode().values()].reduce((a, b) => a + b, 0)).toBe(6_000);
  });

  it('rejects bad options', () => {
    expect(() => new BoundedLoadPartitioner(nodes(3), { replication: 4 })).toThrow('kv: bounded-load: replication must be an integer in [1, 3] (the node count), got 4');
    expect(() => new BoundedLoadPartitioner(nodes(3), { replication: 2, balanceFactor: 0.9 })).toThrow('kv: bounded-load: balanceFactor must be a number in [1, 1000], got 0.9');
  });
});

describe('KvMembership', () => {
  it('on add-node, each key gains the new node in place of one old replica (ring property)', () => {
    const membership = new KvMembership(new RingPartitioner(nodes(5)), 3);
    membership.begin(membership.partitioner.withNode('n-5'));
    let moved = 0;
    for (const key of keys(5_000)) {
      const sources = nodes(5).filter((n) => membership.transferTarget(key, n) !== undefined);
      expect(sources.length).toBeLessThanOrEqual(1);
      if (sources.length === 1) {
        expect(membership.transferTarget(key, sources[0]!)).toBe('n-5');
        moved++;
      }
    }
    // About 3/6 of the keys gain the new node among their 3 replicas: 1/6 of the 15,000 copies.
    expect(moved / 15_000).toBeGreaterThan(0.8 / 6);
    expect(moved / 15_000).toBeLessThan(1.2 / 6);
  });

  it('holds one change at a time', () => {
    const membership = new KvMembership(new RingPartitioner(nodes(3)), 3);
    expect(membership.changing).toBe(false);
    membership.begin(membership.partitioner.withNode('n-3'));
    expect(() => membership.begin(membership.partitioner.withNode('n-4'))).toThrow('kv: a membership change is already in progress; commit it first');
    membership.commit();
    expect(membership.nodes()).toEqual(nodes(4));
    expect(() => membership.commit()).toThrow('kv: commit without a membership change in progress');
    expect(() => membership.begin(new RingPartitioner(nodes(2)))).toThrow('kv: replication must be an integer in [1, 2] (the node count), got 3');
  });
});
