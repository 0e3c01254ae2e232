/** Keys the default comparator can order. */
import { ComponentError } from '../errors';
export type DefaultKey = number | string | bigint;

/**
 * The default key order: numbers, strings or bigints compared with `<` and `>`.
 *
 * A comparator that calls two distinct keys equal silently corrupts a search tree, so the
 * third branch checks `===` and throws for NaN and for mixed types ('1' vs 1), which
 * `<` and `>` cannot order. The check runs only when neither `<` nor `>` holds, that is
 * once per successful lookup, so ordinary compares pay nothing for it.
 */
export function defaultCompare(a: DefaultKey, b: DefaultKey): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  throw new ComponentError(
    'btree.incomparable-keys',
    `btree: default compare cannot order ${describeKey(a)} and ${describeKey(b)}; ` +
      'use numbers (not NaN), strings or bigints of one type, or pass opts.compare',
  );
}

function describeKey(key: unknown): string {
  return typeof key === 'string' ? JSON.stringify(key) : `${String(key)} (${typeof key})`;
}
