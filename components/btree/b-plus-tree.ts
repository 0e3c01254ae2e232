/**
 * An in-memory B+tree: an ordered map with O(log n) get/set/delete and range scans that
 * walk linked leaves (Comer, "The Ubiquitous B-Tree", 1979, §4). A plain data structure
 * with no time, randomness or IO, so a component can use it directly.
 *
 * Usage: construct it (or bulk-load with `fromSorted`), then call get/set/delete/has,
 * `range` (an iterator) and `forRange` (a callback, for long scans). Do not write to the
 * tree while a `range` iterator is open or from a `forRange` callback. `checkInvariants`
 * is for tests and debugging; it is O(n).
 */
import { ComponentError } from '../errors';
import { bPlusTreeDefaults, validateOrder, type BPlusTreeOptions } from './b-plus-tree-options';
import { assertStrictlySorted, buildFromSorted } from './bulk-load';
import { checkTreeInvariants, violated } from './check-invariants';
import { defaultCompare } from './default-compare';
import { InternalNode, LeafNode, type Node } from './node';
import { childIndex, leafIndexOf, leafLowerBound, type Compare } from './node-search';
import { rebalanceInternal, rebalanceLeaf } from './rebalance';
import { RangeIterator } from './range-iterator';
import { treeOutline, treeShape, type NodeOutline, type TreeShape } from './tree-shape';

export class BPlusTree<K, V> {
  /** m = L: maximum children per internal node and entries per leaf; in [3, 1024]. */
  readonly order: number;
  readonly compare: Compare<K>;
  /** Minimum entries of a non-root leaf: ceil(L/2). */
  private readonly entriesMin: number;
  /** Minimum children of a non-root internal node: ceil(m/2). */
  private readonly childrenMin: number;
  /** A leaf (height 1) or an internal node with >= 2 children. */
  private root: Node<K, V>;
  /**
   * Number of levels; every leaf is at depth levels - 1. Kept explicitly so descents loop
   * a known number of times and never test a node's kind on the hot path.
   */
  private levels: number;
  /** Number of entries in all leaves together. */
  private entryCount: number;
  /**
   * Scratch path for set/delete: pathNodes[d] is the internal node at depth d on the way
   * to the leaf and pathIndexes[d] the child taken there. Reused across calls so writes
   * allocate nothing for the path. Entries beyond the current height are stale and unused.
   */
  private readonly pathNodes: InternalNode<K, V>[] = [];
  private readonly pathIndexes: number[] = [];

  /**
   * An empty tree.
   * @param opts.order maximum children per internal node and entries per leaf, integer in
   *   [3, 1024], default 32; throws ComponentError option.out-of-range outside that range
   * @param opts.compare key order, default `defaultCompare` (numbers, strings, bigints)
   */
  constructor(opts: BPlusTreeOptions<K> = {}) {
    this.order = validateOrder(opts.order ?? bPlusTreeDefaults.order);
    if (opts.compare !== undefined && typeof opts.compare !== 'function') {
      throw new ComponentError('option.wrong-type', `btree: compare must be a function, got ${typeof opts.compare}`);
    }
    this.compare = opts.compare ?? (defaultCompare as unknown as Compare<K>);
    this.entriesMin = Math.ceil(this.order / 2);
    this.childrenMin = Math.ceil(this.order / 2);
    this.root = new LeafNode<K, V>([], null);
    this.levels = 1;
    this.entryCount = 0;
  }

  /**
   * Build a tree from entries in strictly ascending key order, bottom-up, with leaves and
   * internal nodes filled nearly to `order`. Throws a ComponentError coded
   * `btree.unsorted-input` naming the first out-of-order index. Complexity: O(n), against
   * O(n log n) for n calls to `set`.
   */
  static fromSorted<K, V>(entries: Iterable<readonly [K, V]>, opts: BPlusTreeOptions<K> = {}): BPlusTree<K, V> {
    const tree = new BPlusTree<K, V>(opts);
    const keys: K[] = [];
    const values: V[] = [];
    for (const [key, value] of entries) {
      keys.push(key);
      values.push(value);
    }
    assertStrictlySorted(keys, tree.compare);
    const built = buildFromSorted(keys, values, tree.order);
    tree.root = built.root;
    tree.levels = built.height;
    tree.entryCount = keys.length;
    return tree;
  }

  /** Number of entries. O(1). */
  get size(): number {
    return this.entryCount;
  }

  /** Number of levels, 1 for a tree that is a single leaf. O(1). */
  get height(): number {
    return this.levels;
  }

  /** The value stored under `key`, or undefined. O(log n); allocates nothing. */
  get(key: K): V | undefined {
    const leaf = this.findLeaf(key);
    const i = leafIndexOf(leaf.entries, key, this.compare);
    return i >= 0 ? leaf.valueAt(i) : undefined;
  }

