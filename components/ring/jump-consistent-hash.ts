import { RingError } from './ring-error';

/**
 * Jump consistent hash (Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash
 * Algorithm", 2014), Figure 1, transcribed with BigInt for the 64-bit linear
 * congruential step, which JavaScript numbers cannot do exactly.
 */

const multiplier = 2862933555777941757n;
const keyMax = (1n << 64n) - 1n;
/** The paper's double(1LL << 31). */
const twoPow31 = 2147483648;
/** Largest bucket count: the paper's int32 result type. */
export const jumpBucketCountMax = 2 ** 31 - 1;

/**
 * The bucket in [0, bucketCount) of a 64-bit `key`. Growing bucketCount from n to n+1
 * moves a fraction 1/(n+1) of keys, all of them into bucket n. Expected O(ln n) steps,
 * no memory.
 *
 * @param key unsigned 64-bit key, as a BigInt in [0, 2^64)
 * @param bucketCount integer in [1, 2^31 − 1]
 */
export function jumpConsistentHash(key: bigint, bucketCount: number): number {
  if (!(typeof key === 'bigint' && key >= 0n && key <= keyMax)) {
    throw new RingError('argument.out-of-range', `jump: key must be a bigint in [0, 2^64 − 1], got ${String(key)}`);
  }
  if (!(Number.isInteger(bucketCount) && bucketCount >= 1 && bucketCount <= jumpBucketCountMax)) {
    throw new RingError('argument.out-of-range', `jump: bucketCount must be an integer in [1, ${jumpBucketCountMax}], got ${bucketCount}`);
  }
  let state = key;
  let bucket = -1;
  let next = 0;
  while (next < bucketCount) {
    bucket = next;
    state = BigInt.asUintN(64, state * multiplier + 1n);
    // Same floating-point expression as the paper, so results match its C++ bit for bit:
    // (key >> 33) < 2^31 converts to a double exactly.
    next = Math.floor((bucket + 1) * (twoPow31 / (Number(state >> 33n) + 1)));
  }
  return bucket;
}
