import { describe, expect, it } from 'vitest';
import { LIST_LIMITS } from '../../../models/scenario/limits';
import { listLengthProblems, listRule } from '../../../models/scenario/list-lengths';

const list = (n: number) => Array.from({ length: n }, () => 1);
const mapping = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));

describe('listRule', () => {
  it('gives each known list its own bound, and every other list the general one', () => {
    expect(listRule(['faults']).max).toBe(LIST_LIMITS.faults);
    expect(listRule(['services']).max).toBe(LIST_LIMITS.services);
    expect(listRule(['clients']).max).toBe(LIST_LIMITS.clients);
    expect(listRule(['clients', 'web', 'arrival', 'rate']).max).toBe(LIST_LIMITS.steps);
    expect(listRule(['services', 'api', 'calls']).max).toBe(LIST_LIMITS.calls);
    expect(listRule(['services', 'api', 'serviceTime', 'samples']).max).toBe(LIST_LIMITS.samples);
    expect(listRule(['services', 'kv', 'disk', 'fsync', 'samples']).max).toBe(LIST_LIMITS.samples);
    expect(listRule(['services', 'api', 'weights']).max).toBe(LIST_LIMITS.other);
    expect(listRule(['faults', 0, 'partition']).max).toBe(LIST_LIMITS.other);
  });
});

describe('listLengthProblems', () => {
  it('accepts a list at its bound and refuses one entry more, with the count and the bound', () => {
    expect(listLengthProblems({ faults: list(LIST_LIMITS.faults) })).toEqual([]);
    expect(listLengthProblems({ faults: list(LIST_LIMITS.faults + 1) })).toEqual([{
      path: ['faults'],
      at: 'value',
      message: 'too many faults: a list of 10,001 (limit 10,000)',
      expected: 'at most 10,000 faults',
      hint: 'a fault every 10 s for a day is 8,640; longer lists take seconds to validate and are typos or generated data',
    }]);
  });

  it('counts the entries of mappings', () => {
    expect(listLengthProblems({ services: mapping(LIST_LIMITS.services) })).toEqual([]);
    expect(listLengthProblems({ services: mapping(LIST_LIMITS.services + 1) }).map((p) => p.message)).toEqual(['too many services: a mapping of 1,001 (limit 1,000)']);
  });

  it('looks into nested lists, but not into one already too long', () => {
    const samples = { dist: 'empirical', samples: list(LIST_LIMITS.samples + 1) };
    expect(listLengthProblems({ services: { api: { serviceTime: samples } }, faults: [list(LIST_LIMITS.other + 1)] }).map((p) => p.path)).toEqual([
      ['services', 'api', 'serviceTime', 'samples'],
      ['faults', 0],
    ]);
    const tooLong = list(LIST_LIMITS.other + 1);
    expect(listLengthProblems({ faults: Array.from({ length: LIST_LIMITS.faults + 1 }, () => tooLong) })).toHaveLength(1);
  });
});
