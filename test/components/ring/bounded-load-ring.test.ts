import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedLoadRing } from '../../../components/ring/bounded-load-ring';
import { HashRing } from '../../../components/ring/hash-ring';

function bounded(nodeCount: number, balanceFactor?: number, vnodes?: number): BoundedLoadRing {
  const placement = new BoundedLoadRing({ balanceFactor, vnodes });
  for (let i = 0; i < nodeCount; i++) placement.add(`node-${i}`);
  return placement;
}

function maxLoad(placement: BoundedLoadRing): number {
  return Math.max(0, ...placement.loads().values());
}

type Event = { kind: 'toggle-key'; key: number } | { kind: 'toggle-node'; node: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('toggle-key' as const), key: fc.nat(120) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle-node' as const), node: fc.nat(9) }) },
);

describe('BoundedLoadRing (Mirrokni, Thorup & Zadimoghaddam, SODA 2018)', () => {
  it('has the expected defaults: c = 1.25, 160 vnodes', () => {
    const placement = new BoundedLoadRing();
    expect(placement.balanceFactor).toBe(1.25);
    expect(placement.name).toBe('bounded-load');
    expect(placement.capacity()).toBe(0);
  });

  it('never lets a bin exceed ⌈c·m/n⌉, after every assign, release, add and remove (property, seed 42)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 1.05, 1.25, 1.5, 2, 3),
        fc.integer({ min: 1, max: 40 }),
        fc.array(event, { minLength: 1, maxLength: 300 }),
        (balanceFactor, vnodes, events) => {
          const placement = bounded(3, balanceFactor, vnodes);
          const keys = new Set<string>();
          for (const e of events) {
            apply(placement, keys, e);
            placement.checkInvariants();
            const n = placement.nodes().length;
            const bound = n === 0 ? 0 : Math.ceil((balanceFactor * keys.size) / n);
            expect(maxLoad(placement)).toBeLessThanOrEqual(bound);
            expect(placement.assignedCount()).toBe(keys.size);
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('places a ball in the first bin clockwise with room: with a huge c it is the plain ring', () => {
    const placement = bounded(10, 1000, 50);
    const ring = new HashRing({ vnodes: 50 });
    for (let i = 0; i < 10; i++) ring.add(`node-${i}`);
    for (let i = 0; i < 2000; i++) expect(placement.assign(`key-${i}`)).toBe(ring.lookup(`key-${i}`));
  });

  it('with c = 1 balances perfectly: every bin holds ⌈m/n⌉ or fewer, and all bins are within 1', () => {
    const placement = bounded(7, 1);
    for (let i = 0; i < 7000; i++) placement.assign(`key-${i}`);
    expect(new Set(placement.loads().values())).toEqual(new Set([1000]));
  });

  it('lookup(key) is where assign(key) would go, without changing anything', () => {
    const placement = bounded(5, 1.1);
    for (let i = 0; i < 500; i++) placement.assign(`key-${i}`);
    const predicted = placement.lookup('new-key');
    expect(placement.assignedCount()).toBe(500);
    expect(placement.assign('new-key')).toBe(predicted);
    expect(placement.lookup('key-3')).toBe(placement.assignment('key-3'));
  });

  it('adding a bin moves ≈ 1/(n+1) of the balls, all into the new bin (c = 1.25, 10 → 11 nodes)', () => {
    const placement = bounded(10);
    for (let i = 0; i < 10_000; i++) placement.assign(`key-${i}`);
    const before = new Map(Array.from({ length: 10_000 }, (_, i) => [`key-${i}`, placement.assignment(`key-${i}`)]));
    placement.add('node-10');
    placement.checkInvariants();
    let moved = 0;
    for (const [key, owner] of before) {
      if (placement.assignment(key) === owner) continue;
      expect(placement.assignment(key)).toBe('node-10');
      moved++;
    }
    expect(moved / 10_000).toBeGreaterThan(0.5 / 11);
    expect(moved / 10_000).toBeLessThan(1.5 / 11);
    expect(placement.moveCount).toBe(moved);
  });

  it('removing a bin re-places only its balls', () => {
    const placement = bounded(10);
    for (let i = 0; i < 5000; i++) placement.assign(`key-${i}`);
    const victims = new Set(Array.from({ length: 5000 }, (_, i) => `key-${i}`).filter((k) => placement.assignment(k) === 'node-4'));
    const before = new Map(Array.from({ length: 5000 }, (_, i) => [`key-${i}`, placement.assignment(`key-${i}`)]));
    placement.remove('node-4');
    placement.checkInvariants();
    for (const [key, owner] of before) if (!victims.has(key)) expect(placement.assignment(key)).toBe(owner);
    expect(placement.moveCount).toBe(victims.size);
  });

  it('rejects bad options, weights, duplicate and unknown keys, and emptying a loaded ring', () => {
    expect(() => new BoundedLoadRing({ balanceFactor: 0.9 })).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: bounded-load: balanceFactor must be a number in [1, 1000], got 0.9]`,
    );
    expect(() => new BoundedLoadRing({ balanceFactor: Number.NaN })).toThrow(/got NaN/);
    expect(() => new BoundedLoadRing({ vnodes: 0 })).toThrow(/vnodes must be an integer in \[1, 1048576\], got 0/);
    const placement = bounded(1);
    expect(() => placement.add('w', 2)).toThrow(/bounded-load: weight of node "w" must be 1 .*got 2/);
    expect(() => new BoundedLoadRing().assign('k')).toThrow(/bounded-load: lookup of "k" in an empty placement/);
    placement.assign('k');
    expect(() => placement.assign('k')).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: bounded-load: key "k" is already assigned (release it first)]`,
    );
    expect(() => placement.release('x')).toThrow(/bounded-load: key "x" is not assigned/);
    expect(() => placement.remove('node-0')).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: bounded-load: cannot remove the last node "node-0" while it holds 1 keys (release them first)]`,
    );
    expect(() => placement.remove('nope')).toThrow(/bounded-load: unknown node "nope"/);
    expect(() => placement.load('nope')).toThrow(/bounded-load: unknown node "nope"/);
    placement.release('k');
    placement.remove('node-0');
    placement.checkInvariants();
  });
});

function apply(placement: BoundedLoadRing, keys: Set<string>, e: Event): void {
  if (e.kind === 'toggle-key') {
    const key = `key-${e.key}`;
    if (keys.has(key)) {
      placement.release(key);
      keys.delete(key);
    } else if (placement.nodes().length > 0) {
      placement.assign(key);
      keys.add(key);
    }
    return;
  }
  const node = `node-${e.node}`;
  if (!placement.nodes().includes(node)) placement.add(node);
  else if (placement.nodes().length > 1 || keys.size === 0) placement.remove(node);
}
