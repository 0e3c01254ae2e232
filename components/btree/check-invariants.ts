/**
 * Executable form of the B+tree invariants (Comer, "The Ubiquitous B-Tree", 1979):
 *  1. every non-root internal node has ceil(m/2)..m children and one fewer keys;
 *  2. the root has >= 2 children unless it is a leaf;
 *  3. leaves hold ceil(L/2)..L entries (a root leaf may hold fewer);
 *  4. all leaves are at the same depth (the tree's height - 1);
 *  5. keys are strictly sorted within every node;
 *  6. separators bound their subtrees: under children[i], lo <= key < hi with
 *     lo = keys[i-1] and hi = keys[i] (inherited from the ancestors at the edges);
 *  7. the leaf chain read left to right equals the in-order key sequence;
 *  8. size equals the number of leaf entries.
 * Each violation throws a ComponentError (`btree.invariant-violated`) whose message names the invariant, the depth and the
 * numbers involved. Complexity: O(n) time, O(height) stack.
 */
import { invariantError, type ComponentError } from '../errors';
import { InternalNode, leafKeys, LeafNode, type Node } from './node';
import type { Compare } from './node-search';

/** What the checker needs to know about a tree: its fields, passed in by the owner. */
export interface TreeState<K, V> {
  readonly root: Node<K, V>;
  /** Number of levels; 1 when the root is a leaf. */
  readonly height: number;
  /** The size the tree reports. */
  readonly size: number;
  /** m = L: maximum children per internal node and entries per leaf. */
  readonly order: number;
  readonly compare: Compare<K>;
}

/** Exclusive or inclusive bounds inherited from ancestor separators; `has*` false = unbounded. */
interface Bounds<K> {
  readonly lo: K | undefined;
  readonly hasLo: boolean;
  readonly hi: K | undefined;
  readonly hasHi: boolean;
}

const unbounded: Bounds<never> = { lo: undefined, hasLo: false, hi: undefined, hasHi: false };

/** Throws a ComponentError (`btree.invariant-violated`) naming the first violated invariant; returns normally otherwise. */
export function checkTreeInvariants<K, V>(tree: TreeState<K, V>): void {
  const leaves: LeafNode<K, V>[] = [];
  checkNode(tree, tree.root, 0, unbounded, leaves);
  let entryCount = 0;
  for (const leaf of leaves) entryCount += leaf.count;
  if (entryCount !== tree.size) {
    throw violated(`btree: size is ${tree.size} but the leaves hold ${entryCount} entries`);
  }
  checkLeafChain(leaves);
}

function checkNode<K, V>(tree: TreeState<K, V>, node: Node<K, V>, depth: number, bounds: Bounds<K>, leaves: LeafNode<K, V>[]): void {
  const kind = node instanceof LeafNode ? 'leaf' : 'internal node';
  if (!(node instanceof LeafNode) && !(node instanceof InternalNode)) {
    throw violated(`btree: node at depth ${depth} is neither a leaf nor an internal node`);
  }
  const nodeKeys = node instanceof LeafNode ? leafKeys(node) : node.keys;
  checkSorted(tree.compare, nodeKeys, kind, depth);
  checkBounds(tree.compare, nodeKeys, kind, depth, bounds);
  if (node instanceof LeafNode) {
    checkLeaf(tree, node, depth);
    leaves.push(node);
    return;
  }
  checkInternal(tree, node, depth);
  const keys = node.keys;
  for (let i = 0; i < node.children.length; i++) {
    const childBounds: Bounds<K> = {
      lo: i > 0 ? keys[i - 1] : bounds.lo,
      hasLo: i > 0 || bounds.hasLo,
      hi: i < keys.length ? keys[i] : bounds.hi,
      hasHi: i < keys.length || bounds.hasHi,
    };
    checkNode(tree, node.children[i]!, depth + 1, childBounds, leaves); // i < children.length
  }
}

function checkLeaf<K, V>(tree: TreeState<K, V>, leaf: LeafNode<K, V>, depth: number): void {
  const leafDepth = tree.height - 1;
  if (depth !== leafDepth) {
    throw violated(`btree: leaf at depth ${depth}, but all leaves must be at depth ${leafDepth} (height ${tree.height})`);
  }
  if (leaf.entries.length % 2 !== 0) {
    throw violated(`btree: leaf at depth ${depth} has ${leaf.entries.length} slots, an odd number: a key without its value`);
  }
  const count = leaf.count;
  const max = tree.order;
  const min = depth === 0 ? 0 : Math.ceil(max / 2);
  if (count < min) throw violated(`btree: leaf at depth ${depth} has ${count} entries, min ${min}`);
  if (count > max) throw violated(`btree: leaf at depth ${depth} has ${count} entries, max ${max}`);
}

function checkInternal<K, V>(tree: TreeState<K, V>, node: InternalNode<K, V>, depth: number): void {
  const leafDepth = tree.height - 1;
  if (depth >= leafDepth) {
    throw violated(`btree: internal node at depth ${depth}, but leaves must be at depth ${leafDepth} (height ${tree.height})`);
  }
  const count = node.children.length;
  if (node.keys.length !== count - 1) {
    throw violated(`btree: internal node at depth ${depth} has ${count} children but ${node.keys.length} keys, expected ${count - 1}`);
  }
  const max = tree.order;
  const min = depth === 0 ? 2 : Math.ceil(max / 2);
  const which = depth === 0 ? 'root' : 'internal node';
  if (count < min) throw violated(`btree: ${which} at depth ${depth} has ${count} children, min ${min}`);
  if (count > max) throw violated(`btree: ${which} at depth ${depth} has ${count} children, max ${max}`);
}

function checkSorted<K>(compare: Compare<K>, keys: readonly K[], kind: string, depth: number): void {
  // 1 <= i < keys.length: both reads are in range.
  for (let i = 1; i < keys.length; i++) {
    const previous = keys[i - 1]!;
    const key = keys[i]!;
    if (!(compare(previous, key) < 0)) {
      throw violated(
        `btree: ${kind} at depth ${depth} keys not strictly sorted: ` +
          `${String(previous)} at index ${i - 1} then ${String(key)} at index ${i}`,
      );
    }
  }
}

function checkBounds<K>(compare: Compare<K>, keys: readonly K[], kind: string, depth: number, bounds: Bounds<K>): void {
  if (keys.length === 0) return;
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  if (bounds.hasLo && compare(first, bounds.lo as K) < 0) {
    throw violated(`btree: ${kind} at depth ${depth} has key ${String(first)} below its separator ${String(bounds.lo)}`);
  }
  if (bounds.hasHi && !(compare(last, bounds.hi as K) < 0)) {
    throw violated(`btree: ${kind} at depth ${depth} has key ${String(last)} not below its separator ${String(bounds.hi)}`);
  }
}

/** Invariant 7: following `next` from the leftmost leaf visits exactly the in-order leaves. */
function checkLeafChain<K, V>(leaves: readonly LeafNode<K, V>[]): void {
  for (let i = 0; i < leaves.length; i++) {
    const expected = i + 1 < leaves.length ? leaves[i + 1]! : null;
    if (leaves[i]!.next !== expected) {
      const what = expected === null ? 'null (it is the rightmost leaf)' : `leaf ${i + 1} in key order`;
      throw violated(`btree: leaf chain broken: leaf ${i} of ${leaves.length} links to the wrong node, expected ${what}`);
    }
  }
}

/** The error for a broken B+tree or write-buffer invariant, coded `btree.invariant-violated`. */
export function violated(message: string): ComponentError {
  return invariantError('btree.invariant-violated', message);
}
