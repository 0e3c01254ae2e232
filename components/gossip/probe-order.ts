import type { Rng } from '../../sim/env';

/**
 * memberlist's probe order: round-robin over a shuffled list of members, reshuffled after
 * each full pass, with a member learned mid-pass inserted at a random position.
 *
 * Storing that list per member costs n integers each, 400 MB at n = 10,000, so the shuffle
 * is implicit: position p of a pass maps to the directory index π(p), where π is a
 * pseudo-random permutation of [0, domain) (a 4-round Feistel network on ⌈log2 domain⌉
 * bits, rounded up to even, with cycle walking) keyed by four fresh 32-bit words from the
 * member's stream at each pass. Memory is O(1) plus the few positions displaced by
 * mid-pass insertions; each position costs a few multiplications (cycle walking visits
 * fewer than 4 values on average).
 *
 * Indexes below the domain that are unknown, dead or self are returned anyway and skipped
 * by the caller, as memberlist skips dead nodes and itself without spending a period.
 * Because π puts a newly learned index at a uniformly random position, it behaves as
 * memberlist's random insertion. Indexes interned after the pass began (>= domain) are
 * inserted memberlist's way: appended and swapped with a uniformly random position.
 */
export class ProbeOrder {
  /** Size of the permuted index space for this pass. */
  private domain = 0;
  /** Positions in this pass: domain plus mid-pass insertions. */
  private length = 0;
  private position = 0;
  private halfBits = 1;
  /** Round keys as fields, not an Int32Array: one object fewer to touch per probe. */
  private key0 = 0;
  private key1 = 0;
  private key2 = 0;
  private key3 = 0;
  /** Positions whose index was changed by an insertion (usually none: checked by size first). */
  private readonly moved = new Map<number, number>();
  private movedCount = 0;
  /** Passes started so far. */
  passes = 0;

  constructor(private readonly rng: Rng) {}

  /** True when every position of the pass has been visited. */
  get passDone(): boolean {
    return this.position >= this.length;
  }

  /** Positions in the current pass. */
  get passLength(): number {
    return this.length;
  }

  /** Starts a new pass over [0, domain) with a fresh permutation. */
  reset(domain: number): void {
    this.domain = domain;
    this.length = domain;
    this.position = 0;
    if (this.movedCount > 0) this.moved.clear();
    this.movedCount = 0;
    let bits = 2;
    while (1 << bits < domain) bits += 2;
    this.halfBits = bits / 2;
    this.key0 = this.randomWord();
    this.key1 = this.randomWord();
    this.key2 = this.randomWord();
    this.key3 = this.randomWord();
    this.passes++;
  }

  /** The index at the next position, advancing; -1 when the pass is done. */
  next(): number {
    if (this.position >= this.length) return -1;
    return this.at(this.position++);
  }

  /**
   * Adds `index` to the current pass if the pass cannot already reach it (interned after
   * the pass began). memberlist: append, then swap with a uniformly random position.
   */
  insert(index: number): void {
    if (index < this.domain) return;
    const length = this.length;
    if (length === 0) {
      this.moved.set(0, index);
      this.movedCount = this.moved.size;
      this.length = 1;
      return;
    }
    const offset = this.rng.int(length);
    this.moved.set(length, this.at(offset));
    this.moved.set(offset, index);
    this.movedCount = this.moved.size;
    this.length = length + 1;
  }

  /** Index at `position` of the current pass. */
  at(position: number): number {
    if (this.movedCount > 0) {
      const moved = this.moved.get(position);
      if (moved !== undefined) return moved;
    }
    let x = position;
    do x = this.feistel(x);
    while (x >= this.domain);
    return x;
  }

  private feistel(x: number): number {
    const half = this.halfBits;
    const mask = (1 << half) - 1;
    let left = x >>> half;
    let right = x & mask;
    left ^= mix32(right ^ this.key0) & mask;
    right ^= mix32(left ^ this.key1) & mask;
    left ^= mix32(right ^ this.key2) & mask;
    right ^= mix32(left ^ this.key3) & mask;
    return (left << half) | right;
  }

  private randomWord(): number {
    return Math.floor(this.rng.next() * 0x100000000) | 0;
  }
}

/** MurmurHash3's 32-bit finaliser: a fast bijective mix. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
