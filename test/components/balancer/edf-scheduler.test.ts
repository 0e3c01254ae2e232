import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdfScheduler } from '../../../components/balancer/edf-scheduler';

describe('EdfScheduler', () => {
  it('pick() returns the earliest deadline and moves the clock to it', () => {
    const edf = new EdfScheduler<string>();
    edf.add(1, 'A');
    edf.add(4, 'B');
    expect(edf.pick()).toBe('B');
    expect(edf.current).toBe(0.25);
    expect(edf.pick()).toBe('A');
    expect(edf.current).toBe(1);
    expect(edf.pick()).toBeUndefined();
  });

  it('breaks deadline ties by insertion order', () => {
    const edf = new EdfScheduler<string>();
    for (const id of ['C', 'A', 'B']) edf.add(2, id);
    expect([edf.pick(), edf.pick(), edf.pick()]).toEqual(['C', 'A', 'B']);
  });

  it('pickAndAdd() gives the same sequence as pick() then add()', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }), (weights) => {
        const a = new EdfScheduler<number>();
        const b = new EdfScheduler<number>();
        weights.forEach((w, i) => {
          a.add(w, i);
          b.add(w, i);
        });
        for (let n = 0; n < 200; n++) {
          const picked = a.pick()!;
          a.add(weights[picked]!, picked);
          expect(b.pickAndAdd((i) => weights[i]!)).toBe(picked);
        }
        a.checkInvariants();
        b.checkInvariants();
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('rejects weights that are not finite and positive', () => {
    const edf = new EdfScheduler<string>();
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(() => edf.add(bad, 'A')).toThrow(/weight must be a finite number > 0/);
    }
  });
});
