import { describe, expect, it } from 'vitest';
import { shortCount, tickNumber } from '../../viz/views/format';

describe('shortCount', () => {
  it('fits a count in four characters', () => {
    expect([0, 7, 950, 999, 1000, 2976, 9949, 31_234, 999_499, 999_500, 1_234_567, 12_345_678].map(shortCount)).toEqual([
      '0', '7', '950', '999', '1.0k', '3.0k', '9.9k', '31k', '999k', '1.0M', '1.2M', '12M',
    ]);
    expect(shortCount(NaN)).toBe('–');
  });
});

describe('tickNumber', () => {
  it('reads zero as 0 and values below 1,000 as written, never with a prefix that rounds them away', () => {
    expect([0, 0.05, 0.5, 0.1 + 0.2, 1, 2.5, 250, 500, 999].map(tickNumber)).toEqual(['0', '0.05', '0.5', '0.3', '1', '2.5', '250', '500', '999']);
  });

  it('gives thousands and more an SI prefix', () => {
    expect([1000, 1500, 2000, 20_000, 1_000_000, 2_500_000].map(tickNumber)).toEqual(['1k', '1.5k', '2k', '20k', '1M', '2.5M']);
    expect(tickNumber(NaN)).toBe('–');
  });
});
