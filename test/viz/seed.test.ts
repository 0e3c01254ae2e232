import { describe, expect, it } from 'vitest';
import { isSeed, parseSeed, SEED_MAX } from '../../viz/worker/seed';

describe('parseSeed (the seed field)', () => {
  it('reads whole numbers from 0 to 2^53 − 1, blanks around them ignored', () => {
    expect(['0', '1', '007', ' 42 ', String(SEED_MAX)].map(parseSeed)).toEqual([0, 1, 7, 42, SEED_MAX].map((seed) => ({ ok: true, seed })));
  });

  it('refuses everything else, naming what was typed, rather than read it as another seed', () => {
    const refused = ['1.5', '1.0', '', '   ', '1e999', '1e3', '-1', '+1', '0x10', 'seven', '9007199254740992', '9007199254740993', '99999999999999999999'];
    for (const text of refused) {
      const reading = parseSeed(text);
      expect(reading.ok, text).toBe(false);
    }
    expect(parseSeed('1.5')).toEqual({ ok: false, message: 'seed: "1.5" is not a seed (a whole number from 0 to 9007199254740991)' });
    expect(parseSeed(' ')).toEqual({ ok: false, message: 'seed: nothing is not a seed (a whole number from 0 to 9007199254740991)' });
  });

  it('isSeed: the same rule for seeds that arrive as numbers', () => {
    expect([0, 1, SEED_MAX].every(isSeed)).toBe(true);
    expect([-1, 1.5, NaN, Infinity, SEED_MAX + 1, 1e20].some(isSeed)).toBe(false);
  });
});
