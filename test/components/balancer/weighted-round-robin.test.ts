import { describe, expect, it } from 'vitest';
import { EdfScheduler } from '../../../components/balancer/edf-scheduler';
import { policies } from '../../../components/balancer/policies';
import { weightedRoundRobinPolicy } from '../../../components/balancer/weighted-round-robin';
import { ScriptedEnv } from '../../support/scripted-env';
import { balancerWith, pickSequence } from './helpers';

const env = new ScriptedEnv();

describe('weighted-round-robin', () => {
  it('weights A1 B2 C3 pick C B C A B C C B C C A B (Envoy EDF vector)', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 1, B: 2, C: 3 });
    expect(pickSequence(balancer, 12).join(' ')).toBe('C B C A B C C B C C A B');
  });

  it('weights A5 B1 pick A A A A B A A A A A A B (Envoy EDF vector)', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 5, B: 1 });
    expect(pickSequence(balancer, 12).join(' ')).toBe('A A A A B A A A A A A B');
  });

  it('shares picks equally within 1% over 100,000 picks with equal weights', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1, G: 1 });
    const counts = new Map<string, number>();
    for (const id of pickSequence(balancer, 100_000)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const count of counts.values()) expect(Math.abs(count / 100_000 - 1 / 7)).toBeLessThan(0.01 / 7);
  });

  it('is plain round robin in host order with equal weights', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 2, B: 2, C: 2 });
    expect(pickSequence(balancer, 6).join('')).toBe('ABCABC');
  });

  it('shares picks in proportion to weights', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 1, B: 3, C: 6 });
    const counts = new Map<string, number>();
    for (const id of pickSequence(balancer, 10_000)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([counts.get('A'), counts.get('B'), counts.get('C')]).toEqual([1000, 3000, 6000]);
  });

  it('rebuilds the schedule when a host becomes unhealthy', () => {
    const balancer = balancerWith(weightedRoundRobinPolicy(env), { A: 1, B: 2, C: 3 });
    pickSequence(balancer, 5);
    balancer.setHealthy('C', false);
    expect(pickSequence(balancer, 3).join(' ')).toBe('B A B');
  });

  it('is registered as "weighted-round-robin" and rejects unknown options', () => {
    expect(policies['weighted-round-robin']!(env, {}).name).toBe('weighted-round-robin');
    expect(() => weightedRoundRobinPolicy(env, { choices: 2 })).toThrow(
      'balancer: weighted-round-robin: unknown option "choices"; allowed: (none)',
    );
  });
});

describe('weighted-round-robin equal-weight shortcut', () => {
  it('picks exactly as the EDF schedule would', () => {
    const weights = { A: 3, B: 3, C: 3, D: 3, E: 3 };
    const edf = new EdfScheduler<string>();
    for (const [id, weight] of Object.entries(weights)) edf.add(weight, id);
    const expected = Array.from({ length: 1000 }, () => edf.pickAndAdd((id) => weights[id as keyof typeof weights])!);
    expect(pickSequence(balancerWith(weightedRoundRobinPolicy(env), weights), 1000)).toEqual(expected);
  });
});
