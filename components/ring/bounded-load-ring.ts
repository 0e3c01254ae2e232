import { numericOptionCode } from '../errors';
import { ringDefaults } from './defaults';
import { HashRing } from './hash-ring';
import type { Placement } from './placement';
import { RingError } from './ring-error';
import { emptyError, invariant } from './validate';

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup & Zadimoghaddam, SODA 2018).
 *
 * Keys are balls, nodes are bins on a HashRing. With m balls placed and n bins, every bin
 * holds at most its capacity ⌈c·m/n⌉ (c = balanceFactor = 1 + ε): a ball goes to the
 * first bin clockwise from its hash that has room. Unlike the other placements this one
 * is stateful: it tracks which ball sits where, through `assign` and `release`.
 *
 * The bound holds after every event, not only on insertion. The capacity drops when a
 * release lowers m or an added node raises n; then the oldest balls of any bin over the
 * new capacity move to the first bin clockwise with room. Such a bin always exists,
 * because n·⌈c·m/n⌉ ≥ m. An added node also takes the balls whose first point is now
 * its own, while it has room, so growth moves keys as plain consistent hashing does.
 * Removing a node re-places its balls in their old order.
 *
 * Bins are unweighted, as in the paper: `add` rejects a weight other than 1.
 * Envoy's `hash_balance_factor` (150 means c = 1.5) is this algorithm.
 *
 * Driver contract: single-threaded and synchronous; `assign`/`release` are the only
 * verbs that change loads, `add`/`remove` the only ones that change bins.
 */
export interface BoundedLoadRingOptions {
  /** Points per node on the underlying ring; integer in [1, 2^20], default 160. */
  readonly vnodes?: number;
  /** 32-bit hash of keys and points; default MurmurHash3 x86_32. */
  readonly hash?: (key: string) => number;
  /**
   * c in the paper: capacity per bin ⌈c·m/n⌉. Closer to 1 balances better but makes
   * each insertion walk further and move more balls (O(1/ε²) expected bins visited).
   * Number in [1, 1000]; default 1.25.
   */
  readonly balanceFactor?: number;
}

export class BoundedLoadRing implements Placement {
  readonly name = 'bounded-load';
  readonly balanceFactor: number;
  private readonly ring: HashRing;
  /** Ball → bin, for every assigned key, in assignment order. */
  private readonly assignments = new Map<string, string>();
  /** Bin → its balls in arrival order; size is the bin's load. Same keys as the ring's nodes. */
  private readonly bins = new Map<string, Set<string>>();
  /** Balls moved by add, remove and capacity drops since construction (not first placements). */
  moveCount = 0;

  constructor(opts: BoundedLoadRingOptions = {}) {
    this.balanceFactor = opts.balanceFactor ?? ringDefaults.balanceFactor;
    if (!(this.balanceFactor >= 1 && this.balanceFactor <= ringDefaults.balanceFactorMax)) {
      throw new RingError(
        numericOptionCode(this.balanceFactor),
        `bounded-load: balanceFactor must be a number in [1, ${ringDefaults.balanceFactorMax}], got ${this.balanceFactor}`,
      );
    }
    this.ring = new HashRing({ vnodes: opts.vnodes, hash: opts.hash });
  }

  /** Capacity of every bin now: ⌈c·m/n⌉ (0 without bins). */
  capacity(): number {
    return this.capacityFor(this.assignments.size);
  }

  /** Current number of balls in `node`. */
  load(node: string): number {
    const bin = this.bins.get(node);
    if (bin === undefined) throw new RingError('ring.unknown-node', `bounded-load: unknown node "${node}"`);
    return bin.size;
  }

  /** Number of assigned keys, m. */
  assignedCount(): number {
    return this.assignments.size;
  }

  /** The bin `key` is assigned to, or undefined. */
  assignment(key: string): string | undefined {
    return this.assignments.get(key);
  }

  /**
   * Places the ball `key` (m grows by one) in the first bin clockwise with load below
   * ⌈c·(m+1)/n⌉, and returns that bin. O(log P + walk). Throws if already assigned.
   */
  assign(key: string): string {
    if (this.assignments.has(key)) {
      throw new RingError('ring.duplicate-key', `bounded-load: key ${JSON.stringify(key)} is already assigned (release it first)`);
    }
    if (this.bins.size === 0) throw emptyError(this.name, key);
    const bin = this.firstBinWithRoom(key, this.capacityFor(this.assignments.size + 1));
    this.place(key, bin);
    return bin;
  }

  /** Removes the ball `key`; if the capacity drops, overfull bins shed their oldest balls. */
  release(key: string): void {
    const bin = this.assignments.get(key);
    if (bin === undefined) {
      throw new RingError('ring.unknown-key', `bounded-load: key ${JSON.stringify(key)} is not assigned`);
    }
    this.assignments.delete(key);
    this.bins.get(bin)!.delete(key);
    this.shed();
  }