  /** Whether `key` is present. O(log n); allocates nothing. */
  has(key: K): boolean {
    const leaf = this.findLeaf(key);
    return leafIndexOf(leaf.entries, key, this.compare) >= 0;
  }

  /** Insert or overwrite the entry for `key`. O(log n) compares plus O(m) slot moves. */
  set(key: K, value: V): void {
    const leaf = this.descend(key);
    const i = leafIndexOf(leaf.entries, key, this.compare);
    if (i >= 0) {
      leaf.entries[2 * i + 1] = value;
      return;
    }
    // An empty leaf ran no compare; a self-compare lets the comparator reject a key it
    // cannot order (NaN under defaultCompare) before it poisons the tree.
    if (leaf.entries.length === 0) this.compare(key, key);
    insertAt(leaf, ~i, key, value);
    this.entryCount++;
    if (leaf.count > this.order) this.splitUpward(leaf);
  }

  /** Remove the entry for `key`; returns whether it was present. O(log n) + O(m). */
  delete(key: K): boolean {
    const leaf = this.descend(key);
    const i = leafIndexOf(leaf.entries, key, this.compare);
    if (i < 0) return false;
    leaf.entries.splice(2 * i, 2);
    this.entryCount--;
    if (this.levels > 1 && leaf.count < this.entriesMin) this.repairUnderflow();
    return true;
  }

  /**
   * Entries with lo <= key < hi in ascending key order; an absent bound is unbounded.
   * Walks the linked leaves, so a scan of k entries costs O(log n + k). Do not write to
   * the tree while the iterator is open.
   */
  range(lo?: K, hi?: K): IterableIterator<[K, V]> {
    const hasLo = lo !== undefined;
    const hasHi = hi !== undefined;
    const compare = this.compare;
    if (hasLo && hasHi && !(compare(lo, hi) < 0)) return new RangeIterator<K, V>(null, 0, hi, hasHi, compare);
    if (!hasLo) return new RangeIterator(this.leftmostLeaf(), 0, hi, hasHi, compare);
    const leaf = this.findLeaf(lo);
    return new RangeIterator(leaf, leafLowerBound(leaf.entries, lo, compare), hi, hasHi, compare);
  }

  /**
   * Call `visit(key, value)` for each entry with lo <= key < hi in ascending key order (an
   * absent bound is unbounded) until `visit` returns false; returns the number of entries
   * visited. The same walk as `range` over the linked leaves, O(log n + k) for k entries,
   * but with no object per entry: the form for long scans (bench/btree.ts). `visit` must
   * not write to the tree.
   */
  forRange(lo: K | undefined, hi: K | undefined, visit: (key: K, value: V) => boolean | void): number {
    const compare = this.compare;
    const hasHi = hi !== undefined;
    let leaf: LeafNode<K, V> | null;
    let start = 0;
    if (lo === undefined) {
      leaf = this.leftmostLeaf();
    } else {
      if (hasHi && !(compare(lo, hi) < 0)) return 0;
      leaf = this.findLeaf(lo);
      start = 2 * leafLowerBound(leaf.entries, lo, compare);
    }
    let count = 0;
    for (; leaf !== null; leaf = leaf.next, start = 0) {
      const entries = leaf.entries;
      // As in RangeIterator.enter: one compare with hi per leaf, a search only in the last.
      const last = hasHi && entries.length > 0 && !(compare(entries[entries.length - 2] as K, hi) < 0);
      const end = last ? 2 * leafLowerBound(entries, hi as K, compare) : entries.length;
      // `i < entries.length` as well: a `visit` that deletes (which it must not) would
      // otherwise be handed entries past the end of a shortened leaf.
      for (let i = start; i < end && i < entries.length; i += 2) {
        count++;
        if (visit(entries[i] as K, entries[i + 1] as V) === false) return count;
      }
      if (last) break;
    }
    return count;
  }

  /** Throw a ComponentError (`btree.invariant-violated`) naming the first violated B+tree invariant (see check-invariants.ts). O(n). */
  checkInvariants(): void {
    checkTreeInvariants({
      root: this.root,
      height: this.levels,
      size: this.entryCount,
      order: this.order,
      compare: this.compare,
    });
  }

  /** Per-level node counts and fill, for visualisation. O(n). */
  shape(): TreeShape {
    return treeShape(this.root, this.order, this.entryCount);
  }

  /** The whole tree as nested plain data (`{ keys, children? }`), for drawing. O(n). */
  outline(): NodeOutline<K> {
    return treeOutline(this.root);
  }

