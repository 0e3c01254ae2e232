/**
 * The two node kinds of a B+tree (Comer, "The Ubiquitous B-Tree", 1979, §4 "The B+-tree").
 *
 * Keys and values sit in parallel plain arrays rather than in per-entry objects: a leaf of
 * 32 entries is then 3 objects instead of 35, binary search touches one contiguous array,
 * and V8 keeps both arrays in its packed-elements representation as long as we never
 * leave holes (we only splice, push and pop).
 *
 * Both classes assign every field in the constructor, in the same order, so each class
 * has exactly one hidden class and the tree's hot loops stay monomorphic.
 */

/** A leaf: holds the entries. In a B+tree values live only in leaves. */
export class LeafNode<K, V> {
  /**
   * Keys, strictly ascending under the tree's compare. Length is in [ceil(L/2), L] where
   * L = order, except that a root leaf may hold 0..L entries. Every key k satisfies
   * lo <= k < hi for the separators lo, hi that bound this leaf in its ancestors.
   */
  keys: K[];
  /** values[i] belongs to keys[i]; always the same length as `keys`. */
  values: V[];
  /**
   * The leaf immediately to the right in key order, or null for the rightmost leaf.
   * Following `next` from the leftmost leaf visits every leaf once, in key order, so
   * the chain read left to right equals the in-order key sequence.
   */
  next: LeafNode<K, V> | null;

  constructor(keys: K[], values: V[], next: LeafNode<K, V> | null) {
    this.keys = keys;
    this.values = values;
    this.next = next;
  }

  /**
   * Split an overfull leaf: move the upper half of its entries into a new right sibling,
   * link it into the leaf chain and return it. The caller inserts `right.keys[0]` into
   * the parent as the separator. With L + 1 entries both halves get at least
   * floor((L + 1) / 2) = ceil(L / 2) entries, the leaf minimum.
   */
  split(): LeafNode<K, V> {
    const half = this.keys.length >> 1;
    const right = new LeafNode(this.keys.splice(half), this.values.splice(half), this.next);
    this.next = right;
    return right;
  }
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
