import { describe, expect, it } from 'vitest';
import { shortCount } from '../../viz/app/format';

describe('shortCount', () => {
  it('fits a count in four characters', () => {
    expect([0, 7, 950, 999, 1000, 2976, 9949, 31_234, 999_499, 999_500, 1_234_567, 12_345_678].map(shortCount)).toEqual([
      '0', '7', '950', '999', '1.0k', '3.0k', '9.9k', '31k', '999k', '1.0M', '1.2M', '12M',
    ]);
    expect(shortCount(NaN)).toBe('–');
  });
});
