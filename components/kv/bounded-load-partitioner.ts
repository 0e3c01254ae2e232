import { ComponentError, invariantError, numericOptionCode } from '../errors';
import { ringDefaults } from '../ring/defaults';
import { HashRing } from '../ring/hash-ring';
import { checkCount, type Partitioner } from './partitioner';

export interface BoundedLoadPartitionerOptions {
  /** Points per node on the underlying ring; integer in [1, 2^20], default 160. */
  readonly vnodes?: number;
  /**
   * c = 1 + ε of Mirrokni, Thorup & Zadimoghaddam (SODA 2018): no node takes a copy while
   * it holds ⌈c·m/n⌉ of the m copies placed. Closer to 1 balances better but walks
   * further and moves more copies on a membership change. Number in [1, 1000]; default 1.25.
   */
  readonly balanceFactor?: number;
  /** Copies per key, N; integer ≥ 1 and at most the node count. */
  readonly replication: number;
}

/**
 * Consistent hashing with bounded loads applied to every copy of a key: walk the ring
 * clockwise from hash(key) and take the first N distinct nodes whose load (copies held)
 * is below the capacity ⌈c·(m + N)/n⌉, m being the copies already placed. Keys are
 * placed the first time anyone asks for them and keep their nodes (a directory, as a
 * bounded-load cache keeps its assignments), so the placement depends on the order in
 * which keys first appear; the simulator asks in a deterministic order.
 *
 * When fewer than N nodes have room (possible only with n close to N), the walk takes
 * the next nodes regardless and counts an overflow; with no overflow, every node holds at
 * most ⌈c·m/n⌉ copies, which `checkInvariants` verifies. A membership change re-places
 * every known key in its original order against the new node set: more keys move than
 * on a plain ring (the price of the bound), and `withNode` reports how many through the
 * diff the caller takes.
 *
 * Memory: one list of N node names per key.
 */
export class BoundedLoadPartitioner implements Partitioner {
  readonly name = 'bounded-load';
  readonly balanceFactor: number;
  readonly replication: number;
  readonly ring: HashRing;
  private readonly vnodes: number | undefined;
  /** Key → its N nodes, in first-placement order. */
  private readonly directory = new Map<string, readonly string[]>();
  /** Copies held per node; same keys as the ring's nodes. */
  private readonly loads = new Map<string, number>();
  /** Copies placed, m (= directory size · N). */
  private copyCount = 0;
  /** Copies placed on a node at or above capacity because no node with room was left. */
  overflowCount = 0;

  /**
   * @param nodes members, added in this order
   * @param keys keys to place now, in this order (a rebuilt partitioner replays its predecessor's)
   */
  constructor(nodes: readonly string[], options: BoundedLoadPartitionerOptions, keys: Iterable<string> = []) {
    this.balanceFactor = options.balanceFactor ?? ringDefaults.balanceFactor;
    if (!(this.balanceFactor >= 1 && this.balanceFactor <= ringDefaults.balanceFactorMax)) {
      throw new ComponentError(
        numericOptionCode(this.balanceFactor),
        `kv: bounded-load: balanceFactor must be a number in [1, ${ringDefaults.balanceFactorMax}], got ${this.balanceFactor}`,
      );
    }
    this.replication = options.replication;
    if (!(Number.isInteger(this.replication) && this.replication >= 1 && this.replication <= nodes.length)) {
      throw new ComponentError(
        numericOptionCode(this.replication),
        `kv: bounded-load: replication must be an integer in [1, ${nodes.length}] (the node count), got ${this.replication}`,
      );
    }
    this.vnodes = options.vnodes;
    this.ring = new HashRing({ vnodes: options.vnodes });
    for (const node of nodes) {
      this.ring.add(node);
      this.loads.set(node, 0);
    }
    for (const key of keys) this.place(key);
  }

  nodes(): string[] {
    return this.ring.nodes();
  }

  /** Copies held by each node, in the order added. */
  loadsByNode(): ReadonlyMap<string, number> {
    return this.loads;
  }

  /** ⌈c·m/n⌉ for the copies placed now. */
  capacity(): number {
    return Math.ceil((this.balanceFactor * this.copyCount) / this.loads.size);
  }

