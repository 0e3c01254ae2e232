import type { Address } from '../../sim/env';
import type { MemberDirectory } from './member-directory';
import { packEntry, stateAlive, stateUnknown } from './member-state';

/** What a baseline needs of the views built on it (implemented by MembershipView). */
export interface BaselineView {
  /** The view's packed entry for `index`. */
  entry(index: number): number;
  /** True while the view holds a dead or left entry for `index` not yet reaped (it has a timestamp). */
  hasDeadSince(index: number): boolean;
  /** Forget the override for `index` (the baseline now says the same). */
  dropOverride(index: number): void;
}

/**
 * The "agreed" membership table that many views share: each view stores only the entries
 * where it differs from this baseline (a sparse override map), so a cluster of n members
 * that mostly agree costs O(n) plus the differences instead of n² entries.
 *
 * This is storage sharing only: each member's logical view stays its own, and nothing here
 * changes what any member sees. `compact` promotes an entry into the baseline when every
 * attached view holds the same value for it, then drops those overrides; the logical views
 * are unchanged. The entries array is copy-on-write: a promotion installs a new array, so
 * a push-pull snapshot that holds the old one stays valid.
 */
export class SharedBaseline {
  /** Packed entry per directory index; indexes beyond the end are unknown. Never mutated in place. */
  entries: Float64Array;
  /** Number of entries that are not unknown. */
  knownCount: number;
  /** Promotions so far (each replaces `entries`). */
  promotions = 0;
  private readonly views = new Set<BaselineView>();
  /** Indexes whose overrides changed since they were last found not promotable. */
  private readonly candidates = new Set<number>();
  private overridesSinceCompaction = 0;

  /**
   * @param entries packed entries per directory index (taken, not copied)
   * @param compactEvery overrides created between compactions (amortises the O(views) check)
   */
  constructor(
    readonly directory: MemberDirectory,
    entries: Float64Array,
    private readonly compactEvery = 4096,
  ) {
    this.entries = entries;
    this.knownCount = 0;
    for (let i = 0; i < entries.length; i++) if (entries[i] !== stateUnknown) this.knownCount++;
  }

  /** A baseline in which `addresses` are all alive at `incarnation` (a converged cluster). */
  static agreed(directory: MemberDirectory, addresses: readonly Address[], incarnation = 1): SharedBaseline {
    for (const address of addresses) directory.intern(address);
    const entries = new Float64Array(directory.size);
    for (const address of addresses) entries[directory.indexOf(address)] = packEntry(stateAlive, incarnation);
    return new SharedBaseline(directory, entries);
  }

  /** Number of views currently built on this baseline. */
  get viewCount(): number {
    return this.views.size;
  }

  /** The baseline entry of `index`. */
  entry(index: number): number {
    return index < this.entries.length ? this.entries[index]! : stateUnknown;
  }

  attach(view: BaselineView): void {
    this.views.add(view);
  }

  detach(view: BaselineView): void {
    this.views.delete(view);
  }

  /** A view set an override for `index`; compacts every `compactEvery` such calls. */
  noteOverride(index: number): void {
    this.candidates.add(index);
    if (++this.overridesSinceCompaction >= Math.max(this.compactEvery, this.views.size)) this.compact();
  }

  /**
   * Promotes every candidate entry on which all attached views agree (and none still holds
   * a dead timestamp for it). O(candidates × views). Returns the number promoted.
   */
  compact(): number {
    this.overridesSinceCompaction = 0;
    const promoted: [number, number][] = [];
    for (const index of this.candidates) {
      const value = this.agreedValue(index);
      if (value !== undefined && value !== this.entry(index)) promoted.push([index, value]);
    }
    this.candidates.clear();
    if (promoted.length === 0) return 0;
    let size = this.entries.length;
    for (const [index] of promoted) size = Math.max(size, index + 1);
    const entries = new Float64Array(size);
    entries.set(this.entries);
    for (const [index, value] of promoted) {
      if (entries[index] === stateUnknown) this.knownCount++;
      if (value === stateUnknown) this.knownCount--;
      entries[index] = value;
    }
    // Drop overrides before installing: each view's logical value is `value` either way.
    for (const view of this.views) for (const [index] of promoted) view.dropOverride(index);
    this.entries = entries;
    this.promotions++;
    return promoted.length;
  }

  /** The value every view holds for `index`, or undefined if they differ or one is pending reaping. */
  private agreedValue(index: number): number | undefined {
    let value: number | undefined;
    for (const view of this.views) {
      if (view.hasDeadSince(index)) return undefined;
      const entry = view.entry(index);
      if (value === undefined) value = entry;
      else if (entry !== value) return undefined;
    }
    return value;
  }
}
