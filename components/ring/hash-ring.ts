import { ringDefaults } from './defaults';
import { murmur3String } from './murmur3';
import type { Placement } from './placement';
import { RingError } from './ring-error';
import {
  checkInteger,
  checkNodeName,
  checkWeight,
  checkedHash,
  duplicateNodeError,
  emptyError,
  invariant,
  unknownNodeError,
} from './validate';

/**
 * Consistent hashing on a ring (Karger et al., STOC 1997) with virtual nodes and
 * weights, as in ketama.
 *
 * Each node of weight w gets round(vnodes·w) points, the hashes of "<node>-0",
 * "<node>-1", ... A key belongs to the first point clockwise from hash(key), that is the
 * smallest point hash ≥ hash(key), wrapping to the smallest point. Adding a node takes
 * keys only from the points just clockwise of its own points, so about 1/(n+1) of the
 * keys move, all of them to the new node; removing a node moves only its keys.
 *
 * Two points with the same hash (probability about P²/2³³ for P points, 3% at 16,000)
 * are ordered by node name, so the ring is the same whatever the order of `add` calls.
 *
 * Driver contract: single-threaded and synchronous; no time, randomness or IO.
 */
export interface HashRingOptions {
  /**
   * Points per unit of weight; a node of weight w gets round(vnodes·w) points. More
   * points even out the shares (std/mean ≈ 1/√vnodes) at the cost of memory
   * (about 12 bytes per point) and O(P) add/remove. Integer in [1, 2^20]; default 160
   * (ketama).
   */
  readonly vnodes?: number;
  /**
   * Hash of keys and point names to an unsigned 32-bit integer. Default: MurmurHash3
   * x86_32 of the UTF-8 bytes, seed 0.
   */
  readonly hash?: (key: string) => number;
}

interface Member {
  readonly weight: number;
  readonly pointCount: number;
}

export class HashRing implements Placement {
  readonly name = 'hash-ring';
  /** Points per unit of weight, validated. */
  readonly vnodes: number;
  private readonly hash: (key: string) => number;
  /**
   * Point hashes in ascending order; equal hashes ordered by owner name. A typed array
   * so the binary search in `lookup` touches 4 bytes per probe and no object headers.
   */
  private points: Uint32Array = new Uint32Array(0);
  /** owners[i] owns points[i]; owners.length === points.length. */
  private owners: string[] = [];
  /** Every node with its weight and point count, in the order added. */
  private readonly members = new Map<string, Member>();

  /** @throws RingError option.out-of-range (old code RING_INVALID_OPTION) when vnodes is not an integer in [1, 2^20] */
  constructor(opts: HashRingOptions = {}) {
    this.vnodes = opts.vnodes ?? ringDefaults.vnodes;
    checkInteger('hash-ring: vnodes', this.vnodes, 1, ringDefaults.vnodesMax);
    this.hash = checkedHash(opts.hash, murmur3String);
  }

  /**
   * Adds `node` with round(vnodes·weight) points. O(P + v log v) for P points on the
   * ring and v new points (a merge, not a full sort).
   *
   * @param weight relative weight, default 1; must give at least one point
   */
  add(node: string, weight = 1): void {
    checkNodeName(node);
    if (this.members.has(node)) throw duplicateNodeError(this.name, node);
    checkWeight(node, weight);
    const pointCount = Math.round(this.vnodes * weight);
    const pointCountMax = ringDefaults.pointCountMax - this.points.length;
    if (!(pointCount >= 1 && pointCount <= pointCountMax)) {
      throw new RingError(
        'ring.point-count-out-of-range',
        `hash-ring: node "${node}" with weight ${weight} gets round(vnodes·weight) = round(${this.vnodes}·${weight}) = ` +
          `${pointCount} points; must be in [1, ${pointCountMax}] (at most ${ringDefaults.pointCountMax} points in all)`,
      );
    }
    const fresh = new Uint32Array(pointCount);
    for (let i = 0; i < pointCount; i++) fresh[i] = this.hash(`${node}-${i}`);
    fresh.sort();
    this.merge(node, fresh);
    this.members.set(node, { weight, pointCount });
  }

  /** Removes `node` and its points. O(P). */
  remove(node: string): void {
    const member = this.members.get(node);
    if (member === undefined) throw unknownNodeError(this.name, node);
    const keptCount = this.points.length - member.pointCount;
    const points = new Uint32Array(keptCount);
    // Filled by push, not preallocated, so V8 keeps the array packed (no holes).
    const owners: string[] = [];
    for (let i = 0; i < this.points.length; i++) {
      if (this.owners[i] === node) continue;
      points[owners.length] = this.points[i]!;
      owners.push(this.owners[i]!);
    }
    this.points = points;
    this.owners = owners;
    this.members.delete(node);
  }

  /** The owner of `key`: the node of the first point clockwise. O(log P). */
  lookup(key: string): string {
    if (this.points.length === 0) throw emptyError(this.name, key);
    return this.owners[this.firstPointIndex(key)]!;
  }

