import { describe, expect, it } from 'vitest';
import { checkKnownFields, checkOption, describe as describeRange, positiveCount } from '../../../components/options/check-option';

describe('shared option checks', () => {
  it('name the component, the field and what is allowed for an unknown option', () => {
    expect(() => checkKnownFields('balancer: random', { choices: 2 }, [])).toThrow('balancer: random: unknown option "choices"; allowed: (none)');
    expect(() => checkKnownFields('retry-policy', { mx: 1 }, ['max', 'retryOn'])).toThrow('retry-policy: unknown option "mx"; allowed: max, retryOn');
  });

  it('reject values out of range, never clamp, and fill the fallback when absent', () => {
    expect(checkOption('c', 'n', undefined, 7, positiveCount)).toBe(7);
    expect(checkOption('c', 'n', 3, 7, positiveCount)).toBe(3);
    expect(() => checkOption('c', 'n', 0, 7, positiveCount)).toThrow('c: n must be an integer in [1, 1000000], got 0');
    expect(() => checkOption('c', 'n', 1.5, 7, positiveCount)).toThrow(/an integer/);
    expect(describeRange({ min: 0, max: 10, minExclusive: true })).toBe('a number in (0, 10]');
  });
});
