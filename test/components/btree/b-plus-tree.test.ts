import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BPlusTree, bPlusTreeDefaults, defaultCompare } from '../../../components/btree';
import { ComponentError } from '../../../components/errors';
import { operationArbitrary, runAgainstModel, scenarioArbitrary } from './model-operations';

/** mulberry32: a tiny seeded PRNG for shuffles (tests never use Math.random). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, seed: number): number[] {
  const random = mulberry32(seed);
  const keys = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys;
}

/** A tree of the given order holding key k -> k * 10 for each key, inserted in order. */
function treeWith(order: number, keys: readonly number[]): BPlusTree<number, number> {
  const tree = new BPlusTree<number, number>({ order });
  for (const key of keys) tree.set(key, key * 10);
  tree.checkInvariants();
  return tree;
}

function sortedTree(order: number, first: number, last: number): BPlusTree<number, number> {
  const entries: [number, number][] = [];
  for (let key = first; key <= last; key++) entries.push([key, key * 10]);
  const tree = BPlusTree.fromSorted(entries, { order });
  tree.checkInvariants();
  return tree;
}

const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const keysOf = <K>(entries: Iterable<[K, unknown]>): K[] => [...entries].map(([key]) => key);

describe('BPlusTree options', () => {
  it('has the expected defaults: order 32 and the default compare', () => {
    const tree = new BPlusTree<number, string>();
    expect(tree.order).toBe(32);
    expect(bPlusTreeDefaults.order).toBe(32);
    expect(tree.compare).toBe(defaultCompare);
    expect(Object.isFrozen(bPlusTreeDefaults)).toBe(true);
  });

  it.each([2, 0, -3, 1025, 3.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects order %s with a ComponentError naming the field, the value and the range',
    (order) => {
      expect(() => new BPlusTree({ order })).toThrow(ComponentError);
      expect(() => new BPlusTree({ order })).toThrow(`btree: order must be an integer in [3, 1024], got ${order}`);
    },
  );

  it('accepts the boundary orders 3 and 1024 as given, without clamping', () => {
    expect(new BPlusTree({ order: 3 }).order).toBe(3);
    expect(new BPlusTree({ order: 1024 }).order).toBe(1024);
  });

  it('rejects a compare that is not a function', () => {
    const compare = 'ascending' as unknown as (a: number, b: number) => number;
    expect(() => new BPlusTree({ compare })).toThrow('btree: compare must be a function, got string');
  });

  it('default compare orders numbers and strings and refuses NaN and mixed types', () => {
    expect(defaultCompare(1, 2)).toBeLessThan(0);
    expect(defaultCompare('b', 'a')).toBeGreaterThan(0);
    expect(defaultCompare(-0, 0)).toBe(0);
    expect(defaultCompare(3n, 3n)).toBe(0);
    expect(() => defaultCompare(Number.NaN, 1)).toThrow('btree: default compare cannot order NaN (number) and 1 (number)');
    expect(() => defaultCompare('1', 1)).toThrow(ComponentError);
    const tree = new BPlusTree<number, number>();
    tree.set(1, 1);
    expect(() => tree.set(Number.NaN, 2)).toThrow(ComponentError);
    expect(() => tree.get(Number.NaN)).toThrow(ComponentError);
  });

  it('rejects a NaN key even when nothing else is there to compare with', () => {
    expect(() => new BPlusTree<number, number>().set(Number.NaN, 1)).toThrow(ComponentError);
    expect(() => BPlusTree.fromSorted([[Number.NaN, 1]])).toThrow(ComponentError);
  });
});

describe('BPlusTree basics', () => {
  it('an empty tree has size 0, height 1 and an empty range', () => {
    const tree = new BPlusTree<number, number>();
    expect(tree.size).toBe(0);
    expect(tree.height).toBe(1);
    expect(tree.get(1)).toBeUndefined();
    expect(tree.has(1)).toBe(false);
    expect(tree.delete(1)).toBe(false);
    expect([...tree.range()]).toEqual([]);
    expect([...tree.range(0, 10)]).toEqual([]);
    tree.checkInvariants();
  });

  it('set overwrites the value of an existing key without changing size', () => {
    const tree = treeWith(3, range(1, 10));
    tree.set(7, -7);
    expect(tree.size).toBe(10);
    expect(tree.get(7)).toBe(-7);
    tree.checkInvariants();
  });

  it('delete returns true only for a present key and removes it', () => {
    const tree = treeWith(4, range(1, 20));
    expect(tree.delete(21)).toBe(false);
    expect(tree.delete(5)).toBe(true);
    expect(tree.delete(5)).toBe(false);
    expect(tree.has(5)).toBe(false);
    expect(tree.get(5)).toBeUndefined();
    expect(tree.size).toBe(19);
    tree.checkInvariants();
  });

  it('get and has find every key of a large random tree and miss absent ones', () => {
    const keys = shuffled(20_000, 7).map((k) => k * 2);
    const tree = treeWith(16, keys);
    for (const key of keys) expect(tree.get(key)).toBe(key * 10);
    for (let odd = 1; odd < 40_000; odd += 2) expect(tree.has(odd)).toBe(false);
  });
});

describe('BPlusTree split on overflow', () => {
  it('a full root leaf splits into two halves under a new root', () => {
    const tree = treeWith(3, [1, 2, 3]);
    expect(tree.outline()).toEqual({ keys: [1, 2, 3] });
    tree.set(4, 40);
    expect(tree.height).toBe(2);
    expect(tree.outline()).toEqual({ keys: [3], children: [{ keys: [1, 2] }, { keys: [3, 4] }] });
  });

  it('an overfull internal node splits and pushes its middle separator up', () => {
    const tree = treeWith(3, range(1, 8));
    expect(tree.height).toBe(3);
    expect(tree.outline()).toEqual({
      keys: [5],
      children: [
        { keys: [3], children: [{ keys: [1, 2] }, { keys: [3, 4] }] },
        { keys: [7], children: [{ keys: [5, 6] }, { keys: [7, 8] }] },
      ],
    });
  });

  it('descending inserts split at the left edge and keep the leaf chain in key order', () => {
    const tree = treeWith(3, range(1, 50).reverse());
    expect(keysOf(tree.range())).toEqual(range(1, 50));
  });
});

describe('BPlusTree underflow: borrow, merge and root collapse', () => {
  it('an underfull leaf borrows the largest entry of its left sibling', () => {
    const tree = sortedTree(4, 1, 8); // leaves [1..4] [5..8], minimum 2 entries
    for (const key of [5, 6, 7]) tree.delete(key);
    expect(tree.outline()).toEqual({ keys: [4], children: [{ keys: [1, 2, 3] }, { keys: [4, 8] }] });
    tree.checkInvariants();
  });

  it('an underfull leaf borrows the smallest entry of its right sibling', () => {
    const tree = sortedTree(4, 1, 8);
    for (const key of [1, 2, 3]) tree.delete(key);
    expect(tree.outline()).toEqual({ keys: [6], children: [{ keys: [4, 5] }, { keys: [6, 7, 8] }] });
    tree.checkInvariants();
  });

  it('two minimal leaves merge, and a root left with one child collapses into it', () => {
    const tree = sortedTree(3, 1, 4); // leaves [1, 2] [3, 4], both at the minimum 2
    expect(tree.height).toBe(2);
    tree.delete(1);
    expect(tree.height).toBe(1);
    expect(tree.outline()).toEqual({ keys: [2, 3, 4] });
    expect(keysOf(tree.range())).toEqual([2, 3, 4]);
    tree.checkInvariants();
  });

  it('a leaf merge that leaves its parent underfull merges internal nodes and collapses the root', () => {
    const tree = treeWith(3, range(1, 8)); // height 3, every node at its minimum
    tree.delete(1);
    expect(tree.height).toBe(2);
    expect(tree.outline()).toEqual({ keys: [5, 7], children: [{ keys: [2, 3, 4] }, { keys: [5, 6] }, { keys: [7, 8] }] });
    tree.checkInvariants();
  });

  it('an underfull internal node borrows a child from its right sibling through the parent', () => {
    const tree = treeWith(3, range(1, 10)); // right internal node has 3 children
    tree.delete(1);
    expect(tree.outline()).toEqual({
      keys: [7],
      children: [
        { keys: [5], children: [{ keys: [2, 3, 4] }, { keys: [5, 6] }] },
        { keys: [9], children: [{ keys: [7, 8] }, { keys: [9, 10] }] },
      ],
    });
    tree.checkInvariants();
  });

  it('an underfull internal node borrows a child from its left sibling through the parent', () => {
    const tree = sortedTree(3, 1, 15); // internal nodes with 3 and 2 children
    for (const key of [13, 14, 15]) tree.delete(key);
    expect(tree.outline()).toEqual({
      keys: [7],
      children: [
        { keys: [4], children: [{ keys: [1, 2, 3] }, { keys: [4, 5, 6] }] },
        { keys: [10], children: [{ keys: [7, 8, 9] }, { keys: [10, 11, 12] }] },
      ],
    });
    tree.checkInvariants();
  });

  it('deleting every key in random order shrinks the tree back to one empty leaf', () => {
    const keys = shuffled(3000, 11);
    const tree = treeWith(3, keys);
    expect(tree.height).toBeGreaterThan(5);
    shuffled(3000, 12).forEach((key, i) => {
      expect(tree.delete(key)).toBe(true);
      if (i % 97 === 0) tree.checkInvariants();
    });
    expect(tree.size).toBe(0);
    expect(tree.height).toBe(1);
    tree.checkInvariants();
  });

  it('order 256 grows to height 3 and shrinks back to a leaf, keeping every invariant', () => {
    const tree = new BPlusTree<number, number>({ order: 256 });
    shuffled(60_000, 3).forEach((key, i) => {
      tree.set(key, key);
      if (i % 6000 === 0) tree.checkInvariants();
    });
    expect(tree.height).toBe(3);
    tree.checkInvariants();
    shuffled(60_000, 4).forEach((key, i) => {
      tree.delete(key);
      if (i % 3000 === 0) tree.checkInvariants();
    });
    expect(tree.height).toBe(1);
    tree.checkInvariants();
  });
});

describe('BPlusTree.fromSorted', () => {
  it('builds full leaves bottom-up with the smallest key of each right subtree as separator', () => {
    expect(sortedTree(4, 1, 8).outline()).toEqual({ keys: [5], children: [{ keys: [1, 2, 3, 4] }, { keys: [5, 6, 7, 8] }] });
    expect(sortedTree(4, 1, 9).outline()).toEqual({
      keys: [4, 7],
      children: [{ keys: [1, 2, 3] }, { keys: [4, 5, 6] }, { keys: [7, 8, 9] }],
    });
  });

  it('with m = L = 32, one million sorted keys give height 4 with leaves at least 97% full', () => {
    const tree = sortedTree(32, 1, 1_000_000);
    expect(tree.height).toBe(4);
    expect(tree.size).toBe(1_000_000);
    const leafLevel = tree.shape().levels[3]!;
    expect(leafLevel.fill).toBeGreaterThan(0.97);
  });

  it('with m = L = 32, one million random inserts give height 4 or 5 (Comer) and leaves about ln 2 full', () => {
    const tree = new BPlusTree<number, number>({ order: 32 });
    for (const key of shuffled(1_000_000, 5)) tree.set(key, key);
    expect([4, 5]).toContain(tree.height);
    const leafLevel = tree.shape().levels[tree.height - 1]!;
    expect(leafLevel.fill).toBeGreaterThan(0.6);
    expect(leafLevel.fill).toBeLessThan(0.8);
    tree.checkInvariants();
  });

  it('accepts empty input, a single entry and any iterable such as a Map', () => {
    expect(BPlusTree.fromSorted([]).size).toBe(0);
    expect(BPlusTree.fromSorted([[1, 'a']]).outline()).toEqual({ keys: [1] });
    const fromMap = BPlusTree.fromSorted(new Map([['a', 1], ['b', 2]]));
    expect([...fromMap.range()]).toEqual([['a', 1], ['b', 2]]);
    fromMap.checkInvariants();
  });

  it('rejects unsorted or duplicate input with a ComponentError naming the first bad index', () => {
    expect(() => BPlusTree.fromSorted([[1, 0], [3, 0], [2, 0]])).toThrow(
      'btree: fromSorted input must be strictly ascending, but key 2 at index 2 is not greater than key 3 at index 1',
    );
    expect(() => BPlusTree.fromSorted([[1, 0], [1, 0]])).toThrow(ComponentError);
  });

  it('validates options like the constructor', () => {
    expect(() => BPlusTree.fromSorted([[1, 1]], { order: 2 })).toThrow('btree: order must be an integer in [3, 1024], got 2');
  });
});

describe('BPlusTree.range', () => {
  const tree = treeWith(3, range(0, 99).map((k) => k * 2)); // even keys 0..198, height > 3

  it('includes lo, excludes hi and returns entries in key order', () => {
    expect([...tree.range(10, 16)]).toEqual([[10, 100], [12, 120], [14, 140]]);
  });

  it('is empty when lo equals hi or lo is above hi', () => {
    expect([...tree.range(10, 10)]).toEqual([]);
    expect([...tree.range(20, 10)]).toEqual([]);
  });

  it('treats an absent bound as unbounded', () => {
    expect(keysOf(tree.range(190))).toEqual([190, 192, 194, 196, 198]);
    expect(keysOf(tree.range(undefined, 6))).toEqual([0, 2, 4]);
    expect(keysOf(tree.range())).toHaveLength(100);
  });

  it('handles bounds between keys and outside the key range', () => {
    expect(keysOf(tree.range(9, 15))).toEqual([10, 12, 14]);
    expect(keysOf(tree.range(-50, 3))).toEqual([0, 2]);
    expect(keysOf(tree.range(197, 500))).toEqual([198]);
    expect(keysOf(tree.range(199, 500))).toEqual([]);
    expect(keysOf(tree.range(-10, -1))).toEqual([]);
  });

  it('crosses leaf boundaries, starting and stopping exactly at separator keys', () => {
    const shape = sortedTree(4, 1, 12); // leaves [1..4] [5..8] [9..12]
    expect(keysOf(shape.range(5, 9))).toEqual([5, 6, 7, 8]);
    expect(keysOf(shape.range(4, 10))).toEqual([4, 5, 6, 7, 8, 9]);
    expect(keysOf(shape.range(8, 13))).toEqual([8, 9, 10, 11, 12]);
  });

  it('never yields a phantom entry when a delete shortens the leaf it is reading (a write during iteration)', () => {
    const single = treeWith(8, range(0, 5)); // one leaf; the iterator fixed its end at 6
    const iterator = single.range();
    expect(iterator.next()).toEqual({ done: false, value: [0, 0] });
    single.delete(4);
    single.delete(5);
    // Before noUncheckedIndexedAccess found it, this yielded [undefined, undefined] twice.
    expect([...iterator]).toEqual([[1, 10], [2, 20], [3, 30]]);
  });

  it('forRange visits the entries range yields, in order, and returns how many', () => {
    for (const [lo, hi] of [[undefined, undefined], [10, 16], [9, 15], [190, undefined], [undefined, 6], [10, 10], [20, 10], [199, 500], [-10, -1]] as const) {
      const visited: [number, number][] = [];
      expect(tree.forRange(lo, hi, (key, value) => void visited.push([key, value]))).toBe(visited.length);
      expect(visited).toEqual([...tree.range(lo, hi)]);
    }
  });

  it('forRange stops after the entry for which the callback returns false', () => {
    const keys: number[] = [];
    expect(tree.forRange(20, undefined, (key) => keys.push(key) < 3)).toBe(3);
    expect(keys).toEqual([20, 22, 24]);
  });

  it('forRange crosses leaf boundaries and stops exactly at a separator key', () => {
    const shape = sortedTree(4, 1, 12); // leaves [1..4] [5..8] [9..12]
    const keys: number[] = [];
    shape.forRange(4, 9, (key) => void keys.push(key));
    expect(keys).toEqual([4, 5, 6, 7, 8]);
    expect(new BPlusTree<number, number>().forRange(undefined, undefined, () => true)).toBe(0);
  });

  it('is an iterable iterator that can be consumed step by step', () => {
    const iterator = tree.range(0, 4);
    expect(iterator[Symbol.iterator]()).toBe(iterator);
    expect(iterator.next()).toEqual({ done: false, value: [0, 0] });
    expect(iterator.next()).toEqual({ done: false, value: [2, 20] });
    expect(iterator.next().done).toBe(true);
    expect(iterator.next().done).toBe(true);
  });
});

describe('BPlusTree with a custom compare', () => {
  it('orders keys descending when compare says so', () => {
    const tree = new BPlusTree<number, string>({ order: 3, compare: (a, b) => b - a });
    for (const key of range(1, 20)) tree.set(key, String(key));
    tree.checkInvariants();
    expect(keysOf(tree.range())).toEqual(range(1, 20).reverse());
    expect(keysOf(tree.range(10, 7))).toEqual([10, 9, 8]);
  });

  it('finds object keys by compare, not by identity', () => {
    interface Id { readonly zone: string; readonly index: number }
    const compare = (a: Id, b: Id): number => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : a.index - b.index);
    const tree = new BPlusTree<Id, number>({ order: 4, compare });
    for (const zone of ['b', 'a']) for (const index of range(0, 9)) tree.set({ zone, index }, index);
    tree.checkInvariants();
    expect(tree.get({ zone: 'a', index: 3 })).toBe(3);
    expect(keysOf(tree.range({ zone: 'a', index: 8 }, { zone: 'b', index: 1 }))).toEqual([
      { zone: 'a', index: 8 },
      { zone: 'a', index: 9 },
      { zone: 'b', index: 0 },
    ]);
  });

  it('sorts strings by the given compare (length, then alphabetically)', () => {
    const compare = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    const tree = new BPlusTree<string, true>({ order: 3, compare });
    for (const word of ['pear', 'fig', 'apple', 'kiwi', 'date', 'plum']) tree.set(word, true);
    expect([...tree.range()].map(([word]) => word)).toEqual(['fig', 'date', 'kiwi', 'pear', 'plum', 'apple']);
  });
});

