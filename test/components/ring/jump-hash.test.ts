import { describe, expect, it } from 'vitest';
import { keyMovement } from '../../../components/ring/analysis';
import { jumpConsistentHash } from '../../../components/ring/jump-consistent-hash';
import { JumpHash } from '../../../components/ring/jump-hash';
import { murmur3String } from '../../../components/ring/murmur3';

function jump(nodeCount: number): JumpHash {
  const placement = new JumpHash();
  for (let i = 0; i < nodeCount; i++) placement.add(`node-${i}`);
  return placement;
}

describe('JumpHash (placement)', () => {
  it('maps node i of the add order to bucket i, with key64 = hash(key, 0)·2^32 + hash(key, 1)', () => {
    const placement = jump(7);
    expect(placement.key64('key-1')).toBe((BigInt(murmur3String('key-1', 0)) << 32n) + BigInt(murmur3String('key-1', 1)));
    for (let i = 0; i < 100; i++) {
      const key = `key-${i}`;
      expect(placement.lookup(key)).toBe(`node-${jumpConsistentHash(placement.key64(key), 7)}`);
    }
  });

  it.each([10, 100])('adding node n+1 (n = %i) moves ≈ 1/(n+1) of 1e5 keys, all to the new node', (n) => {
    const before = jump(n);
    const after = jump(n + 1);
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 100_000);
    expect([...movement.to.keys()]).toEqual([`node-${n}`]);
    expect(movement.movedFraction * (n + 1)).toBeGreaterThan(0.9);
    expect(movement.movedFraction * (n + 1)).toBeLessThan(1.1);
  });

  it('removing the last node moves only its keys', () => {
    const before = jump(10);
    const after = jump(10);
    after.remove('node-9');
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 50_000);
    expect([...movement.from.keys()]).toEqual(['node-9']);
  });

  it('removing node i of n is not minimal: about (n − i)/n of keys move (documented)', () => {
    const before = jump(10);
    const after = jump(10);
    after.remove('node-2');
    const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 50_000);
    // Buckets 3..9 shift down one, so their keys change node too: 8/10 expected.
    expect(movement.movedFraction).toBeGreaterThan(0.75);
    expect(movement.movedFraction).toBeLessThan(0.85);
    expect(after.nodes()).toEqual(['node-0', 'node-1', 'node-3', 'node-4', 'node-5', 'node-6', 'node-7', 'node-8', 'node-9']);
  });

  it('rejects weights, duplicates, unknown nodes and lookups when empty', () => {
    const placement = jump(2);
    expect(() => placement.add('w', 2)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: jump: weight of node "w" must be 1 (jump hash has no weights; use hash-ring, rendezvous or maglev), got 2]`,
    );
    placement.add('w', 1);
    expect(() => placement.add('w')).toThrow(/jump: node "w" is already present/);
    expect(() => placement.remove('x')).toThrow(/jump: unknown node "x"/);
    expect(() => new JumpHash().lookup('k')).toThrow(/jump: lookup of "k" in an empty placement/);
    placement.checkInvariants();
  });
});