  /** The bin of `key` if assigned, else the bin `assign(key)` would choose. Changes nothing. */
  lookup(key: string): string {
    const bin = this.assignments.get(key);
    if (bin !== undefined) return bin;
    if (this.bins.size === 0) throw emptyError(this.name, key);
    return this.firstBinWithRoom(key, this.capacityFor(this.assignments.size + 1));
  }

  /**
   * Adds an empty bin. It takes the balls whose first point is now its own (up to the
   * capacity), then overfull bins shed. O(m log P).
   */
  add(node: string, weight?: number): void {
    if (weight !== undefined && weight !== 1) {
      throw new RingError(
        'ring.unweighted',
        `bounded-load: weight of node "${node}" must be 1 (bins are unweighted, as in the paper), got ${weight}`,
      );
    }
    this.ring.add(node);
    this.bins.set(node, new Set());
    const capacity = this.capacity();
    // Collected first: moving re-inserts the key into `assignments`, which would make a
    // live iteration visit it twice.
    const taken: string[] = [];
    for (const key of this.assignments.keys()) {
      if (taken.length >= capacity) break;
      if (this.ring.lookup(key) === node) taken.push(key);
    }
    for (const key of taken) this.move(key, node);
    this.shed();
  }

  /** Removes a bin and re-places its balls, oldest first. Throws if it is the last bin and holds balls. */
  remove(node: string): void {
    const bin = this.bins.get(node);
    if (bin === undefined) throw new RingError('ring.unknown-node', `bounded-load: unknown node "${node}"`);
    if (this.bins.size === 1 && bin.size > 0) {
      throw new RingError(
        'ring.last-node-loaded',
        `bounded-load: cannot remove the last node "${node}" while it holds ${bin.size} keys (release them first)`,
      );
    }
    this.ring.remove(node);
    this.bins.delete(node);
    const capacity = this.capacity();
    for (const key of bin) {
      this.assignments.delete(key);
      this.place(key, this.firstBinWithRoom(key, capacity));
      this.moveCount++;
    }
  }

  nodes(): string[] {
    return this.ring.nodes();
  }

  /** Current load of every node, in the order added. */
  loads(): Map<string, number> {
    const loads = new Map<string, number>();
    for (const [node, bin] of this.bins) loads.set(node, bin.size);
    return loads;
  }

  /** Throws unless loads match the assignments and no bin exceeds ⌈c·m/n⌉. O(m + P). */
  checkInvariants(): void {
    this.ring.checkInvariants();
    invariant(this.bins.size === this.ring.nodes().length, 'one bin per ring node');
    const capacity = this.capacity();
    let total = 0;
    for (const [node, bin] of this.bins) {
      invariant(bin.size <= capacity, `load of "${node}" is ${bin.size} ≤ capacity ⌈c·m/n⌉ = ${capacity}`);
      total += bin.size;
      for (const key of bin) invariant(this.assignments.get(key) === node, `key ${key} is assigned to "${node}"`);
    }
    invariant(total === this.assignments.size, `loads sum to m = ${this.assignments.size}, got ${total}`);
  }

  private capacityFor(ballCount: number): number {
    const binCount = this.bins.size;
    return binCount === 0 ? 0 : Math.ceil((this.balanceFactor * ballCount) / binCount);
  }

  /** First bin clockwise from `key` with load below `capacity`; one exists (n·capacity ≥ m). */
  private firstBinWithRoom(key: string, capacity: number): string {
    const pointCount = this.ring.pointCount();
    const start = this.ring.firstPointIndex(key);
    for (let step = 0; step < pointCount; step++) {
      const owner = this.ring.pointOwner((start + step) % pointCount);
      if (this.bins.get(owner)!.size < capacity) return owner;
    }
    invariant(false, `a bin below capacity ${capacity} exists for key ${key}`);
  }

  /** Moves balls out of bins above the capacity, oldest first, until none is. */
  private shed(): void {
    const capacity = this.capacity();
    for (const bin of this.bins.values()) {
      while (bin.size > capacity) {
        const key = bin.values().next().value!;
        // Taken out first, so its own bin (still at or above capacity) is not chosen again.
        bin.delete(key);
        this.assignments.delete(key);
        this.place(key, this.firstBinWithRoom(key, capacity));
        this.moveCount++;
      }
    }
  }

  private move(key: string, to: string): void {
    this.bins.get(this.assignments.get(key)!)!.delete(key);
    this.assignments.delete(key);
    this.place(key, to);
    this.moveCount++;
  }

  private place(key: string, bin: string): void {
    this.assignments.set(key, bin);
    this.bins.get(bin)!.add(key);
  }
}
