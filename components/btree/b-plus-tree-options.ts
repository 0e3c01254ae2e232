import { ComponentError, numericOptionCode } from '../errors';
import type { Compare } from './node-search';

/** Options of a BPlusTree. Absent fields take their value from `bPlusTreeDefaults`. */
export interface BPlusTreeOptions<K> {
  /**
   * The order m: the maximum number of children of an internal node, and also the
   * maximum number of entries of a leaf (L = m). Non-root nodes keep at least ceil(m/2)
   * children or entries. An integer in [3, 1024]; default 32.
   *
   * Trade-off: a larger order gives a shallower tree (height about log_{m/2} n) and
   * longer leaf runs for range scans, but each insert or delete shifts up to m array
   * slots. 3 is the smallest order with a valid split (m + 1 = 4 children split 2 + 2).
   */
  readonly order?: number;
  /**
   * Total order on keys: negative when a < b, 0 when equal, positive when a > b. It must
   * be consistent (a strict weak order) or the tree is corrupted. Default: `defaultCompare`
   * (numbers, strings or bigints with `<` and `>`).
   */
  readonly compare?: Compare<K>;
}

/** Allowed range of `order`, inclusive. */
export const orderMin = 3;
/** Above 1024 every insert shifts thousands of slots and splits copy large arrays. */
export const orderMax = 1024;

/** Defaults, in one place. */
export const bPlusTreeDefaults = Object.freeze({
  /**
   * 32, sorted-btree's default, so benchmarks compare equal node sizes. A 32-key array
   * binary-searches in 5 compares and shifts at most 31 slots per insert.
   */
  order: 32,
});

/**
 * Check `order` and return it; throws a ComponentError (`option.out-of-range`, or
 * `option.wrong-type` for a non-number) naming the field, value and range.
 */
export function validateOrder(order: number): number {
  if (!Number.isInteger(order) || order < orderMin || order > orderMax) {
    throw new ComponentError(
      numericOptionCode(order),
      `btree: order must be an integer in [${orderMin}, ${orderMax}], got ${String(order)}`,
    );
  }
  return order;
}
