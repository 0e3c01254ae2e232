/**
 * What every placement algorithm in this module offers: a set of named nodes (servers,
 * shards, hosts) and a deterministic map from any key to one of them.
 *
 * Implemented by HashRing, JumpHash, RendezvousHash, MaglevHash and BoundedLoadRing, so
 * analysis code and scenarios can swap one for another. The answer of `lookup` depends
 * only on the set of nodes and their weights (not on the order of `add` calls), except
 * for JumpHash, whose buckets are the nodes in the order they were added.
 */
export interface Placement {
  /** Short algorithm name, for tables and traces: 'ring', 'jump', 'rendezvous', ... */
  readonly name: string;
  /** Adds a node with a relative `weight` (default 1). Throws if the node exists. */
  add(node: string, weight?: number): void;
  /** Removes a node. Throws if the node is unknown. */
  remove(node: string): void;
  /** The node that owns `key`. Throws when there are no nodes. */
  lookup(key: string): string;
  /** Node names in the order they were added. */
  nodes(): string[];
  /** Throws if an internal invariant does not hold; tests call it after every change. */
  checkInvariants(): void;
}

/**
 * A fixed 32-bit string hash. Must be deterministic and return an unsigned integer in
 * [0, 2^32). Algorithms that need several independent hashes of one string (Maglev's
 * offset and skip, jump hash's 64-bit key, rendezvous scores) pass different seeds, so
 * a custom hash must honour `seed`. The default is `murmur3String`.
 */
export type StringHash = (key: string, seed?: number) => number;
