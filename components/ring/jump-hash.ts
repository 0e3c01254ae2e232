import { jumpConsistentHash } from './jump-consistent-hash';
import { murmur3String } from './murmur3';
import type { Placement, StringHash } from './placement';
import { RingError } from './ring-error';
import { checkNodeName, checkedHash, duplicateNodeError, emptyError, invariant, unknownNodeError } from './validate';

/**
 * Jump consistent hash as a Placement: bucket i is the i-th node added.
 *
 * Jump hash numbers its buckets 0..n−1 and only ever grows or shrinks at the end, so:
 * - adding a node moves 1/(n+1) of the keys, all to the new node (minimal);
 * - removing the LAST node added moves only its keys (minimal);
 * - removing any other node at position i shifts every later node down one bucket, so
 *   the keys of buckets i+1..n−1 change owner too: about (n − i)/n of all keys move,
 *   not 1/n. Use rendezvous or the ring when arbitrary nodes leave.
 * Jump hash has no weights; `add` rejects a weight other than 1.
 *
 * A key's 64-bit input is two 32-bit hashes of its UTF-8 bytes, seeds 0 (high half) and
 * 1 (low half).
 */
export interface JumpHashOptions {
  /** Seeded 32-bit string hash; default MurmurHash3 x86_32. Must honour `seed`. */
  readonly hash?: StringHash;
}

export class JumpHash implements Placement {
  readonly name = 'jump';
  private readonly hash: StringHash;
  /** buckets[i] is the node of bucket i, in the order added. */
  private readonly buckets: string[] = [];
  private readonly members = new Set<string>();

  constructor(opts: JumpHashOptions = {}) {
    this.hash = checkedHash(opts.hash, murmur3String);
  }

  /** Appends `node` as bucket n. O(1). Weights other than 1 are rejected. */
  add(node: string, weight?: number): void {
    checkNodeName(node);
    if (this.members.has(node)) throw duplicateNodeError(this.name, node);
    if (weight !== undefined && weight !== 1) {
      throw new RingError(
        'ring.unweighted',
        `jump: weight of node "${node}" must be 1 (jump hash has no weights; use hash-ring, rendezvous or maglev), got ${weight}`,
      );
    }
    this.buckets.push(node);
    this.members.add(node);
  }

  /** Removes `node`; later nodes shift down one bucket (see the class comment). O(n). */
  remove(node: string): void {
    if (!this.members.has(node)) throw unknownNodeError(this.name, node);
    this.buckets.splice(this.buckets.indexOf(node), 1);
    this.members.delete(node);
  }

  /** The node of bucket jumpConsistentHash(key64, n). O(ln n). */
  lookup(key: string): string {
    if (this.buckets.length === 0) throw emptyError(this.name, key);
    return this.buckets[jumpConsistentHash(this.key64(key), this.buckets.length)]!;
  }

  /** The 64-bit jump key of `key`: hash(key, 0) · 2^32 + hash(key, 1). */
  key64(key: string): bigint {
    return (BigInt(this.hash(key, 0)) << 32n) | BigInt(this.hash(key, 1));
  }

  nodes(): string[] {
    return this.buckets.slice();
  }

  checkInvariants(): void {
    invariant(this.buckets.length === this.members.size, 'buckets and members have the same size');
    for (const node of this.buckets) invariant(this.members.has(node), `bucket node "${node}" is a member`);
  }
}
