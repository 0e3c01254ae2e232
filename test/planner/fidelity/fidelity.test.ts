import { describe, expect, it } from 'vitest';
import { fidelityCases } from '../../../planner/fidelity/cases/index';
import { evaluate } from '../../../planner/fidelity/evaluate';
import { fidelityMarkdown } from '../../../planner/fidelity/report';
import { runFidelity } from '../../../planner/fidelity/run-fidelity';

// The full report (`npm run fidelity`) takes minutes; here a fast subset at small scale,
// the cases whose answer does not need long runs, plus the judging and the report format.
const FAST = ['queueing/little-closed', 'balancing/wrr-share', 'hashing/ring-add-10', 'hashing/maglev-remove', 'hashing/bounded-loads', 'storage/btree-invariants', 'gossip/swim-load'];

describe('fidelity report', () => {
  it('has unique ids, every area, and a source and tolerance for each case', () => {
    const ids = fidelityCases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(fidelityCases.map((c) => c.area))).toEqual(new Set(['queueing', 'balancing', 'hashing', 'storage', 'gossip', 'planning']));
    for (const c of fidelityCases) {
      expect(c.source.length, c.id).toBeGreaterThan(5);
      expect(c.replications, c.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('a fast subset passes at reduced scale', async () => {
    const cases = fidelityCases.filter((c) => FAST.includes(c.id));
    expect(cases.map((c) => c.id).sort()).toEqual([...FAST].sort());
    const outcomes = await runFidelity(cases, { scale: 0.2 });
    expect(outcomes.filter((o) => !o.pass).map((o) => `${o.id}: ${o.simulated} vs ${o.reference}`)).toEqual([]);
  });

  it('judges relative, absolute and one-sided tolerances', () => {
    const base = fidelityCases[0]!;
    expect(evaluate({ ...base, reference: 100, tolerance: { kind: 'relative', value: 0.02 } }, [101, 102, 101]).pass).toBe(true);
    expect(evaluate({ ...base, reference: 100, tolerance: { kind: 'relative', value: 0.02 } }, [103, 104]).pass).toBe(false);
    expect(evaluate({ ...base, reference: 0, tolerance: { kind: 'absolute', value: 0 } }, [0, 0]).pass).toBe(true);
    expect(evaluate({ ...base, reference: 1, tolerance: { kind: 'atMost', value: 0 } }, [0.9, 1.05]).pass).toBe(true);
    expect(evaluate({ ...base, reference: 1, tolerance: { kind: 'atMost', value: 0 } }, [1.2]).pass).toBe(false);
  });

  it('writes one table per area and the headline', () => {
    const o = evaluate({ ...fidelityCases[0]!, reference: 5000, tolerance: { kind: 'relative', value: 0.02 } }, [5010, 4990]);
    const md = fidelityMarkdown([o], { scale: 1, seconds: 12 });
    expect(md).toContain('**1 cases, all within tolerance.**');
    expect(md).toContain('## queueing');
    expect(md).toContain('| pass |');
  });
});
