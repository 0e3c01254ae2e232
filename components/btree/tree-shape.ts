/**
 * Read-only views of a tree's structure for visualisation and tests: per-level counts
 * (`treeShape`) and a nested plain description (`treeOutline`, the `{ children }` form
 * that d3.hierarchy accepts). Both are O(n) and allocate; not for hot paths.
 */
import { leafKeys, LeafNode, type Node } from './node';

/** One level of the tree; depth 0 is the root. */
export interface LevelShape {
  readonly depth: number;
  readonly nodeCount: number;
  /** Keys at this level: separators for internal levels, entries for the leaf level. */
  readonly keyCount: number;
  /**
   * Mean occupancy in [0, 1]: children per node / m for internal levels, entries per
   * leaf / L for the leaf level. Random inserts settle near ln 2 ≈ 0.69 (Yao 1978).
   */
  readonly fill: number;
}

export interface TreeShape {
  /** Number of levels; 1 when the root is a leaf. */
  readonly height: number;
  readonly size: number;
  readonly order: number;
  /** Root first, leaves last. */
  readonly levels: readonly LevelShape[];
}

/** A node as plain data: separators for internal nodes, keys for leaves. */
export interface NodeOutline<K> {
  readonly keys: readonly K[];
  /** Present on internal nodes only. */
  readonly children?: readonly NodeOutline<K>[];
}

export function treeShape<K, V>(root: Node<K, V>, order: number, size: number): TreeShape {
  const levels: LevelShape[] = [];
  let level: Node<K, V>[] = [root];
  for (let depth = 0; level.length > 0; depth++) {
    const next: Node<K, V>[] = [];
    let keyCount = 0;
    let slotsUsed = 0;
    for (const node of level) {
      if (node instanceof LeafNode) {
        keyCount += node.count;
        slotsUsed += node.count;
      } else {
        keyCount += node.keys.length;
        slotsUsed += node.children.length;
        for (const child of node.children) next.push(child);
      }
    }
    levels.push({ depth, nodeCount: level.length, keyCount, fill: slotsUsed / (level.length * order) });
    level = next;
  }
  return { height: levels.length, size, order, levels };
}

export function treeOutline<K, V>(node: Node<K, V>): NodeOutline<K> {
  if (node instanceof LeafNode) return { keys: leafKeys(node) };
  return { keys: node.keys.slice(), children: node.children.map((child) => treeOutline(child)) };
}
