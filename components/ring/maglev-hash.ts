import { ringDefaults } from './defaults';
import { buildMaglevTable, checkTableSize, maglevBackend } from './maglev-table';
import { murmur3String } from './murmur3';
import type { Placement, StringHash } from './placement';
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
 * Maglev hashing as a Placement: a key goes to table[hash(key) mod M].
 *
 * Backends enter the table build sorted by name (as Envoy sorts hosts), so the table
 * depends only on the set of nodes and weights, not on the order of `add` calls. The
 * table is rebuilt lazily on the first lookup after a change: O(M log M).
 *
 * Maglev trades a little disruption for perfect balance: with equal weights every
 * backend owns ⌊M/N⌋ or ⌈M/N⌉ slots, but a change of backends can also move a few
 * slots between backends that stayed (the paper, §3.4 and Figure 13: with M ≫ N,
 * about 1–2% of slots).
 */
export interface MaglevHashOptions {
  /**
   * M, the lookup table size: a prime, ideally more than 100 × the node count (paper
   * §3.4) so shares stay within 1%. Memory 4 bytes per slot; build time grows with M.
   * Default 65,537 (paper, Envoy); at most 5,000,011 (Envoy's limit).
   */
  readonly tableSize?: number;
  /** Seeded 32-bit string hash for keys (seed 0) and backends (seeds 0, 1). Must honour `seed`. */
  readonly hash?: StringHash;
}

export class MaglevHash implements Placement {
  readonly name = 'maglev';
  readonly tableSize: number;
  private readonly hash: StringHash;
  /** Weight of every node, in the order added. */
  private readonly members = new Map<string, number>();
  /** Node names sorted, as indexed by `table`; rebuilt with it. */
  private sortedNames: string[] = [];
  /** Slot → index into sortedNames; empty while stale (after add/remove). */
  private table: Int32Array = new Int32Array(0);

  constructor(opts: MaglevHashOptions = {}) {
    this.tableSize = opts.tableSize ?? ringDefaults.maglevTableSize;
    checkTableSize(this.tableSize);
    this.hash = checkedHash(opts.hash, murmur3String);
  }

  /** Adds `node` with relative `weight` (default 1); the table is rebuilt on next lookup. */
  add(node: string, weight = 1): void {
    checkNodeName(node);
    if (this.members.has(node)) throw duplicateNodeError(this.name, node);
    checkWeight(node, weight);
    this.members.set(node, weight);
    this.table = new Int32Array(0);
  }

  /** Removes `node`; the table is rebuilt on next lookup. */
  remove(node: string): void {
    if (!this.members.delete(node)) throw unknownNodeError(this.name, node);
    this.table = new Int32Array(0);
  }

  /** The owner of `key`: O(1) once the table is built. */
  lookup(key: string): string {
    if (this.members.size === 0) throw emptyError(this.name, key);
    if (this.table.length === 0) this.rebuild();
    return this.sortedNames[this.table[this.hash(key, 0) % this.tableSize]!]!;
  }

  /** Owner name of every slot, slot order (a copy; M strings). Empty without nodes. */
  slotOwners(): string[] {
    if (this.members.size === 0) return [];
    if (this.table.length === 0) this.rebuild();
    return Array.from(this.table, (index) => this.sortedNames[index]!);
  }

  nodes(): string[] {
    return [...this.members.keys()];
  }

  /** Throws unless the table is full, in range, and gives each node at least one slot when N ≤ M. */
  checkInvariants(): void {
    if (this.members.size === 0 || this.table.length === 0) return;
    invariant(this.table.length === this.tableSize, `table has ${this.tableSize} slots`);
    invariant(this.sortedNames.length === this.members.size, 'sortedNames matches members');
    const counts = new Int32Array(this.sortedNames.length);
    for (const index of this.table) {
      invariant(index >= 0 && index < this.sortedNames.length, `slot owner ${index} in range`);
      counts[index]!++; // the invariant above checked index
    }
    if (this.sortedNames.length <= this.tableSize) {
      for (let i = 0; i < counts.length; i++) invariant(counts[i]! > 0, `node "${this.sortedNames[i]}" owns a slot`);
    }
  }

  private rebuild(): void {
    this.sortedNames = [...this.members.keys()].sort();
    const backends = this.sortedNames.map((name) =>
      maglevBackend(name, this.tableSize, this.hash, this.members.get(name)),
    );
    this.table = buildMaglevTable(backends, this.tableSize);
  }
}