  /** The leaf that holds `key` if present. Loops `levels - 1` times: no kind checks. */
  private findLeaf(key: K): LeafNode<K, V> {
    const compare = this.compare;
    let node = this.root;
    for (let depth = this.levels - 1; depth > 0; depth--) {
      const internal = node as InternalNode<K, V>;
      const i = childIndex(internal.keys, key, compare);
      const child = internal.children[i];
      if (child === undefined) throw missingChild(internal, i, depth);
      node = child;
    }
    return node as LeafNode<K, V>;
  }

  /** As findLeaf, but records the path in pathNodes/pathIndexes for split and repair. */
  private descend(key: K): LeafNode<K, V> {
    const compare = this.compare;
    const pathNodes = this.pathNodes;
    const pathIndexes = this.pathIndexes;
    let node = this.root;
    for (let depth = 0; depth < this.levels - 1; depth++) {
      const internal = node as InternalNode<K, V>;
      const i = childIndex(internal.keys, key, compare);
      pathNodes[depth] = internal;
      pathIndexes[depth] = i;
      const child = internal.children[i];
      if (child === undefined) throw missingChild(internal, i, this.levels - 1 - depth);
      node = child;
    }
    return node as LeafNode<K, V>;
  }

  private leftmostLeaf(): LeafNode<K, V> {
    let node = this.root;
    for (let depth = this.levels - 1; depth > 0; depth--) {
      const internal = node as InternalNode<K, V>;
      const child = internal.children[0];
      if (child === undefined) throw missingChild(internal, 0, depth);
      node = child;
    }
    return node as LeafNode<K, V>;
  }

  /**
   * Split the overfull leaf reached by the last `descend`, then every ancestor that
   * overflows in turn; a root split adds a level (the only way the tree grows taller).
   */
  private splitUpward(leaf: LeafNode<K, V>): void {
    const rightLeaf = leaf.split();
    // The leaf held order + 1 >= 4 entries, so each half has at least 2.
    let separator: K = rightLeaf.keyAt(0);
    let right: Node<K, V> = rightLeaf;
    // The last descend wrote the path for every depth in [0, levels - 2].
    for (let depth = this.levels - 2; depth >= 0; depth--) {
      const parent = this.pathNodes[depth]!;
      const i = this.pathIndexes[depth]!;
      parent.keys.splice(i, 0, separator);
      parent.children.splice(i + 1, 0, right);
      if (parent.children.length <= this.order) return;
      const split = parent.split();
      separator = split.separator;
      right = split.right;
    }
    this.root = new InternalNode([separator], [this.root, right]);
    this.levels++;
  }

  /**
   * Repair the underfull leaf reached by the last `descend` by borrowing or merging, and
   * walk up while merges leave the parent underfull. A root left with one child is
   * replaced by that child (the only way the tree gets shorter).
   */
  private repairUnderflow(): void {
    // The last descend wrote the path for every depth in [0, levels - 2].
    for (let depth = this.levels - 1; depth > 0; depth--) {
      const parent = this.pathNodes[depth - 1]!;
      const index = this.pathIndexes[depth - 1]!;
      const merged =
        depth === this.levels - 1
          ? rebalanceLeaf(parent, index, this.entriesMin)
          : rebalanceInternal(parent, index, this.childrenMin);
      if (!merged) return;
      if (depth - 1 === 0) {
        if (parent.children.length === 1) {
          this.root = parent.children[0]!;
          this.levels--;
        }
        return;
      }
      if (parent.children.length >= this.childrenMin) return;
    }
  }
}

/**
 * Insert an entry at entry index `index` of a leaf by shifting the tail right by one
 * pair. A hand-written loop measured faster for 1e6 random inserts (order 32, Node 20)
 * than `splice`: 13-15% with two parallel arrays, about 10% (and steadier) with the
 * interleaved one. Appending a copy of the last pair first keeps the array without
 * holes: writing at index `length + 1` before `length` would leave one.
 */
function insertAt<K, V>(leaf: LeafNode<K, V>, index: number, key: K, value: V): void {
  const entries = leaf.entries;
  const length = entries.length;
  const at = 2 * index;
  if (at < length) {
    // at <= length - 2, so both reads are in range; then at + 2 <= j < length.
    entries.push(entries[length - 2] as K | V, entries[length - 1] as K | V);
    for (let j = length - 1; j >= at + 2; j--) entries[j] = entries[j - 2] as K | V;
    entries[at] = key;
    entries[at + 1] = value;
  } else {
    entries.push(key, value);
  }
}

/**
 * A descent found no child at the index the separators chose: the node has fewer than
 * keys.length + 1 children (an empty internal node, or keys and children out of step).
 */
function missingChild<K, V>(node: InternalNode<K, V>, index: number, depth: number): ComponentError {
  return violated(
    `btree: descent chose child ${index} of a node with ${node.keys.length} keys but ${node.children.length} children` +
      ` (${depth} levels above the leaves)`,
  );
}
