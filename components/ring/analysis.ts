import { RingError } from './ring-error';

/**
 * Measurements of a placement over a deterministic key set "key-0", "key-1", ...:
 * load per node, balance statistics and key movement between two placements. Used by
 * the tests, the docs tables (scripts/ring-tables.ts) and the benchmark.
 */

/** Any key → node function: `placement.lookup.bind(placement)` or a closure. */
export type Lookup = (key: string) => string;

/** The i-th analysis key: `key-${index}`. */
export function analysisKey(index: number): string {
  return `key-${index}`;
}

/**
 * Keys per node over keys key-0 … key-(keyCount−1). Nodes in `nodes` appear even with no
 * keys (a node that gets nothing is the worst imbalance, so it must count). O(keyCount).
 */
export function loadCounts(lookup: Lookup, keyCount: number, nodes: readonly string[] = []): Map<string, number> {
  checkKeyCount(keyCount);
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node, 0);
  for (let i = 0; i < keyCount; i++) {
    const node = lookup(analysisKey(i));
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/** Fraction of keys per node (sums to 1): loadCounts / keyCount. */
export function loadShares(lookup: Lookup, keyCount: number, nodes: readonly string[] = []): Map<string, number> {
  const shares = loadCounts(lookup, keyCount, nodes);
  for (const [node, count] of shares) shares.set(node, count / keyCount);
  return shares;
}

/** Balance of a set of loads; every ratio is relative to the mean load. */
export interface LoadStats {
  readonly mean: number;
  /** Heaviest load / mean: 1 is perfect; what capacity planning must provision for. */
  readonly maxOverMean: number;
  /** Lightest load / mean. */
  readonly minOverMean: number;
  /** Population standard deviation / mean (coefficient of variation). */
  readonly stdOverMean: number;
}

/** Mean, max/mean, min/mean and std/mean of `loads` (counts or shares). O(n). */
export function loadStats(loads: Iterable<number>): LoadStats {
  const values = [...loads];
  if (values.length === 0) throw new RingError('argument.empty', 'analysis: loadStats needs at least one load, got none');
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (const value of values) {
    sum += value;
    max = Math.max(max, value);
    min = Math.min(min, value);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, maxOverMean: max / mean, minOverMean: min / mean, stdOverMean: Math.sqrt(squares / values.length) / mean };
}

/** Which keys changed owner between two placements, and where they came from and went. */
export interface KeyMovement {
  readonly keyCount: number;
  readonly movedCount: number;
  /** movedCount / keyCount. */
  readonly movedFraction: number;
  /** Moved keys by their old owner. */
  readonly from: Map<string, number>;
  /** Moved keys by their new owner. */
  readonly to: Map<string, number>;
}

/** Compares `before` and `after` on keys key-0 … key-(keyCount−1). O(keyCount). */
export function keyMovement(before: Lookup, after: Lookup, keyCount: number): KeyMovement {
  checkKeyCount(keyCount);
  const from = new Map<string, number>();
  const to = new Map<string, number>();
  let movedCount = 0;
  for (let i = 0; i < keyCount; i++) {
    const key = analysisKey(i);
    const oldOwner = before(key);
    const newOwner = after(key);
    if (oldOwner === newOwner) continue;
    movedCount++;
    from.set(oldOwner, (from.get(oldOwner) ?? 0) + 1);
    to.set(newOwner, (to.get(newOwner) ?? 0) + 1);
  }
  return { keyCount, movedCount, movedFraction: movedCount / keyCount, from, to };
}

/** Fraction of keys key-0 … key-(keyCount−1) whose owner differs between the two lookups. */
export function movedFraction(before: Lookup, after: Lookup, keyCount: number): number {
  return keyMovement(before, after, keyCount).movedFraction;
}

function checkKeyCount(keyCount: number): void {
  if (!(Number.isInteger(keyCount) && keyCount >= 1 && keyCount <= 1e9)) {
    throw new RingError('argument.out-of-range', `analysis: keyCount must be an integer in [1, 1e9], got ${keyCount}`);
  }
}
