import { murmur3, murmur3String } from './murmur3';
import type { Placement, StringHash } from './placement';
import { encodeUtf8Into, utf8LengthMax } from './utf8';
import {
  checkNodeName,
  checkWeight,
  checkedHash,
  duplicateNodeError,
  emptyError,
  invariant,
  unknownNodeError,
} from './validate';

/**
 * Rendezvous or highest-random-weight hashing (Thaler & Ravishankar, 1998): every node
 * scores the key and the highest score wins. Removing a node moves only its keys; adding
 * one takes a share weight/Σweights, all to the new node. Lookup is O(n) in the node
 * count, which is the price of needing no ring.
 *
 * Weights use the logarithmic method (Schindelhauer & Schomaker, "Weighted distributed
 * hash tables", SPAA 2005; also Resch's "New hashing algorithms for data storage"):
 * score = −w / ln(u) with u = (h + 0.5)/2^32 in (0, 1), h the node-seeded hash of the
 * key. Node i then wins with probability exactly w_i/Σw, and changing one weight moves
 * keys only to or from that node.
 *
 * The score hash of (node, key) is hash(key, seed = hash(node, 0)): the key is hashed
 * once per node with the node's own seed. Equal scores, which need equal 32-bit hashes,
 * go to the smaller node name, so results do not depend on the order of `add`.
 */
export interface RendezvousHashOptions {
  /** Seeded 32-bit string hash; default MurmurHash3 x86_32. Must honour `seed`. */
  readonly hash?: StringHash;
}

export class RendezvousHash implements Placement {
  readonly name = 'rendezvous';
  /** Custom hash, or undefined for the allocation-free MurmurHash3 fast path. */
  private readonly customHash: StringHash | undefined;
  /** Parallel arrays in the order added: name, weight and score seed of each node. */
  private readonly names: string[] = [];
  private readonly weights: number[] = [];
  private readonly seeds: number[] = [];
  /** UTF-8 bytes of the key being looked up, encoded once per lookup, not once per node. */
  private keyBytes = new Uint8Array(256);

  constructor(opts: RendezvousHashOptions = {}) {
    this.customHash = opts.hash === undefined ? undefined : checkedHash(opts.hash, murmur3String);
  }

  /** Adds `node` with relative `weight` (default 1). O(n) for the duplicate check. */
  add(node: string, weight = 1): void {
    checkNodeName(node);
    if (this.names.includes(node)) throw duplicateNodeError(this.name, node);
    checkWeight(node, weight);
    this.names.push(node);
    this.weights.push(weight);
    this.seeds.push((this.customHash ?? murmur3String)(node, 0));
  }

  /** Removes `node`. O(n). */
  remove(node: string): void {
    const index = this.names.indexOf(node);
    if (index < 0) throw unknownNodeError(this.name, node);
    this.names.splice(index, 1);
    this.weights.splice(index, 1);
    this.seeds.splice(index, 1);
  }

  /** The node with the highest weighted score for `key`. O(n · key length). */
  lookup(key: string): string {
    if (this.names.length === 0) throw emptyError(this.name, key);
    let length = 0;
    if (this.customHash === undefined) {
      if (utf8LengthMax(key) > this.keyBytes.length) this.keyBytes = new Uint8Array(utf8LengthMax(key));
      length = encodeUtf8Into(key, this.keyBytes);
    }
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < this.names.length; i++) {
      const h =
        this.customHash === undefined ? murmur3(this.keyBytes, length, this.seeds[i]!) : this.customHash(key, this.seeds[i]!);
      const score = -this.weights[i]! / Math.log((h + 0.5) / 4294967296);
      if (score > bestScore || (score === bestScore && this.names[i]! < this.names[best]!)) {
        best = i;
        bestScore = score;
      }
    }
    return this.names[best]!;
  }

  nodes(): string[] {
    return this.names.slice();
  }

  checkInvariants(): void {
    invariant(this.weights.length === this.names.length, 'weights.length === names.length');
    invariant(this.seeds.length === this.names.length, 'seeds.length === names.length');
    invariant(new Set(this.names).size === this.names.length, 'node names are distinct');
  }
}
