import { ComponentError, numericOptionCode } from '../errors';
import type { Partitioner } from './partitioner';

/**
 * The view of the cluster that coordinators and stores share: which nodes hold which
 * keys, and, during a membership change, both the old and the new placement.
 *
 * A change goes in two steps, as a bootstrapping Cassandra node's pending ranges do:
 * `begin(next)` makes writes go to the old and the new preference lists of each key
 * (a write needs W acknowledgements in each) while reads stay on the old lists, whose
 * nodes still hold every key; the nodes that lose copies stream them to the nodes that
 * gain them; `commit()` then switches reads to the new lists. No quorum read can miss an
 * acknowledged write at any point: the old lists are complete until the commit, and by
 * then every gained copy has been streamed or written directly.
 *
 * In the simulator one instance serves every node of a service (a converged membership
 * view, as after gossip settles); a live deployment keeps one per process.
 */
export class KvMembership {
  private current: Partitioner;
  private next: Partitioner | undefined = undefined;

  /**
   * @param partitioner the initial placement
   * @param replication copies per key, N; integer in [1, node count]
   */
  constructor(partitioner: Partitioner, readonly replication: number) {
    checkReplication(replication, partitioner);
    this.current = partitioner;
  }

  /** True between `begin` and `commit`. */
  get changing(): boolean {
    return this.next !== undefined;
  }

  /** The placement reads use: the old one while a change is in progress. */
  get partitioner(): Partitioner {
    return this.current;
  }

  /** The placement being moved to, if a change is in progress. */
  get pending(): Partitioner | undefined {
    return this.next;
  }

  /** Members of the read placement, in the order added. */
  nodes(): string[] {
    return this.current.nodes();
  }

  /** The N replicas a read asks. */
  readList(key: string): readonly string[] {
    return this.current.preferenceList(key, this.replication);
  }

  /** The lists a write must reach W of: the current one, plus the next one during a change. */
  writeLists(key: string): readonly (readonly string[])[] {
    const first = this.readList(key);
    return this.next === undefined ? [first] : [first, this.next.preferenceList(key, this.replication)];
  }

  /** Every member in preference order for `key` (of the next placement during a change): fallbacks come from here. */
  fallbackOrder(key: string): readonly string[] {
    const placement = this.next ?? this.current;
    return placement.preferenceList(key, placement.nodes().length);
  }

  /**
   * During a change, the node `node` must stream `key` to, or undefined: the losers of
   * the key (in the old list, not the new) are paired in list order with its gainers, so
   * each gained copy has one source. For a ring there is at most one of each.
   */
  transferTarget(key: string, node: string): string | undefined {
    if (this.next === undefined) return undefined;
    const before = this.current.preferenceList(key, this.replication);
    const index = before.indexOf(node);
    if (index < 0) return undefined;
    const after = this.next.preferenceList(key, this.replication);
    if (after.includes(node)) return undefined;
    const losers = before.filter((n) => !after.includes(n));
    const gainers = after.filter((n) => !before.includes(n));
    return gainers[losers.indexOf(node)];
  }

  /** Whether `node` holds a copy of `key` under the read placement. */
  owns(node: string, key: string): boolean {
    return this.readList(key).includes(node);
  }

  /** Start moving to `next`. Throws if a change is already in progress. */
  begin(next: Partitioner): void {
    if (this.next !== undefined) {
      throw new ComponentError('kv.change-in-progress', 'kv: a membership change is already in progress; commit it first');
    }
    checkReplication(this.replication, next);
    this.next = next;
  }

  /** Finish the change: reads and writes use the new placement only. */
  commit(): void {
    if (this.next === undefined) throw new ComponentError('kv.no-change-in-progress', 'kv: commit without a membership change in progress');
    this.current = this.next;
    this.next = undefined;
  }
}

function checkReplication(replication: number, partitioner: Partitioner): void {
  const count = partitioner.nodes().length;
  if (!(Number.isInteger(replication) && replication >= 1 && replication <= count)) {
    throw new ComponentError(
      numericOptionCode(replication),
      `kv: replication must be an integer in [1, ${count}] (the node count), got ${replication}`,
    );
  }
}