  /**
   * The `n` distinct nodes met walking clockwise from `key`: the owner first, then the
   * next distinct owners, as replica placement in Dynamo or Cassandra's SimpleStrategy.
   * O(log P + walk), the walk being about n·P/N points.
   *
   * @param n replica count, integer in [0, node count]
   */
  replicas(key: string, n: number): string[] {
    if (!(Number.isInteger(n) && n >= 0 && n <= this.members.size)) {
      throw new RingError(
        'argument.out-of-range',
        `hash-ring: replicas(key, n) needs an integer n in [0, ${this.members.size}] (the node count), got ${n}`,
      );
    }
    const found: string[] = [];
    if (n === 0) return found;
    const seen = new Set<string>();
    const start = this.firstPointIndex(key);
    // Every node has at least one point, so one lap finds all n distinct owners.
    for (let step = 0; step < this.points.length && found.length < n; step++) {
      const owner = this.owners[(start + step) % this.points.length]!;
      if (seen.has(owner)) continue;
      seen.add(owner);
      found.push(owner);
    }
    return found;
  }

  /** Node names in the order they were added. */
  nodes(): string[] {
    return [...this.members.keys()];
  }

  /** The weight `node` was added with. */
  weight(node: string): number {
    const member = this.members.get(node);
    if (member === undefined) throw unknownNodeError(this.name, node);
    return member.weight;
  }

  /** Total number of points on the ring. */
  pointCount(): number {
    return this.points.length;
  }

  /** Hash of the point at `index` (0 ≤ index < pointCount()), in [0, 2^32); ascending in index. */
  pointHash(index: number): number {
    invariant(index >= 0 && index < this.points.length, `point index ${index} in [0, ${this.points.length})`);
    return this.points[index]!;
  }

  /** Owner of the point at `index` (0 ≤ index < pointCount()), in clockwise order. */
  pointOwner(index: number): string {
    invariant(index >= 0 && index < this.points.length, `point index ${index} in [0, ${this.points.length})`);
    return this.owners[index]!;
  }

  /**
   * Index of the first point clockwise from hash(key): the smallest point hash ≥
   * hash(key), or 0 after the largest. Binary search, O(log P). The ring must not be empty.
   */
  firstPointIndex(key: string): number {
    const keyHash = this.hash(key);
    const points = this.points;
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (points[middle]! < keyHash) low = middle + 1;
      else high = middle;
    }
    return low === points.length ? 0 : low;
  }

  /**
   * Exact share of the hash space each node owns: the summed length of the arcs ending
   * at its points, divided by 2^32. Shares sum to 1. O(P).
   */
  ownership(): Map<string, number> {
    const shares = new Map<string, number>();
    for (const node of this.members.keys()) shares.set(node, 0);
    const count = this.points.length;
    for (let i = 0; i < count; i++) {
      const previous = i === 0 ? this.points[count - 1]! - 2 ** 32 : this.points[i - 1]!;
      const owner = this.owners[i]!;
      shares.set(owner, shares.get(owner)! + (this.points[i]! - previous) / 2 ** 32);
    }
    return shares;
  }

  /** Throws unless the points are sorted (ties by owner name) and match the members. */
  checkInvariants(): void {
    invariant(this.owners.length === this.points.length, 'owners.length === points.length');
    const counts = new Map<string, number>();
    for (let i = 0; i < this.points.length; i++) {
      const owner = this.owners[i]!;
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
      if (i === 0) continue;
      invariant(this.points[i - 1]! <= this.points[i]!, `points sorted at index ${i}`);
      if (this.points[i - 1] === this.points[i]) {
        invariant(this.owners[i - 1]! <= owner, `equal points ordered by owner name at index ${i}`);
      }
    }
    invariant(counts.size === this.members.size, `every node has points (${counts.size} vs ${this.members.size})`);
    for (const [node, member] of this.members) {
      invariant(counts.get(node) === member.pointCount, `node "${node}" has ${member.pointCount} points`);
    }
  }

  /** Merges the sorted `fresh` points of `node` into the ring. O(P + v). */
  private merge(node: string, fresh: Uint32Array): void {
    const total = this.points.length + fresh.length;
    const points = new Uint32Array(total);
    const owners: string[] = [];
    let i = 0;
    let j = 0;
    for (let k = 0; k < total; k++) {
      const takeOld =
        j === fresh.length ||
        (i < this.points.length && comparePoints(this.points[i]!, this.owners[i]!, fresh[j]!, node) < 0);
      if (takeOld) {
        points[k] = this.points[i]!;
        owners.push(this.owners[i++]!);
      } else {
        points[k] = fresh[j++]!;
        owners.push(node);
      }
    }
    this.points = points;
    this.owners = owners;
  }
}

/** Ring order: by hash, then by owner name so that collisions resolve the same everywhere. */
function comparePoints(hashA: number, ownerA: string, hashB: number, ownerB: string): number {
  if (hashA !== hashB) return hashA - hashB;
  if (ownerA === ownerB) return 0;
  return ownerA < ownerB ? -1 : 1;
}
