import { describe, expect, it } from 'vitest';
import { keyMovement, loadCounts, loadStats } from '../../../components/ring/analysis';
import { murmur3String } from '../../../components/ring/murmur3';
import { RendezvousHash } from '../../../components/ring/rendezvous-hash';

function rendezvous(nodeCount: number): RendezvousHash {
  const placement = new RendezvousHash();
  for (let i = 0; i < nodeCount; i++) placement.add(`node-${i}`);
  return placement;
}

describe('RendezvousHash', () => {
  it('picks the node with the highest score −w/ln((h + 0.5)/2^32), h = hash(key, hash(node, 0))', () => {
    const placement = rendezvous(5);
    for (let i = 0; i < 200; i++) {
      const key = `key-${i}`;
      let best = '';
      let bestScore = -1;
      for (const node of placement.nodes()) {
        const score = -1 / Math.log((murmur3String(key, murmur3String(node, 0)) + 0.5) / 2 ** 32);
        if (score > bestScore) [best, bestScore] = [node, score];
      }
      expect(placement.lookup(key)).toBe(best);
    }
  });

  it('the fast path (bytes encoded once) agrees with a custom hash equal to the default', () => {
    const fast = rendezvous(6);
    const custom = new RendezvousHash({ hash: (key, seed) => murmur3String(key, seed) });
    for (const node of fast.nodes()) custom.add(node);
    for (const key of ['a', 'ü', '🦊', 'x'.repeat(300), 'key-7']) expect(custom.lookup(key)).toBe(fast.lookup(key));
  });

  it('removing a node moves only its keys', () => {
    const before = rendezvous(20);
    const after = rendezvous(20);
    after.remove('node-7');
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 100_000);
    expect([...movement.from.keys()]).toEqual(['node-7']);
    expect(movement.movedCount).toBe(loadCounts((k) => before.lookup(k), 100_000).get('node-7'));
  });

  it('adding node n+1 moves ≈ 1/(n+1) of keys (±10%), all to it', () => {
    const before = rendezvous(20);
    const after = rendezvous(21);
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 100_000);
    expect([...movement.to.keys()]).toEqual(['node-20']);
    expect(movement.movedFraction * 21).toBeGreaterThan(0.9);
    expect(movement.movedFraction * 21).toBeLessThan(1.1);
  });

  it('balances like independent choice: std/mean ≈ √(n/keys)', () => {
    const placement = rendezvous(10);
    const stats = loadStats(loadCounts((k) => placement.lookup(k), 100_000, placement.nodes()).values());
    expect(stats.stdOverMean).toBeLessThan(3 * Math.sqrt(10 / 100_000));
  });

  it('gives weights proportional shares (logarithmic method)', () => {
    const placement = new RendezvousHash();
    placement.add('light', 1);
    placement.add('middle', 2);
    placement.add('heavy', 5);
    const counts = loadCounts((k) => placement.lookup(k), 80_000);
    expect(counts.get('light')! / 10_000).toBeCloseTo(1, 1);
    expect(counts.get('middle')! / 20_000).toBeCloseTo(1, 1);
    expect(counts.get('heavy')! / 50_000).toBeCloseTo(1, 1);
  });

  it('does not depend on the order of add; ties go to the smaller name', () => {
    const a = rendezvous(8);
    const b = new RendezvousHash();
    for (const node of [...a.nodes()].reverse()) b.add(node);
    expect(keyMovement((k) => a.lookup(k), (k) => b.lookup(k), 10_000).movedCount).toBe(0);
    const tied = new RendezvousHash({ hash: () => 5 });
    tied.add('z');
    tied.add('c');
    expect(tied.lookup('any')).toBe('c');
  });

  it('rejects duplicates, unknown nodes, bad weights and lookups when empty', () => {
    const placement = rendezvous(2);
    expect(() => placement.add('node-0')).toThrow(/rendezvous: node "node-0" is already present/);
    expect(() => placement.remove('x')).toThrow(/rendezvous: unknown node "x"/);
    expect(() => placement.add('x', 0)).toThrow(/weight of node "x" must be a number in \(0, 1000000\], got 0/);
    expect(() => new RendezvousHash().lookup('k')).toThrow(/rendezvous: lookup of "k" in an empty placement/);
    placement.checkInvariants();
  });
});
