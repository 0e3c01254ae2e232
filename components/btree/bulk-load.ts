/**
 * Bottom-up bulk load of a B+tree from strictly sorted entries: cut the entries into
 * ceil(n/L) leaves of nearly equal size, link them, then group each level's nodes into
 * ceil(count/m) parents, until one node remains. O(n) time and no splits or rebalancing,
 * against O(n log n) for n single inserts.
 *
 * Equal-size groups keep every non-root node at or above its minimum: with
 * g = ceil(c/max) >= 2 groups, each gets at least floor(c/g) >= ceil(max/2) items.
 */
import { ComponentError, invariantError } from '../errors';
import { interleave, InternalNode, LeafNode, type Node } from './node';
import type { Compare } from './node-search';

/** A bulk-loaded tree: the root and the number of levels (1 = a root leaf). */
export interface BuiltTree<K, V> {
  readonly root: Node<K, V>;
  readonly height: number;
}

/**
 * Check that keys are strictly ascending under `compare`; throw a ComponentError coded
 * `btree.unsorted-input` naming the first offending index otherwise. Complexity: O(n)
 * compares.
 */
export function assertStrictlySorted<K>(keys: readonly K[], compare: Compare<K>): void {
  // The pairwise loop below never runs for one key; a self-compare lets the comparator
  // reject a key it cannot order (NaN under defaultCompare) in that case too.
  if (keys.length === 1) {
    const only = keys[0]!;
    compare(only, only);
  }
  // 1 <= i < keys.length: both reads are in range.
  for (let i = 1; i < keys.length; i++) {
    const previous = keys[i - 1]!;
    const key = keys[i]!;
    if (!(compare(previous, key) < 0)) {
      throw new ComponentError(
        'btree.unsorted-input',
        `btree: fromSorted input must be strictly ascending, but key ${String(key)} at index ${i} ` +
          `is not greater than key ${String(previous)} at index ${i - 1}`,
        'sort the entries by key and drop duplicate keys, or insert them one by one with set()',
      );
    }
  }
}

/** Build the tree for sorted `keys`/`values` (parallel arrays, already checked). O(n). */
export function buildFromSorted<K, V>(keys: readonly K[], values: readonly V[], order: number): BuiltTree<K, V> {
  if (keys.length === 0) return { root: new LeafNode<K, V>([], null), height: 1 };
  const leaves = buildLeaves(keys, values, order);
  // lowKeys[i] is the smallest key under level[i]: the separator placed before it.
  let lowKeys: K[] = leaves.map((leaf, i) => {
    if (leaf.count === 0) throw invariantError('btree.invariant-violated', `btree: bulk load made leaf ${i} empty`);
    return leaf.keyAt(0);
  });
  let level: Node<K, V>[] = leaves;
  let height = 1;
  while (level.length > 1) {
    const parents: Node<K, V>[] = [];
    const parentLowKeys: K[] = [];
    forEachGroup(level.length, order, (start, end) => {
      parents.push(new InternalNode(lowKeys.slice(start + 1, end), level.slice(start, end)));
      parentLowKeys.push(lowKeys[start]!); // start < level.length = lowKeys.length
    });
    level = parents;
    lowKeys = parentLowKeys;
    height++;
  }
  const root = level[0];
  if (root === undefined) throw invariantError('btree.invariant-violated', `btree: bulk load of ${keys.length} keys built no node`);
  return { root, height };
}

function buildLeaves<K, V>(keys: readonly K[], values: readonly V[], order: number): LeafNode<K, V>[] {
  const leaves: LeafNode<K, V>[] = [];
  let previous: LeafNode<K, V> | null = null;
  forEachGroup(keys.length, order, (start, end) => {
    const leaf = new LeafNode<K, V>(interleave(keys, values, start, end), null);
    if (previous !== null) previous.next = leaf;
    previous = leaf;
    leaves.push(leaf);
  });
  return leaves;
}

/**
 * Cut [0, count) into ceil(count/max) consecutive groups whose sizes differ by at most
 * one (the first count mod groups groups are one larger), calling visit(start, end).
 */
function forEachGroup(count: number, max: number, visit: (start: number, end: number) => void): void {
  const groups = Math.ceil(count / max);
  const base = Math.floor(count / groups);
  const larger = count % groups;
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const end = start + base + (g < larger ? 1 : 0);
    visit(start, end);
    start = end;
  }
}
