/**
 * Underflow repair after a delete (Comer 1979, §3 "Deletion"): a node that dropped below
 * its minimum first borrows one entry or child from an adjacent sibling that has more than
 * the minimum; when both adjacent siblings sit at the minimum it merges with one of them,
 * which removes one separator and one child from the parent.
 *
 * A merge is always legal: the underfull node has min - 1 items and the sibling has min,
 * and 2·ceil(x/2) - 1 <= x for every x, so the merged node fits. The parent may then
 * underflow in turn; the tree handles that one level up.
 */
import type { ComponentError } from '../errors';
import { violated } from './check-invariants';
import type { InternalNode, LeafNode } from './node';

/**
 * Repair the underfull leaf `parent.children[index]`. Prefers borrowing (it leaves the
 * parent's child count unchanged) and the left sibling (an arbitrary but fixed choice).
 * Returns true when it merged two leaves, so the parent lost a child.
 */
export function rebalanceLeaf<K, V>(parent: InternalNode<K, V>, index: number, entriesMin: number): boolean {
  const children = parent.children as LeafNode<K, V>[];
  const leaf = children[index];
  if (leaf === undefined) throw missingChild('leaf', index, children.length);
  const left = index > 0 ? children[index - 1]! : null;
  const right = index + 1 < children.length ? children[index + 1]! : null;
  if (left !== null && left.count > entriesMin) {
    // The largest entry of the left sibling becomes this leaf's smallest: it is the new lower bound.
    const value = left.entries.pop() as V;
    const key = left.entries.pop() as K;
    leaf.entries.unshift(key, value);
    parent.keys[index - 1] = key;
    return false;
  }
  if (right !== null && right.count > entriesMin) {
    const key = right.entries.shift() as K;
    const value = right.entries.shift() as V;
    leaf.entries.push(key, value);
    // right kept more than entriesMin >= 2 entries, so it still has a first key.
    parent.keys[index] = right.keyAt(0);
    return false;
  }
  if (left !== null) mergeLeaves(parent, index - 1, left, leaf);
  else if (right !== null) mergeLeaves(parent, index, leaf, right);
  else throw noSibling('leaf', index);
  return true;
}

/** Append `right`'s entries to `left`, unlink `right` from the chain and from the parent. */
function mergeLeaves<K, V>(parent: InternalNode<K, V>, leftIndex: number, left: LeafNode<K, V>, right: LeafNode<K, V>): void {
  const entries = right.entries;
  // i < entries.length: in range. A value may itself be undefined, hence no `!`.
  for (let i = 0; i < entries.length; i++) left.entries.push(entries[i] as K | V);
  left.next = right.next;
  parent.keys.splice(leftIndex, 1);
  parent.children.splice(leftIndex + 1, 1);
}

/**
 * Repair the underfull internal node `parent.children[index]`. Borrowing rotates through
 * the parent: the parent's separator comes down into the node and the sibling's edge key
 * goes up to replace it, so every separator still bounds its subtrees.
 * Returns true when it merged two nodes, so the parent lost a child.
 */
export function rebalanceInternal<K, V>(parent: InternalNode<K, V>, index: number, childrenMin: number): boolean {
  const siblings = parent.children as InternalNode<K, V>[];
  const node = siblings[index];
  if (node === undefined) throw missingChild('internal node', index, siblings.length);
  // parent.keys.length = siblings.length - 1, so keys[index - 1] exists with a left
  // sibling and keys[index] with a right one.
  const left = index > 0 ? siblings[index - 1]! : null;
  const right = index + 1 < siblings.length ? siblings[index + 1]! : null;
  if (left !== null && left.children.length > childrenMin) {
    node.keys.unshift(parent.keys[index - 1]!);
    node.children.unshift(left.children.pop()!);
    parent.keys[index - 1] = left.keys.pop() as K;
    return false;
  }
  if (right !== null && right.children.length > childrenMin) {
    node.keys.push(parent.keys[index]!);
    node.children.push(right.children.shift()!);
    parent.keys[index] = right.keys.shift() as K;
    return false;
  }
  if (left !== null) mergeInternal(parent, index - 1, left, node);
  else if (right !== null) mergeInternal(parent, index, node, right);
  else throw noSibling('internal node', index);
  return true;
}

/** Concatenate `left`, the separator between them, and `right`; drop `right` from the parent. */
function mergeInternal<K, V>(
  parent: InternalNode<K, V>,
  leftIndex: number,
  left: InternalNode<K, V>,
  right: InternalNode<K, V>,
): void {
  // leftIndex + 1 < children.length, so the separator parent.keys[leftIndex] exists.
  left.keys.push(parent.keys[leftIndex]!);
  for (const key of right.keys) left.keys.push(key);
  for (const child of right.children) left.children.push(child);
  parent.keys.splice(leftIndex, 1);
  parent.children.splice(leftIndex + 1, 1);
}

/** The repair path names a child the parent does not have: the recorded path is stale. */
function missingChild(kind: string, index: number, count: number): ComponentError {
  return violated(`btree: rebalance of the underfull ${kind} at child ${index}, but its parent has ${count} children`);
}

/** An underfull node with no sibling: its parent has one child, which only a root may have and only briefly. */
function noSibling(kind: string, index: number): ComponentError {
  return violated(`btree: underfull ${kind} at child ${index} has no sibling to borrow from or merge with: its parent has one child`);
}
