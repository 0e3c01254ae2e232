import { invariantError } from '../errors';
import type { MemberDirectory } from './member-directory';
import { entryState, isDeadOrLeft, stateUnknown } from './member-state';
import type { BaselineView, SharedBaseline } from './shared-baseline';

/**
 * A frozen copy of a view for a push-pull message: the baseline array it was built on
 * (never mutated, see SharedBaseline) plus its overrides. O(overrides) to take.
 */
export interface ViewSnapshot {
  readonly directory: MemberDirectory;
  /** Baseline entries at snapshot time, or null for a view without a baseline. */
  readonly base: Float64Array | null;
  /** Override indexes and their packed entries, parallel arrays. */
  readonly indexes: Int32Array;
  readonly entries: Float64Array;
  /** Known (not unknown) entries: what the encoded message would list. */
  readonly knownCount: number;
}

/** Packed entry of `index` in `snapshot`. O(overrides) — callers iterate instead where it matters. */
export function snapshotEntry(snapshot: ViewSnapshot, index: number): number {
  for (let i = 0; i < snapshot.indexes.length; i++) if (snapshot.indexes[i] === index) return snapshot.entries[i]!;
  const base = snapshot.base;
  return base !== null && index < base.length ? base[index]! : stateUnknown;
}

/**
 * One member's view of the membership: a packed (state, incarnation) entry per directory
 * index, stored as the shared baseline plus this view's overrides.
 *
 * Invariants (checkInvariants): an override exists only where it differs from the
 * baseline; `knownCount` equals the number of entries that are not unknown; an entry is
 * dead or left exactly when it has a `deadSinceMs` timestamp.
 *
 * Cost: get/set O(1); memory O(differences from the baseline), or O(known members)
 * without one.
 */
export class MembershipView implements BaselineView {
  /** index → packed entry, only where it differs from the baseline. */
  private readonly overrides = new Map<number, number>();
  /** index → when the entry became dead or left (ms), for reaping and gossip to the dead. */
  private readonly deadSinceMs = new Map<number, number>();
  private baseline: SharedBaseline | null = null;
  /** Entries that are not unknown (memberlist's numNodes: includes dead not yet reaped). */
  knownCount = 0;
  /**
   * overrides.size, kept on this object so that `entry` on a view without overrides (most
   * views, most of the time) touches neither the Map nor its table: two cache misses each
   * at 10,000 members.
   */
  private ownCount = 0;

  constructor(readonly directory: MemberDirectory, baseline: SharedBaseline | null = null) {
    if (baseline !== null) {
      this.attach(baseline);
      this.knownCount = baseline.knownCount;
    }
  }

  /** Number of indexes a scan must cover. */
  get domainSize(): number {
    return this.directory.size;
  }

  /** Overrides held (the memory this view costs beyond the baseline). */
  get overrideCount(): number {
    return this.overrides.size;
  }

  get attached(): boolean {
    return this.baseline !== null;
  }

  /** Packed entry of `index` (stateUnknown if never heard of). */
  entry(index: number): number {
    if (this.ownCount > 0) {
      const own = this.overrides.get(index);
      if (own !== undefined) return own;
    }
    return this.baseline === null ? stateUnknown : this.baseline.entry(index);
  }

  /** State code of `index`. */
  state(index: number): number {
    return entryState(this.entry(index));
  }

  /** When `index` became dead or left, or undefined. */
  deadSince(index: number): number | undefined {
    return this.deadSinceMs.get(index);
  }

  hasDeadSince(index: number): boolean {
    return this.deadSinceMs.has(index);
  }

  /** Dead and left entries with their timestamps (for reaping). */
  deadEntries(): IterableIterator<[number, number]> {
    return this.deadSinceMs.entries();
  }

  /** Sets the entry of `index` to `packed` at time `nowMs`. O(1). */
  set(index: number, packed: number, nowMs: number): void {
    const old = this.entry(index);
    if (old === packed) return;
    const base = this.baseline === null ? stateUnknown : this.baseline.entry(index);
    if (packed === base) {
      this.overrides.delete(index);
    } else {
      this.overrides.set(index, packed);
      this.baseline?.noteOverride(index);
    }
    this.ownCount = this.overrides.size;
    if (old === stateUnknown) this.knownCount++;
    if (packed === stateUnknown) this.knownCount--;
    const state = entryState(packed);
    if (!isDeadOrLeft(state)) this.deadSinceMs.delete(index);
    else if (!isDeadOrLeft(entryState(old))) this.deadSinceMs.set(index, nowMs);
  }

