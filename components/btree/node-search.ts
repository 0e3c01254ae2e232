/**
 * Binary search within one node: an internal node's separators, or a leaf's interleaved
 * entries. Each takes the array and the comparator as arguments (no closures, no
 * allocation) so a lookup allocates nothing.
 */

export type Compare<K> = (a: K, b: K) => number;

// In childIndex lo <= mid < hi <= separators.length, so `separators[mid]!` is in range; in
// the leaf searches mid < hi <= entries.length / 2, so entries[2 * mid] is a key.

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
 * Where `key` is in a leaf's interleaved entries ([k0, v0, k1, v1, ...], keys at even
 * indexes): its entry index when present, otherwise `~insertionIndex` (a negative
 * number); entry i sits at entries[2i]. A three-way search that stops on equality: a hit
 * costs no extra compare to confirm the match, as a plain lower-bound search would.
 * Complexity: O(log n) compares.
 */
export function leafIndexOf<K>(entries: readonly unknown[], key: K, compare: Compare<K>): number {
  let lo = 0;
  let hi = entries.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(entries[2 * mid] as K, key);
    if (order < 0) lo = mid + 1;
    else if (order > 0) hi = mid;
    else return mid;
  }
  return ~lo;
}

/** The first entry index of a leaf's interleaved entries whose key is >= `key` (the entry count if none). O(log n). */
export function leafLowerBound<K>(entries: readonly unknown[], key: K, compare: Compare<K>): number {
  let lo = 0;
  let hi = entries.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(entries[2 * mid] as K, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
