import { describe, expect, it } from 'vitest';
import { checkTreeInvariants, type TreeState } from '../../../components/btree/check-invariants';
import { defaultCompare } from '../../../components/btree/default-compare';
import { InternalNode, LeafNode, type Node } from '../../../components/btree/node';

// Hand-built trees of order 4 (internal nodes 2..4 children, leaves 2..4 entries), each
// breaking exactly one invariant, to show that checkTreeInvariants catches it by name.

type Tree = TreeState<number, number>;
const compare = defaultCompare as (a: number, b: number) => number;

function leaf(keys: number[]): LeafNode<number, number> {
  return new LeafNode(keys.flatMap((key) => [key, key * 10]), null);
}

/** Link leaves left to right, as a correct tree would. */
function chain<T extends LeafNode<number, number>>(...leaves: T[]): T[] {
  leaves.forEach((node, i) => (node.next = leaves[i + 1] ?? null));
  return leaves;
}

function tree(root: Node<number, number>, height: number, size: number): Tree {
  return { root, height, size, order: 4, compare };
}

/** A valid two-level tree: [1 2] [3 4 5] [7 8] under separators 3 and 7. */
function twoLevel(): { state: Tree; leaves: LeafNode<number, number>[]; root: InternalNode<number, number> } {
  const leaves = chain(leaf([1, 2]), leaf([3, 4, 5]), leaf([7, 8]));
  const root = new InternalNode<number, number>([3, 7], leaves);
  return { state: tree(root, 2, 7), leaves, root };
}

describe('checkTreeInvariants', () => {
  it('accepts a valid tree, an empty root leaf and a root leaf below the leaf minimum', () => {
    expect(() => checkTreeInvariants(twoLevel().state)).not.toThrow();
    expect(() => checkTreeInvariants(tree(leaf([]), 1, 0))).not.toThrow();
    expect(() => checkTreeInvariants(tree(leaf([1]), 1, 1))).not.toThrow();
  });

  it('rejects a non-root leaf below ceil(L/2) entries', () => {
    const { state, leaves } = twoLevel();
    leaves[0]!.entries.splice(-2);
    expect(() => checkTreeInvariants({ ...state, size: 6 })).toThrow('btree: leaf at depth 1 has 1 entries, min 2');
  });

  it('rejects a leaf above L entries, the root leaf included', () => {
    expect(() => checkTreeInvariants(tree(leaf([1, 2, 3, 4, 5]), 1, 5))).toThrow('btree: leaf at depth 0 has 5 entries, max 4');
  });

  it('rejects a leaf with a key but no value (an odd number of slots)', () => {
    const broken = leaf([1, 2]);
    broken.entries.push(3);
    expect(() => checkTreeInvariants(tree(broken, 1, 2))).toThrow('btree: leaf at depth 0 has 5 slots, an odd number: a key without its value');
  });

  it('rejects a root with one child', () => {
    const only = leaf([1, 2]);
    expect(() => checkTreeInvariants(tree(new InternalNode([], [only]), 2, 2))).toThrow('btree: root at depth 0 has 1 children, min 2');
  });

  it('rejects a non-root internal node below ceil(m/2) children', () => {
    const leaves = chain(leaf([1, 2]), leaf([3, 4]), leaf([5, 6]));
    const thin = new InternalNode<number, number>([], [leaves[0]!]);
    const right = new InternalNode<number, number>([5], [leaves[1]!, leaves[2]!]);
    const root = new InternalNode<number, number>([3], [thin, right]);
    expect(() => checkTreeInvariants(tree(root, 3, 6))).toThrow('btree: internal node at depth 1 has 1 children, min 2');
  });

  it('rejects an internal node above m children', () => {
    const leaves = chain(...[1, 3, 5, 7, 9, 11, 13].map((key) => leaf([key, key + 1])));
    const left = new InternalNode<number, number>([3], leaves.slice(0, 2));
    const fat = new InternalNode<number, number>([7, 9, 11, 13], leaves.slice(2));
    const root = new InternalNode<number, number>([5], [left, fat]);
    expect(() => checkTreeInvariants(tree(root, 3, 14))).toThrow('btree: internal node at depth 1 has 5 children, max 4');
  });

  it('rejects an internal node whose key count is not children - 1', () => {
    const { state, root } = twoLevel();
    root.keys.push(9);
    expect(() => checkTreeInvariants(state)).toThrow('btree: internal node at depth 0 has 3 children but 3 keys, expected 2');
  });

  it('rejects leaves at different depths', () => {
    const leaves = chain(leaf([1, 2]), leaf([3, 4]), leaf([5, 6]));
    const deep = new InternalNode<number, number>([3], [leaves[0]!, leaves[1]!]);
    const root = new InternalNode<number, number>([5], [deep, leaves[2]!]);
    expect(() => checkTreeInvariants(tree(root, 3, 6))).toThrow('btree: leaf at depth 1, but all leaves must be at depth 2 (height 3)');
    expect(() => checkTreeInvariants(tree(root, 2, 6))).toThrow('btree: internal node at depth 1, but leaves must be at depth 1 (height 2)');
  });

  it('rejects keys that are not strictly sorted within a node', () => {
    expect(() => checkTreeInvariants(tree(leaf([1, 3, 3]), 1, 3))).toThrow(
      'btree: leaf at depth 0 keys not strictly sorted: 3 at index 1 then 3 at index 2',
    );
  });

  it('rejects a key outside the separators that bound its leaf', () => {
    const below = twoLevel();
    below.leaves[1]!.entries[0] = 2.5; // key 0, under separator 3
    expect(() => checkTreeInvariants(below.state)).toThrow('btree: leaf at depth 1 has key 2.5 below its separator 3');
    const above = twoLevel();
    above.leaves[0]!.entries[2] = 3; // key 1, must stay below separator 3
    expect(() => checkTreeInvariants(above.state)).toThrow('btree: leaf at depth 1 has key 3 not below its separator 3');
  });

  it('rejects a leaf chain that skips a leaf or does not end in null', () => {
    const skipping = twoLevel();
    skipping.leaves[0]!.next = skipping.leaves[2]!;
    expect(() => checkTreeInvariants(skipping.state)).toThrow(
      'btree: leaf chain broken: leaf 0 of 3 links to the wrong node, expected leaf 1 in key order',
    );
    const cyclic = twoLevel();
    cyclic.leaves[2]!.next = cyclic.leaves[0]!;
    expect(() => checkTreeInvariants(cyclic.state)).toThrow('expected null (it is the rightmost leaf)');
  });

  it('rejects a size that differs from the number of leaf entries', () => {
    expect(() => checkTreeInvariants({ ...twoLevel().state, size: 8 })).toThrow('btree: size is 8 but the leaves hold 7 entries');
  });
});