  dropOverride(index: number): void {
    this.overrides.delete(index);
    this.ownCount = this.overrides.size;
  }

  /**
   * Moves this view onto `baseline`, keeping every logical entry: afterwards it stores only
   * where it differs. O(directory size). Used after a joiner has pulled the full state.
   */
  rebase(baseline: SharedBaseline): void {
    if (this.baseline === baseline) return;
    const size = this.directory.size;
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) values[i] = this.entry(i);
    this.detach();
    this.overrides.clear();
    this.attach(baseline);
    for (let i = 0; i < size; i++) {
      if (values[i] !== baseline.entry(i)) this.overrides.set(i, values[i]!);
    }
    this.ownCount = this.overrides.size;
  }

  /** Stops sharing: the baseline forgets this view (call when the member stops). */
  detach(): void {
    if (this.baseline === null) return;
    // Materialise the baseline entries so that the logical view survives detaching.
    const size = this.directory.size;
    for (let i = 0; i < size; i++) {
      const own = this.overrides.get(i);
      if (own === stateUnknown) this.overrides.delete(i);
      else if (own === undefined && this.baseline.entry(i) !== stateUnknown) this.overrides.set(i, this.baseline.entry(i));
    }
    this.baseline.detach(this);
    this.baseline = null;
    this.ownCount = this.overrides.size;
  }

  private attach(baseline: SharedBaseline): void {
    this.baseline = baseline;
    baseline.attach(this);
  }

  /** Releases the baseline without keeping the entries (the member is gone). */
  dispose(): void {
    this.baseline?.detach(this);
    this.baseline = null;
    this.overrides.clear();
    this.deadSinceMs.clear();
    this.knownCount = 0;
    this.ownCount = 0;
  }

  /** A frozen copy for a push-pull message. O(overrides). */
  snapshot(): ViewSnapshot {
    const indexes = new Int32Array(this.overrides.size);
    const entries = new Float64Array(this.overrides.size);
    let i = 0;
    for (const [index, packed] of this.overrides) {
      indexes[i] = index;
      entries[i] = packed;
      i++;
    }
    const base = this.baseline === null ? null : this.baseline.entries;
    return { directory: this.directory, base, indexes, entries, knownCount: this.knownCount };
  }

  /** The baseline array this view reads, or null. */
  get baseEntries(): Float64Array | null {
    return this.baseline === null ? null : this.baseline.entries;
  }

  /** Indexes where this view differs from its baseline (a copy). */
  overrideIndexes(): number[] {
    return [...this.overrides.keys()];
  }

  /** Throws if an invariant does not hold. O(directory size). */
  checkInvariants(): void {
    let known = 0;
    for (let i = 0; i < this.directory.size; i++) {
      const packed = this.entry(i);
      if (packed !== stateUnknown) known++;
      if (isDeadOrLeft(entryState(packed)) !== this.deadSinceMs.has(i)) {
        throw invariantError(
          'gossip.invariant-violated',
          `gossip: invariant violated: view entry ${i} dead/left without timestamp, or the reverse`,
        );
      }
    }
    if (this.ownCount !== this.overrides.size) {
      throw invariantError(
        'gossip.invariant-violated',
        `gossip: invariant violated: view ownCount ${this.ownCount} but ${this.overrides.size} overrides`,
      );
    }
    if (known !== this.knownCount) {
      throw invariantError('gossip.invariant-violated', `gossip: invariant violated: view knownCount ${this.knownCount}, counted ${known}`);
    }
    if (this.baseline === null) {
      for (const [index, packed] of this.overrides) {
        if (packed === stateUnknown) {
          throw invariantError('gossip.invariant-violated', `gossip: invariant violated: unknown override ${index} without baseline`);
        }
      }
      return;
    }
    for (const [index, packed] of this.overrides) {
      if (packed === this.baseline.entry(index)) {
        throw invariantError('gossip.invariant-violated', `gossip: invariant violated: override ${index} equals the baseline`);
      }
    }
  }
}
