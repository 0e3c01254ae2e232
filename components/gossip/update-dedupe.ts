import type { MemberDirectory } from './member-directory';
import type { Update } from './update';

/** The members (directory indexes) that have applied one record. */
class AppliedSet {
  /** The first few appliers, while there are few: most records reach only 20-odd members. */
  private readonly few = new Int32Array(8);
  private count = 0;
  /** One bit per directory index, once more than `few.length` members applied the record. */
  private bits: Uint8Array | null = null;

  has(index: number): boolean {
    const bits = this.bits;
    if (bits !== null) return index >> 3 < bits.length && (bits[index >> 3]! & (1 << (index & 7))) !== 0;
    for (let i = 0; i < this.count; i++) if (this.few[i] === index) return true;
    return false;
  }

  add(index: number, directorySize: number): void {
    if (this.bits === null && this.count < this.few.length) {
      this.few[this.count++] = index;
      return;
    }
    if (this.bits === null) {
      this.bits = new Uint8Array((directorySize >> 3) + 1);
      for (let i = 0; i < this.count; i++) this.set(this.few[i]!);
    }
    this.set(index);
  }

  private set(index: number): void {
    let bits = this.bits!;
    if (index >> 3 >= bits.length) {
      const grown = new Uint8Array(Math.max(bits.length * 2, (index >> 3) + 1));
      grown.set(bits);
      this.bits = bits = grown;
    }
    bits[index >> 3]! |= 1 << (index & 7);
  }
}

/**
 * Remembers which members of a simulated cluster have applied which update records, so
 * that a member skips a record it has already applied. Performance only.
 *
 * Why: at 10,000 members each update reaches every member about 20 times (its retransmit
 * limit), and 19 of those are duplicates. Checking a duplicate against the member's own
 * state touches half a dozen of that member's objects, cache misses at this scale (measured
 * 650 ns per duplicate); one bit in a shared, hot bitset costs one lookup.
 *
 * When is skipping exact? A record is remembered only once its subject is known to the
 * member after applying it. From then on a second application is a no-op in memberlist's
 * rules: incarnations only grow, dead and left are final for an incarnation, a suspicion
 * counts each accuser once, a user event is delivered once. Two cases differ, both rare
 * and both for the better: a member that reaped a dead member (after gossipToTheDead) and
 * re-learned it from a stale alive ignores an old copy of a record it had applied (where
 * memberlist's "zombie" could be re-suspected), and a user event that fell out of the
 * member's bounded log is not delivered twice (serf also drops events older than its
 * buffer). Records carry no random draws, so runs with and without it are otherwise
 * identical (a test checks this).
 *
 * Members must share `directory`: the indexes are its indexes. Memory: about 100 B per
 * record applied by up to 8 members, n/8 bytes beyond; freed with the record (WeakMap).
 */
export class UpdateDedupe {
  private readonly applied = new WeakMap<Update, AppliedSet>();

  constructor(readonly directory: MemberDirectory) {}

  /** Whether member `index` has applied `update`. */
  has(update: Update, index: number): boolean {
    const set = this.applied.get(update);
    return set !== undefined && set.has(index);
  }

  /** Member `index` has applied `update`. */
  add(update: Update, index: number): void {
    let set = this.applied.get(update);
    if (set === undefined) {
      set = new AppliedSet();
      this.applied.set(update, set);
    }
    set.add(index, this.directory.size);
  }
}
