import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCFromB, mm1SojournQuantile, mmcSojourn, mmcSojournQuantile, mmcSojournTail, mmcWaitQuantile, pkWait } from '../../../planner/theory/queueing';

// Reference values: ../shared/reference.md "Queueing" (computed from Kleinrock's formulas).
describe('analytic queueing', () => {
  it('Erlang C matches the reference table', () => {
    expect(erlangC(2, 1.6)).toBeCloseTo(0.711111, 5);
    expect(erlangC(4, 3.2)).toBeCloseTo(0.596432, 5);
    expect(erlangC(100, 90)).toBeCloseTo(0.21694, 4);
  });

  it('Erlang C from the direct formula equals the Erlang B recursion', () => {
    for (const [c, a] of [[1, 0.5], [4, 3.2], [10, 7.5], [50, 45]] as const) {
      const b = erlangB(c, a);
      expect(erlangC(c, a)).toBeCloseTo(b / (1 - (a / c) * (1 - b)), 9);
    }
  });

  it('M/M/c sojourn and quantiles match the reference', () => {
    expect(mmcSojourn(1, 0.8, 1)).toBeCloseTo(5, 9);
    expect(mmcSojourn(4, 3.2, 1)).toBeCloseTo(1.745541, 5);
    expect(mm1SojournQuantile(0.99, 0.8, 1)).toBeCloseTo(23.0259, 3);
    expect(mmcSojournQuantile(0.5, 4, 3.2, 1)).toBeCloseTo(1.3462, 3);
    expect(mmcSojournQuantile(0.99, 4, 3.2, 1)).toBeCloseTo(6.8932, 3);
  });

  it('Pollaczek–Khinchine gives the M/D/1 and M/E2/1 waits', () => {
    expect(pkWait(0.5, 1, 1)).toBeCloseTo(0.5, 9);
    expect(pkWait(0.9, 1, 1)).toBeCloseTo(4.5, 9);
    expect(pkWait(0.8, 1, 1.5)).toBeCloseTo(3, 9);
  });

  it('rejects unstable systems', () => {
    expect(() => erlangC(2, 2)).toThrow(/unstable/);
    expect(() => pkWait(1, 1, 1)).toThrow(/unstable/);
  });
});

describe('analytic queueing for the planner', () => {
  it('Erlang C stays finite past 170 servers (through Erlang B)', () => {
    for (const [c, a] of [[4, 3.2], [100, 90]] as const) expect(erlangCFromB(c, a)).toBeCloseTo(erlangC(c, a), 9);
    const big = erlangC(400, 380);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(1);
  });

  it('the M/M/c waiting-time quantile inverts P(Wq > t) = C·e^(−(cμ−λ)t)', () => {
    const C = erlangC(4, 3.2);
    const t = mmcWaitQuantile(0.99, 4, 3.2, 1);
    expect(C * Math.exp(-(4 - 3.2) * t)).toBeCloseTo(0.01, 12);
    expect(mmcWaitQuantile(0.5, 4, 1, 1)).toBe(0); // most arrivals find a free server
  });

  it('the sojourn tail has a finite limit when cμ − λ = μ', () => {
    // c = 2, μ = 1, λ = 1: d = 1 = μ.
    const limit = mmcSojournTail(1, 2, 1, 1);
    expect(limit).toBeCloseTo((mmcSojournTail(1, 2, 1 - 1e-6, 1) + mmcSojournTail(1, 2, 1 + 1e-6, 1)) / 2, 5);
    expect(mmcSojournQuantile(0.99, 2, 1, 1)).toBeGreaterThan(0);
  });
});
