import { describe, expect, it } from 'vitest';
import { keyMovement, loadCounts } from '../../../components/ring/analysis';
import { MaglevHash } from '../../../components/ring/maglev-hash';

function maglev(nodeCount: number, tableSize?: number): MaglevHash {
  const placement = new MaglevHash({ tableSize });
  for (let i = 0; i < nodeCount; i++) placement.add(`node-${i}`);
  return placement;
}

describe('MaglevHash (placement)', () => {
  it('defaults to M = 65,537', () => {
    expect(new MaglevHash().tableSize).toBe(65_537);
  });

  it('gives every node ⌊M/N⌋ or ⌈M/N⌉ slots with equal weights', () => {
    const placement = maglev(10);
    const counts = new Map<string, number>();
    for (const owner of placement.slotOwners()) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    for (const count of counts.values()) expect([6553, 6554]).toContain(count);
    placement.checkInvariants();
  });

  it('does not depend on the order of add', () => {
    const a = maglev(12);
    const b = new MaglevHash();
    for (const node of [...a.nodes()].reverse()) b.add(node);
    expect(b.slotOwners()).toEqual(a.slotOwners());
  });

  it('removing a node moves its keys and under 1% of the others’ (N = 10 and 100)', () => {
    for (const n of [10, 100]) {
      const before = maglev(n);
      const after = maglev(n);
      after.remove('node-3');
      const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 100_000);
      const ownKeys = loadCounts((k) => before.lookup(k), 100_000).get('node-3')!;
      expect(movement.from.get('node-3')).toBe(ownKeys);
      expect((movement.movedCount - ownKeys) / (100_000 - ownKeys)).toBeLessThan(0.01);
    }
  });

  it('adding a node moves ≈ 1/(n+1) of keys to it, plus a few between others (N = 10: < 1%)', () => {
    const before = maglev(10);
    const after = maglev(11);
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 100_000);
    expect(movement.to.get('node-10')! / 100_000 / (1 / 11)).toBeGreaterThan(0.95);
    expect(movement.to.get('node-10')! / 100_000 / (1 / 11)).toBeLessThan(1.05);
    expect((movement.movedCount - movement.to.get('node-10')!) / 100_000).toBeLessThan(0.01);
  });

  it('rejects a non-prime table size, duplicates, unknown nodes and lookups when empty', () => {
    expect(() => new MaglevHash({ tableSize: 100 })).toThrow(/maglev: tableSize must be prime/);
    const placement = maglev(2, 7);
    expect(() => placement.add('node-1')).toThrow(/maglev: node "node-1" is already present/);
    expect(() => placement.remove('x')).toThrow(/maglev: unknown node "x"/);
    expect(() => placement.add('x', 0)).toThrow(/got 0/);
    expect(() => new MaglevHash().lookup('k')).toThrow(/maglev: lookup of "k" in an empty placement/);
    expect(new MaglevHash().slotOwners()).toEqual([]);
  });
});
