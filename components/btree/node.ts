/**
 * The two node kinds of a B+tree (Comer, "The Ubiquitous B-Tree", 1979, §4 "The B+-tree").
 *
 * A leaf keeps its keys and values interleaved in one plain array, [k0, v0, k1, v1, ...],
 * rather than in two parallel arrays or per-entry objects: a leaf is then 3 heap objects
 * (the node, the array and its backing store) instead of 5, and a scan, a lookup or an
 * insert touches one contiguous block. A tree built by random inserts has its leaves
 * scattered over the heap, so reading them is bound by cache and TLB misses per leaf:
 * against two parallel arrays, in one process, the interleaved leaf scanned 1.0-1.2x
 * faster by callback (1.2-1.9x by iterator) and looked up 1.1-1.2x faster; inserts were
 * within the noise (10^6 random keys, order 32, bench/btree.ts, Node 20, 3 runs on a
 * loaded 2-core VM). That took the callback scan from 0.83-1.09x sorted-btree's to 1.1-1.3x.
 * The price: with number keys and object values the array holds mixed kinds, so a key
 * that is not a small integer is boxed (V8 could otherwise unbox a keys-only array).
 * V8 keeps the array in its packed-elements representation as long as we never leave
 * holes (we only splice, push and pop, and shift pairs in place).
 *
 * Both classes assign every field in the constructor, in the same order, so each class
 * has exactly one hidden class and the tree's hot loops stay monomorphic.
 */

/** A leaf: holds the entries. In a B+tree values live only in leaves. */
export class LeafNode<K, V> {
  /**
   * Keys and values interleaved: entries[2i] is the i-th key and entries[2i + 1] its
   * value, so the length is always even. Keys strictly ascending under the tree's
   * compare. Entry count (length / 2) is in [ceil(L/2), L] where L = order, except that a
   * root leaf may hold 0..L entries. Every key k satisfies lo <= k < hi for the
   * separators lo, hi that bound this leaf in its ancestors.
   */
  entries: (K | V)[];
  /**
   * The leaf immediately to the right in key order, or null for the rightmost leaf.
   * Following `next` from the leftmost leaf visits every leaf once, in key order, so
   * the chain read left to right equals the in-order key sequence.
   */
  next: LeafNode<K, V> | null;

  constructor(entries: (K | V)[], next: LeafNode<K, V> | null) {
    this.entries = entries;
    this.next = next;
  }

  /** Number of entries. */
  get count(): number {
    return this.entries.length >> 1;
  }

  /** The i-th key; i < count. */
  keyAt(i: number): K {
    return this.entries[2 * i] as K;
  }

  /** The i-th value (which may itself be undefined); i < count. */
  valueAt(i: number): V {
    return this.entries[2 * i + 1] as V;
  }

  /**
   * Split an overfull leaf: move the upper half of its entries into a new right sibling,
   * link it into the leaf chain and return it. The caller inserts `right.keyAt(0)` into
   * the parent as the separator. With L + 1 entries both halves get at least
   * floor((L + 1) / 2) = ceil(L / 2) entries, the leaf minimum.
   */
  split(): LeafNode<K, V> {
    const half = this.count >> 1;
    const right = new LeafNode(this.entries.splice(2 * half), this.next);
    this.next = right;
    return right;
  }
}

/** The keys of a leaf as an array of their own (O(entries); for checks and outlines, not hot paths). */
export function leafKeys<K, V>(leaf: LeafNode<K, V>): K[] {
  const keys: K[] = [];
  for (let i = 0; i < leaf.entries.length; i += 2) keys.push(leaf.entries[i] as K);
  return keys;
}

/** Interleave parallel keys[start..end) and values[start..end) into a leaf's entries array. */
export function interleave<K, V>(keys: readonly K[], values: readonly V[], start: number, end: number): (K | V)[] {
  const entries: (K | V)[] = [];
  // start <= i < end <= keys.length = values.length. A value may itself be undefined.
  for (let i = start; i < end; i++) entries.push(keys[i]!, values[i] as V);
  return entries;
}

/** An internal node: separators and child pointers, no values. */
export class InternalNode<K, V> {
  /**
   * Separators, strictly ascending; always exactly children.length - 1 of them.
   * keys[i] bounds the children: every key under children[i] is < keys[i] and every key
   * under children[i + 1] is >= keys[i].
   */
  keys: K[];
  /**
   * Children, all of the same kind (all leaves or all internal: all leaves sit at the
   * same depth). Count is in [ceil(m/2), m] where m = order, except that the root has
   * 2..m children.
   */
  children: Node<K, V>[];

  constructor(keys: K[], children: Node<K, V>[]) {
    this.keys = keys;
    this.children = children;
  }

  /**
   * Split an overfull node (m + 1 children) into two: this node keeps the lower
   * floor((m + 1) / 2) = ceil(m/2) children, the new right sibling gets the rest, and the
   * middle separator moves up to the parent. Internal splits happen about once per
   * (m/2)^2 inserts, so returning a small pair here costs nothing measurable.
   */
  split(): { separator: K; right: InternalNode<K, V> } {
    const leftChildCount = this.children.length >> 1;
    const rightKeys = this.keys.splice(leftChildCount);
    // keys[leftChildCount - 1] is now the last key: it separates the halves and moves up.
    const separator = this.keys.pop() as K;
    return { separator, right: new InternalNode(rightKeys, this.children.splice(leftChildCount)) };
  }
}

export type Node<K, V> = LeafNode<K, V> | InternalNode<K, V>;
