import { describe, expect, it } from 'vitest';
import { jumpConsistentHash } from '../../../components/ring/jump-consistent-hash';

describe('jumpConsistentHash (Lamping & Veach 2014)', () => {
  it('reproduces the reference vectors', () => {
    expect(jumpConsistentHash(256n, 1024)).toBe(520);
    expect(Array.from({ length: 10 }, (_, k) => jumpConsistentHash(BigInt(k), 10))).toEqual([0, 6, 6, 8, 1, 4, 9, 0, 4, 7]);
    expect(Array.from({ length: 12 }, (_, i) => jumpConsistentHash(1n, i + 1))).toEqual([0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6]);
    expect(jumpConsistentHash(0xdeadbeefn, 100)).toBe(87);
  });

  it('uses the full 64-bit key (keys above 2^53 and 2^64 − 1)', () => {
    const big = (1n << 64n) - 1n;
    const bucket = jumpConsistentHash(big, 1000);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(1000);
    expect(jumpConsistentHash((1n << 60n) + 1n, 1000)).not.toBe(jumpConsistentHash((1n << 60n) + 2n, 1000));
  });

  it.each([10, 100])('growing n = %i → n+1 moves ≈ 1/(n+1) of 1e5 keys (±10%), all into bucket n', (n) => {
    let moved = 0;
    const keyCount = 100_000;
    for (let i = 0; i < keyCount; i++) {
      // Spread the keys over 64 bits with a fixed odd multiplier.
      const key = BigInt.asUintN(64, BigInt(i) * 0x9e3779b97f4a7c15n);
      const before = jumpConsistentHash(key, n);
      const after = jumpConsistentHash(key, n + 1);
      if (before === after) continue;
      expect(after).toBe(n);
      moved++;
    }
    expect((moved / keyCount) * (n + 1)).toBeGreaterThan(0.9);
    expect((moved / keyCount) * (n + 1)).toBeLessThan(1.1);
  });

  it('rejects keys outside [0, 2^64) and bad bucket counts', () => {
    expect(() => jumpConsistentHash(-1n, 10)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: jump: key must be a bigint in [0, 2^64 − 1], got -1]`,
    );
    expect(() => jumpConsistentHash(1n << 64n, 10)).toThrow(/got 18446744073709551616/);
    expect(() => jumpConsistentHash(1n, 0)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: jump: bucketCount must be an integer in [1, 2147483647], got 0]`,
    );
    expect(() => jumpConsistentHash(1n, 2.5)).toThrow(/got 2.5/);
  });
});