describe('BPlusTree.shape', () => {
  it('reports node count, key count and fill per level', () => {
    const shape = sortedTree(4, 1, 8).shape();
    expect(shape).toEqual({
      height: 2,
      size: 8,
      order: 4,
      levels: [
        { depth: 0, nodeCount: 1, keyCount: 1, fill: 0.5 },
        { depth: 1, nodeCount: 2, keyCount: 8, fill: 1 },
      ],
    });
  });
});

describe('BPlusTree against a sorted-array model', () => {
  it('matches the model for random operations at every order in [3, 256]', () => {
    fc.assert(
      fc.property(scenarioArbitrary(fc.integer({ min: 3, max: 256 }), false), ({ order, ops }) => {
        runAgainstModel(new BPlusTree<number, number>({ order }), ops);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it.each([3, 4, 5, 256])('matches the model for random operations at order %i', (order) => {
    fc.assert(
      fc.property(scenarioArbitrary(fc.constant(order), false), ({ ops }) => {
        runAgainstModel(new BPlusTree<number, number>({ order }), ops);
      }),
      { seed: 42 + order, numRuns: order === 256 ? 15 : 60 },
    );
  });

  it('a bulk-loaded tree matches the model under later random operations', () => {
    const input = fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { maxLength: 1500 });
    const ops = fc.array(operationArbitrary(2000, 300, false), { maxLength: 25 });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 64 }), input, ops, (order, keys, ops) => {
        const entries = [...keys].sort((a, b) => a - b).map((key): [number, number] => [key, -key]);
        const tree = BPlusTree.fromSorted(entries, { order });
        tree.checkInvariants();
        expect([...tree.range()]).toEqual(entries);
        runAgainstModel(tree, ops, { initial: entries });
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
