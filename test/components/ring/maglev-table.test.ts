import { describe, expect, it } from 'vitest';
import { buildMaglevTable, isPrime, maglevBackend } from '../../../components/ring/maglev-table';
import { murmur3String } from '../../../components/ring/murmur3';

function owners(table: Int32Array, names: readonly string[]): string[] {
  return Array.from(table, (index) => names[index]!);
}

function counts(table: Int32Array, backendCount: number): number[] {
  const result = new Array<number>(backendCount).fill(0);
  for (const index of table) result[index]!++;
  return result;
}

describe('buildMaglevTable (Eisenbud et al., NSDI 2016, §3.4)', () => {
  it('reproduces the paper’s Table 1: M = 7, B0 (3, 4), B1 (0, 2), B2 (3, 1)', () => {
    const table = buildMaglevTable(
      [
        { offset: 3, skip: 4 },
        { offset: 0, skip: 2 },
        { offset: 3, skip: 1 },
      ],
      7,
    );
    expect(owners(table, ['B0', 'B1', 'B2'])).toEqual(['B1', 'B0', 'B1', 'B0', 'B2', 'B2', 'B0']);
  });

  it('reproduces Table 1 after removing B1', () => {
    const table = buildMaglevTable(
      [
        { offset: 3, skip: 4 },
        { offset: 3, skip: 1 },
      ],
      7,
    );
    expect(owners(table, ['B0', 'B2'])).toEqual(['B0', 'B0', 'B0', 'B0', 'B2', 'B2', 'B2']);
  });

  it.each([
    [3, 7],
    [10, 65_537],
    [100, 65_537],
    [7, 251],
  ])('with equal weights, each of %i backends holds ⌊M/N⌋ or ⌈M/N⌉ of M = %i entries', (backendCount, tableSize) => {
    const backends = Array.from({ length: backendCount }, (_, i) => maglevBackend(`b-${i}`, tableSize, murmur3String));
    const result = counts(buildMaglevTable(backends, tableSize), backendCount);
    for (const count of result) {
      expect(count).toBeGreaterThanOrEqual(Math.floor(tableSize / backendCount));
      expect(count).toBeLessThanOrEqual(Math.ceil(tableSize / backendCount));
    }
  });

  it('weights 1:2 give 21,846 and 43,691 of 65,537 entries (Envoy’s weighted build)', () => {
    const table = buildMaglevTable(
      [maglevBackend('a', 65_537, murmur3String, 1), maglevBackend('b', 65_537, murmur3String, 2)],
      65_537,
    );
    expect(counts(table, 2)).toEqual([21_846, 43_691]);
  });

  it('weights 1:2:3:4 give shares within 0.1% of 10/20/30/40%', () => {
    const backends = [1, 2, 3, 4].map((weight) => maglevBackend(`w${weight}`, 65_537, murmur3String, weight));
    const result = counts(buildMaglevTable(backends, 65_537), 4);
    result.forEach((count, i) => expect(Math.abs(count / 65_537 - (i + 1) / 10)).toBeLessThan(0.001));
  });

  it('moves few entries between surviving backends when one is removed (minimal disruption)', () => {
    // Quantified for N = 100, M = 65,537: entries not owned by the removed backend that
    // change owner. The paper's Figure 13 reports ~1–2% at such sizes; here 0.55%.
    const names = Array.from({ length: 100 }, (_, i) => `node-${i}`);
    const before = owners(buildMaglevTable(names.map((n) => maglevBackend(n, 65_537, murmur3String)), 65_537), names);
    const kept = names.filter((n) => n !== 'node-37');
    const after = owners(buildMaglevTable(kept.map((n) => maglevBackend(n, 65_537, murmur3String)), 65_537), kept);
    let survivorEntries = 0;
    let changed = 0;
    for (let slot = 0; slot < 65_537; slot++) {
      if (before[slot] === 'node-37') {
        expect(after[slot]).not.toBe('node-37');
        continue;
      }
      survivorEntries++;
      if (before[slot] !== after[slot]) changed++;
    }
    expect(changed / survivorEntries).toBeLessThan(0.01);
  });

  it('rejects a table size that is not prime, and bad offsets, skips, weights', () => {
    expect(() => buildMaglevTable([{ offset: 0, skip: 1 }], 65_536)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: maglev: tableSize must be prime (every preference list must cover all slots), got 65536; e.g. 65537, 655373]`,
    );
    expect(() => buildMaglevTable([{ offset: 0, skip: 1 }], 5_000_017)).toThrow(/tableSize must be an integer in \[2, 5000011\], got 5000017/);
    expect(() => buildMaglevTable([{ offset: 7, skip: 1 }], 7)).toThrowErrorMatchingInlineSnapshot(
      `[RingError: ring: maglev: offset of backend 0 must be an integer in [0, 6], got 7]`,
    );
    expect(() => buildMaglevTable([{ offset: 0, skip: 0 }], 7)).toThrow(/skip of backend 0 must be an integer in \[1, 6\], got 0/);
    expect(() => buildMaglevTable([{ offset: 0, skip: 1, weight: -2 }], 7)).toThrow(/weight of backend 0 must be a number in \(0, 1000000\], got -2/);
    expect(() => buildMaglevTable([], 7)).toThrow(/at least one backend, got 0/);
  });

  it('fills the table even with more backends than slots', () => {
    const backends = Array.from({ length: 10 }, (_, i) => maglevBackend(`b${i}`, 7, murmur3String));
    expect(counts(buildMaglevTable(backends, 7), 10).reduce((a, b) => a + b)).toBe(7);
  });

  it('isPrime is right on small numbers and the defaults', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 25, 65_537, 65_535, 5_000_011].map(isPrime)).toEqual([
      false, false, true, true, false, true, false, false, true, false, true,
    ]);
  });
});
