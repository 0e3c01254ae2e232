/**
 * Binary search within one node's key array. Both functions take the array and the
 * comparator as arguments (no closures, no allocation) so a lookup allocates nothing.
 */

export type Compare<K> = (a: K, b: K) => number;

// In all three searches lo <= mid < hi <= keys.length, so `keys[mid]!` is in range.

/**
 * Which child of an internal node may hold `key`: the number of separators <= key.
 * With separators s[0..n-1], child i holds the keys in [s[i-1], s[i]).
 * Complexity: O(log n) compares.
 */
export function childIndex<K>(separators: readonly K[], key: K, compare: Compare<K>): number {
  let lo = 0;
  let hi = separators.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(separators[mid]!, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where `key` is in a leaf: its index when present, otherwise `~insertionIndex` (a
 * negative number). A three-way search that stops on equality: a hit costs no extra
 * compare to confirm the match, as a plain lower-bound search would.
 * Complexity: O(log n) compares.
 */
export function leafIndexOf<K>(keys: readonly K[], key: K, compare: Compare<K>): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(keys[mid]!, key);
    if (order < 0) lo = mid + 1;
    else if (order > 0) hi = mid;
    else return mid;
  }
  return ~lo;
}

/** The first index whose key is >= `key` (keys.length if none). Complexity: O(log n). */
export function lowerBound<K>(keys: readonly K[], key: K, compare: Compare<K>): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(keys[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
