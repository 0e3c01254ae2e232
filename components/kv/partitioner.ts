import { ComponentError } from '../errors';
import type { HashRing } from '../ring/hash-ring';

/**
 * Where keys live: a partitioner maps each key to its preference list, the distinct
 * nodes that hold its copies in order (the first `replication` are its replicas; the
 * rest, in the same order, are the fallbacks a sloppy quorum uses).
 *
 * Partitioners are values: `withNode` and `withoutNode` return a new partitioner and
 * leave this one as it was, so a membership change can hold the old and the new
 * placement side by side while data streams (see `KvMembership`).
 */
export interface Partitioner {
  /** Scenario name of the algorithm: 'ring' or 'bounded-load'. */
  readonly name: string;
  /** Node names in the order they were added. */
  nodes(): string[];
  /**
   * The first `count` distinct nodes for `key`, in preference order. `count` is an
   * integer in [1, node count]. The result must not be modified.
   */
  preferenceList(key: string, count: number): readonly string[];
  /** This placement with `node` added. Throws if it is already a member. */
  withNode(node: string): Partitioner;
  /** This placement without `node`. Throws if it is not a member. */
  withoutNode(node: string): Partitioner;
  /** The consistent-hash ring the placement walks, if it uses one (read-only: for views). */
  readonly ring?: HashRing;
  /** Throws if an internal invariant does not hold; tests call it after every change. */
  checkInvariants(): void;
}

/** Throws unless `count` is an integer in [1, nodeCount]. */
export function checkCount(name: string, count: number, nodeCount: number): void {
  if (!(Number.isInteger(count) && count >= 1 && count <= nodeCount)) {
    throw new ComponentError(
      'argument.out-of-range',
      `kv: ${name} preference list needs a count in [1, ${nodeCount}] (the node count), got ${count}`,
    );
  }
}
