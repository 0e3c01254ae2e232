/**
 * A write buffer in front of a BPlusTree: writes land in a Map and reach the tree in
 * sorted batches, the way an LSM memtable or a B^ε-tree node buffer batches writes.
 * Batching keeps repeated writes to a hot key out of the tree and applies each batch in
 * key order, so consecutive tree writes touch neighbouring leaves.
 *
 * Usage: the buffer owns the tree handed to its constructor; after that, write only
 * through the buffer (writing to the tree directly makes `size` wrong). Reads (get, has,
 * range, forRange, size) see buffered writes. The buffer flushes itself when it holds `capacity`
 * keys; call `flush()` to drain it earlier, for instance before a snapshot.
 *
 * Keys are matched in the buffer by the Map's SameValueZero equality, so the tree's
 * compare must call two keys equal exactly when they are `===` (true for the default
 * compare on numbers, strings and bigints). Object keys with a custom compare need a
 * canonical instance per key.
 */
import type { BPlusTree } from './b-plus-tree';
import { violated } from './check-invariants';
import type { TreeShape } from './tree-shape';
import { validateCapacity, writeBufferDefaults, type WriteBufferOptions } from './write-buffer-options';

/** One buffered write. `live` false is a tombstone: the key reads as absent. */
interface PendingWrite<V> {
  value: V | undefined;
  /** False for a delete; then `value` is undefined. */
  live: boolean;
  /**
   * Whether the tree held the key when it entered the buffer. The tree does not change
   * until the next flush, which empties the buffer, so this stays true for its lifetime.
   */
  readonly inTree: boolean;
}

export class WriteBuffer<K, V> {
  readonly capacity: number;
  private readonly tree: BPlusTree<K, V>;
  /** Pending writes by key; size < capacity between calls (reaching it triggers a flush). */
  private readonly writes = new Map<K, PendingWrite<V>>();
  /** Sum over pending writes of (live ? 1 : 0) - (inTree ? 1 : 0): size minus tree.size. */
  private sizeDelta = 0;

  /**
   * @param tree the tree to write into; the buffer owns it from now on
   * @param opts.capacity pending keys that trigger a flush, integer in [1, 1048576],
   *   default 1024; throws ComponentError option.out-of-range outside that range
   */
  constructor(tree: BPlusTree<K, V>, opts: WriteBufferOptions = {}) {
    this.capacity = validateCapacity(opts.capacity ?? writeBufferDefaults.capacity);
    this.tree = tree;
  }

  /** Number of live entries, buffered writes included. O(1). */
  get size(): number {
    return this.tree.size + this.sizeDelta;
  }

  /** The tree's per-level shape (buffered writes not included). O(n). */
  treeShape(): TreeShape {
    return this.tree.shape();
  }

  /** Number of buffered writes (distinct keys, tombstones included) not yet in the tree. O(1). */
  get pending(): number {
    return this.writes.size;
  }

  /** The value for `key`, buffer first. O(1) when buffered, else O(log n). */
  get(key: K): V | undefined {
    const write = this.writes.get(key);
    if (write !== undefined) return write.value;
    return this.tree.get(key);
  }

  /** Whether `key` is present, buffer first. O(1) when buffered, else O(log n). */
  has(key: K): boolean {
    const write = this.writes.get(key);
    if (write !== undefined) return write.live;
    return this.tree.has(key);
  }

  /**
   * Buffer an insert or overwrite. O(1) when the key is already buffered; otherwise one
   * read-only tree lookup (O(log n)) records whether the tree holds the key, which keeps
   * `size` exact without touching the tree. May trigger a flush.
   */
  set(key: K, value: V): void {
    const write = this.writes.get(key);
    if (write !== undefined) {
      if (!write.live) this.sizeDelta++;
      write.live = true;
      write.value = value;
      return;
    }
    // The lookup runs no compare on an empty tree; the self-compare makes the comparator
    // reject a key it cannot order (NaN) now rather than at flush time.
    this.tree.compare(key, key);
    const inTree = this.tree.has(key);
    this.writes.set(key, { value, live: true, inTree });
    if (!inTree) this.sizeDelta++;
    if (this.writes.size >= this.capacity) this.flush();
  }

  /**
   * Buffer a delete (a tombstone); returns whether the key was present. Same cost as
   * `set`. Deleting a key that is neither buffered nor in the tree buffers nothing.
   */
  delete(key: K): boolean {
    const write = this.writes.get(key);
    if (write !== undefined) {
      if (!write.live) return false;
      write.live = false;
      write.value = undefined;
      this.sizeDelta--;
      return true;
    }
    if (!this.tree.has(key)) return false;
    this.writes.set(key, { value: undefined, live: false, inTree: true });
    this.sizeDelta--;
    if (this.writes.size >= this.capacity) this.flush();
    return true;
  }

