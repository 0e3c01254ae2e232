import { describe, expect, it } from 'vitest';
import { closest, editDistance, suggestion } from '../../../models/scenario/did-you-mean';

describe('editDistance', () => {
  it.each([
    ['replica', 'replicas', 1],
    ['cahce', 'cache', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('editDistance(%s, %s) = %d (a swap of neighbours costs 1)', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closest', () => {
  it('returns the nearest candidate within one edit per three characters', () => {
    expect(closest('replica', ['cores', 'replicas'])).toBe('replicas');
    expect(closest('round_robin', ['random', 'round-robin'])).toBe('round-robin');
    expect(closest('servicetime', ['serviceTime'])).toBe('serviceTime');
  });

  it('returns nothing for a word too far from every candidate', () => {
    expect(closest('x', ['db', 'api'])).toBeUndefined();
    expect(closest('gaussian', ['normal', 'lognormal'])).toBeUndefined();
  });

  it('falls back to the only candidate the word abbreviates', () => {
    expect(closest('expo', ['constant', 'exponential'])).toBe('exponential');
    expect(closest('expo', ['exponential', 'exported'])).toBeUndefined();
  });
});

describe('suggestion', () => {
  it('says "did you mean", or lists the candidates', () => {
    expect(suggestion('srvv', ['srv', 'db'])).toBe('did you mean "srv"?');
    expect(suggestion('zzz', ['srv', 'db'], 'services')).toBe('services: srv, db');
  });
});
