import { describe, expect, it } from 'vitest';
import { bytes, duration, ms } from '../../../models/report/numbers';

describe('duration', () => {
  it('writes short human durations in the unit that suits their size', () => {
    expect(duration(0)).toBe('0s');
    expect(duration(250)).toBe('250ms');
    expect(duration(1500)).toBe('1.5s');
    expect(duration(60_000)).toBe('1m');
    expect(duration(150_000)).toBe('2m30s');
  });

  it('uses hours beyond sixty minutes', () => {
    expect(duration(3_600_000)).toBe('1h');
    expect(duration(250_000_000)).toBe('69h26m40s');
    expect(duration(3_660_000)).toBe('1h1m');
    expect(duration(3_605_000)).toBe('1h0m5s');
  });
});

describe('ms', () => {
  it('keeps about four significant digits', () => {
    expect(ms(0.1234)).toBe('0.123');
    expect(ms(12.345)).toBe('12.35');
    expect(ms(1234.5)).toBe('1,234.5');
  });
});

describe('bytes', () => {
  it('writes binary units from KiB up, plain bytes below', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KiB');
    expect(bytes(3 * 2 ** 20)).toBe('3.0 MiB');
    expect(bytes(1.25 * 2 ** 30)).toBe('1.3 GiB');
  });
});