  /**
   * Apply every buffered write to the tree in ascending key order and empty the buffer.
   * Returns the number of buffered writes drained (tombstones included).
   * Complexity: O(p log p) to sort plus O(p log n) to apply, for p pending writes.
   */
  flush(): number {
    const count = this.writes.size;
    if (count === 0) return 0;
    const compare = this.tree.compare;
    const keys = Array.from(this.writes.keys()).sort(compare);
    for (const key of keys) {
      const write = this.writes.get(key)!;
      if (write.live) this.tree.set(key, write.value as V);
      else if (write.inTree) this.tree.delete(key);
      // A key set and then deleted while buffered never reaches the tree.
    }
    this.writes.clear();
    this.sizeDelta = 0;
    return count;
  }

  /**
   * Entries with lo <= key < hi in ascending key order, merging buffered writes over the
   * tree: a buffered value replaces the tree's, a tombstone hides it. Costs a sort of the
   * buffered keys in range, O(p log p), then O(log n + k). Do not write while iterating.
   */
  *range(lo?: K, hi?: K): IterableIterator<[K, V]> {
    const buffered = this.bufferedWritesIn(lo, hi);
    const compare = this.tree.compare;
    const treeEntries = this.tree.range(lo, hi);
    let treeNext = treeEntries.next();
    let b = 0;
    while (!treeNext.done || b < buffered.length) {
      const order = treeNext.done ? 1 : b < buffered.length ? compare(treeNext.value[0], buffered[b]![0]) : -1;
      if (order < 0) {
        yield treeNext.value;
        treeNext = treeEntries.next();
        continue;
      }
      // order >= 0 means a buffered write is next: the tree is done or compared with buffered[b].
      const entry = buffered[b++];
      if (entry === undefined) throw violated(`writeBuffer: range merge read buffered write ${b - 1} of ${buffered.length}`);
      const [key, write] = entry;
      if (write.live) yield [key, write.value as V];
      if (order === 0) treeNext = treeEntries.next(); // the buffered write shadows the tree entry
    }
  }

  /**
   * Call `visit(key, value)` for each entry with lo <= key < hi in ascending key order,
   * buffered writes merged over the tree as in `range`, until `visit` returns false;
   * returns the number of entries visited. With nothing buffered in range it is the
   * tree's `forRange`, which allocates nothing per entry. `visit` must not write.
   */
  forRange(lo: K | undefined, hi: K | undefined, visit: (key: K, value: V) => boolean | void): number {
    const buffered = this.bufferedWritesIn(lo, hi);
    if (buffered.length === 0) return this.tree.forRange(lo, hi, visit);
    const compare = this.tree.compare;
    let b = 0;
    let count = 0;
    let stopped = false;
    /** Hand one entry to `visit`; false once it has stopped the scan. */
    const offer = (key: K, value: V): boolean => {
      count++;
      stopped = visit(key, value) === false;
      return !stopped;
    };
    this.tree.forRange(lo, hi, (key, value) => {
      // First the buffered writes ordered before `key`, then `key` itself, unless a
      // buffered write for it replaces its value or, as a tombstone, hides it.
      for (; b < buffered.length; b++) {
        const [bufferedKey, write] = buffered[b]!; // b < buffered.length
        const order = compare(bufferedKey, key);
        if (order > 0) break;
        if (write.live && !offer(bufferedKey, write.value as V)) return false;
        if (order === 0) {
          b++;
          return true;
        }
      }
      return offer(key, value);
    });
    for (; !stopped && b < buffered.length; b++) {
      const [bufferedKey, write] = buffered[b]!; // b < buffered.length
      if (write.live) offer(bufferedKey, write.value as V);
    }
    return count;
  }

  /** Throw a ComponentError (`btree.invariant-violated`) naming the first inconsistency between buffer and tree. O(n + p log n). */
  checkInvariants(): void {
    this.tree.checkInvariants();
    if (this.writes.size >= this.capacity) {
      throw violated(`writeBuffer: ${this.writes.size} pending writes, but a flush must happen at capacity ${this.capacity}`);
    }
    let delta = 0;
    for (const [key, write] of this.writes) {
      if (write.inTree !== this.tree.has(key)) {
        throw violated(`writeBuffer: pending write for key ${String(key)} has inTree ${write.inTree}, but the tree disagrees`);
      }
      if (!write.live && write.value !== undefined) {
        throw violated(`writeBuffer: tombstone for key ${String(key)} still holds a value`);
      }
      delta += (write.live ? 1 : 0) - (write.inTree ? 1 : 0);
    }
    if (delta !== this.sizeDelta) {
      throw violated(`writeBuffer: size delta is ${this.sizeDelta}, but the pending writes add up to ${delta}`);
    }
  }

  /** Buffered writes with lo <= key < hi, sorted by key. */
  private bufferedWritesIn(lo: K | undefined, hi: K | undefined): [K, PendingWrite<V>][] {
    const compare = this.tree.compare;
    const writes: [K, PendingWrite<V>][] = [];
    for (const entry of this.writes) {
      if (lo !== undefined && compare(entry[0], lo) < 0) continue;
      if (hi !== undefined && !(compare(entry[0], hi) < 0)) continue;
      writes.push(entry);
    }
    return writes.sort((a, b) => compare(a[0], b[0]));
  }
}
