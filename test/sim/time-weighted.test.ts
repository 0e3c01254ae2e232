import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../sim/time-weighted';

describe('TimeWeighted', () => {
  it('starts at value 0 with history from time 0', () => {
    const tw = new TimeWeighted();
    expect([tw.current, tw.startMs, tw.integral(0), tw.average(0), tw.average(50)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('averages a step function: 2 for 10 ms, 5 for 5 ms, 0 for 5 ms is 45 / 20 = 2.25', () => {
    const tw = new TimeWeighted();
    tw.set(0, 2);
    tw.set(10, 5);
    tw.set(15, 0);
    expect(tw.integral(20)).toBe(45);
    expect(tw.average(20)).toBe(2.25);
    expect(tw.current).toBe(0);
  });

  it('counts the value 0 before the first set, from time 0', () => {
    const tw = new TimeWeighted();
    tw.set(10, 4);
    expect(tw.integral(20)).toBe(40);
    expect(tw.average(20)).toBe(2);
  });

  it('extends the current value to the time asked, without recording anything', () => {
    const tw = new TimeWeighted();
    tw.set(0, 3);
    expect(tw.integral(10)).toBe(30);
    expect(tw.integral(40)).toBe(120);
    expect(tw.average(40)).toBe(3);
    expect(tw.integral(10)).toBe(30);
  });

  it('gives zero weight to values replaced at the same instant', () => {
    const tw = new TimeWeighted();
    tw.set(5, 100);
    tw.set(5, 1);
    expect(tw.integral(15)).toBe(10);
    expect(tw.average(15)).toBeCloseTo(10 / 15, 12);
  });

  it('returns the current value as the average when no time has passed since the start', () => {
    const tw = new TimeWeighted();
    tw.set(0, 7);
    expect(tw.average(0)).toBe(7);
  });

  describe('reset (end of warm-up)', () => {
    it('forgets the history before it and keeps the current value: [10, 20] of 1 then 4 averages (1·2 + 4·8) / 10', () => {
      const tw = new TimeWeighted();
      tw.set(0, 3);
      tw.set(5, 1);
      tw.reset(10);
      expect(tw.startMs).toBe(10);
      expect(tw.current).toBe(1);
      tw.set(12, 4);
      expect(tw.integral(20)).toBe(34);
      expect(tw.average(20)).toBe(3.4);
    });

    it('right after a reset, the average is the current value and the integral 0', () => {
      const tw = new TimeWeighted();
      tw.set(0, 6);
      tw.reset(30);
      expect(tw.integral(30)).toBe(0);
      expect(tw.average(30)).toBe(6);
      expect(tw.average(40)).toBe(6);
    });

    it('can be repeated; only the last one counts', () => {
      const tw = new TimeWeighted();
      tw.set(0, 2);
      tw.reset(10);
      tw.set(15, 8);
      tw.reset(20);
      expect(tw.startMs).toBe(20);
      expect(tw.integral(25)).toBe(40);
      expect(tw.average(25)).toBe(8);
    });
  });
});

/** One step of a trace: `set` the value at a time, or `reset` there. */
type Operation = { readonly kind: 'set'; readonly dtMs: number; readonly value: number } | { readonly kind: 'reset'; readonly dtMs: number };

/**
 * The naive reference: keep every (time, value) change since the last reset and integrate
 * segment by segment on demand. O(changes) memory, obviously right.
 */
class Reference {
  private changes: { atMs: number; value: number }[] = [{ atMs: 0, value: 0 }];
  private startMs = 0;

  set(nowMs: number, value: number): void {
    this.changes.push({ atMs: nowMs, value });
  }

  reset(nowMs: number): void {
    this.changes = [{ atMs: nowMs, value: this.current() }];
    this.startMs = nowMs;
  }

  current(): number {
    return this.changes[this.changes.length - 1]!.value;
  }

  /** The values held at some time since the last reset (the one held at the reset included). */
  values(): number[] {
    return this.changes.map((change) => change.value);
  }

  integral(nowMs: number): number {
    let sum = 0;
    for (let i = 0; i < this.changes.length; i++) {
      const end = i + 1 < this.changes.length ? this.changes[i + 1]!.atMs : nowMs;
      sum += this.changes[i]!.value * (end - this.changes[i]!.atMs);
    }
    return sum;
  }

  average(nowMs: number): number {
    return nowMs > this.startMs ? this.integral(nowMs) / (nowMs - this.startMs) : this.current();
  }
}

function operations(time: fc.Arbitrary<number>, value: fc.Arbitrary<number>): fc.Arbitrary<Operation[]> {
  const set = fc.record({ kind: fc.constant('set' as const), dtMs: time, value });
  const reset = fc.record({ kind: fc.constant('reset' as const), dtMs: time });
  return fc.array(fc.oneof({ arbitrary: set, weight: 6 }, { arbitrary: reset, weight: 1 }), { maxLength: 50 });
}

/** Applies `ops` at non-decreasing times to both; calls `check(nowMs)` after each and at the end. */
function replay(ops: readonly Operation[], tailMs: number, check: (tw: TimeWeighted, reference: Reference, nowMs: number) => void): void {
  const tw = new TimeWeighted();
  const reference = new Reference();
  let nowMs = 0;
  for (const op of ops) {
    nowMs += op.dtMs;
    if (op.kind === 'set') {
      tw.set(nowMs, op.value);
      reference.set(nowMs, op.value);
    } else {
      tw.reset(nowMs);
      reference.reset(nowMs);
    }
    check(tw, reference, nowMs);
  }
  check(tw, reference, nowMs + tailMs);
}

describe('TimeWeighted against a naive reference (property)', () => {
  it('matches exactly on integer times and values (every product and sum is exact)', () => {
    fc.assert(
      fc.property(operations(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000 })), fc.integer({ min: 0, max: 1_000 }), (ops, tailMs) => {
        replay(ops, tailMs, (tw, reference, nowMs) => {
          expect(tw.current).toBe(reference.current());
          expect(tw.integral(nowMs)).toBe(reference.integral(nowMs));
          expect(tw.average(nowMs)).toBe(reference.average(nowMs));
        });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('matches within rounding on fractional times and values, and the average lies within the values held since the start', () => {
    const time = fc.double({ min: 0, max: 1e4, noNaN: true });
    const value = fc.double({ min: 0, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(operations(time, value), time, (ops, tailMs) => {
        replay(ops, tailMs, (tw, reference, nowMs) => {
          const expected = reference.integral(nowMs);
          expect(Math.abs(tw.integral(nowMs) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
          const values = reference.values();
          const average = tw.average(nowMs);
          // Relative slack for rounding, absolute for products that underflow (5e-324 · 5e-324 = 0).
          expect(average).toBeGreaterThanOrEqual(Math.min(...values) * (1 - 1e-9) - 1e-12);
          expect(average).toBeLessThanOrEqual(Math.max(...values) * (1 + 1e-9) + 1e-12);
        });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