  /**
   * The key's N nodes (placing it on first use), then, for `count` > N, the next distinct
   * nodes clockwise. O(1) for a placed key and count ≤ N; a placement walks O(P) at worst.
   */
  preferenceList(key: string, count: number): readonly string[] {
    checkCount(this.name, count, this.loads.size);
    const placed = this.directory.get(key) ?? this.place(key);
    if (count === placed.length) return placed;
    if (count < placed.length) return placed.slice(0, count);
    const extended = [...placed];
    for (const node of this.ring.replicas(key, this.loads.size)) {
      if (extended.length >= count) break;
      if (!placed.includes(node)) extended.push(node);
    }
    return extended;
  }

  withNode(node: string): BoundedLoadPartitioner {
    if (this.loads.has(node)) throw new ComponentError('kv.duplicate-node', `kv: bounded-load: node "${node}" is already a member`);
    return this.rebuilt([...this.ring.nodes(), node]);
  }

  withoutNode(node: string): BoundedLoadPartitioner {
    if (!this.loads.has(node)) throw new ComponentError('kv.unknown-node', `kv: bounded-load: unknown node "${node}"`);
    return this.rebuilt(this.ring.nodes().filter((n) => n !== node));
  }

  /** Loads match the directory, lists are distinct members, and without overflow no load exceeds ⌈c·m/n⌉. O(keys · N). */
  checkInvariants(): void {
    this.ring.checkInvariants();
    const counted = new Map<string, number>();
    for (const [key, list] of this.directory) {
      if (list.length !== this.replication) {
        throw invariantError('kv.invariant-violated', `kv: bounded-load: key ${key} has ${list.length} nodes, not ${this.replication}`);
      }
      if (new Set(list).size !== list.length) {
        throw invariantError('kv.invariant-violated', `kv: bounded-load: key ${key} lists a node twice`);
      }
      for (const node of list) counted.set(node, (counted.get(node) ?? 0) + 1);
    }
    let total = 0;
    for (const [node, load] of this.loads) {
      if ((counted.get(node) ?? 0) !== load) {
        throw invariantError(
          'kv.invariant-violated',
          `kv: bounded-load: load of ${node} is ${load}, directory says ${counted.get(node) ?? 0}`,
        );
      }
      total += load;
      if (this.overflowCount === 0 && load > this.capacity()) {
        throw invariantError(
          'kv.invariant-violated',
          `kv: bounded-load: load of ${node} is ${load} > capacity ⌈c·m/n⌉ = ${this.capacity()}`,
        );
      }
    }
    if (total !== this.copyCount) {
      throw invariantError('kv.invariant-violated', `kv: bounded-load: loads sum to ${total}, not m = ${this.copyCount}`);
    }
  }

  private rebuilt(nodes: readonly string[]): BoundedLoadPartitioner {
    return new BoundedLoadPartitioner(nodes, { vnodes: this.vnodes, balanceFactor: this.balanceFactor, replication: this.replication }, this.directory.keys());
  }

  /** Places `key`'s N copies: first nodes clockwise below capacity, then any if too few have room. */
  private place(key: string): readonly string[] {
    const count = this.replication;
    const capacity = Math.ceil((this.balanceFactor * (this.copyCount + count)) / this.loads.size);
    const chosen: string[] = [];
    const pointCount = this.ring.pointCount();
    const start = this.ring.firstPointIndex(key);
    for (let step = 0; step < pointCount && chosen.length < count; step++) {
      const owner = this.ring.pointOwner((start + step) % pointCount);
      if (this.loads.get(owner)! < capacity && !chosen.includes(owner)) chosen.push(owner);
    }
    if (chosen.length < count) {
      for (const node of this.ring.replicas(key, this.loads.size)) {
        if (chosen.length >= count) break;
        if (chosen.includes(node)) continue;
        chosen.push(node);
        this.overflowCount++;
      }
    }
    for (const node of chosen) this.loads.set(node, this.loads.get(node)! + 1);
    this.copyCount += count;
    this.directory.set(key, chosen);
    return chosen;
  }
}
