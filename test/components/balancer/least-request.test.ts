import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import { balancerDefaults } from '../../../components/balancer/defaults';
import { leastRequestPolicy, leastRequestWeight } from '../../../components/balancer/least-request';
import { policies } from '../../../components/balancer/policies';
import { weightedRoundRobinPolicy } from '../../../components/balancer/weighted-round-robin';
import { ComponentError } from '../../../components/errors';
import { SeededRng } from '../../../sim/rng';
import { ScriptedEnv } from '../../support/scripted-env';
import { balancerWith, pickSequence, startRequests } from './helpers';

describe('least-request', () => {
  it('has Envoy defaults: 2 choices, active request bias 1.0', () => {
    expect(balancerDefaults.choices).toBe(2);
    expect(balancerDefaults.activeRequestBias).toBe(1);
  });

  it('effective weight is weight / (active + 1)^bias', () => {
    expect(leastRequestWeight(2, 4, 1)).toBeCloseTo(0.4, 15);
    expect(leastRequestWeight(2, 4, 0)).toBe(2);
    expect(leastRequestWeight(3, 3, 2)).toBeCloseTo(3 / 16, 15);
    expect(leastRequestWeight(1, 0, 0.5)).toBe(1);
  });

  it('with unequal weights follows weight/(active+1)^bias: B with weight 2 and 4 active loses to A', () => {
    const env = new ScriptedEnv();
    const balancer = balancerWith(leastRequestPolicy(env), { A: 1, B: 2 });
    startRequests(balancer, balancer.get('B')!, 4);
    // Effective weights A 1/1 = 1, B 2/5 = 0.4: deadlines 1 and 2.5, so A is picked twice
    // (deadlines 1, 2) before B (2.5).
    expect(pickSequence(balancer, 3).join(' ')).toBe('A A B');
  });

  it('with bias 0 and unequal weights picks exactly as weighted round robin', () => {
    const env = new ScriptedEnv();
    const weights = { A: 1, B: 2, C: 3 };
    const lr = balancerWith(leastRequestPolicy(env, { activeRequestBias: 0 }), weights);
    const wrr = balancerWith(weightedRoundRobinPolicy(env), weights);
    startRequests(lr, lr.get('C')!, 50);
    expect(pickSequence(lr, 60)).toEqual(pickSequence(wrr, 60));
  });

  it('with unequal weights and bias 1 sends fewer picks to a loaded host', () => {
    const env = new ScriptedEnv();
    const balancer = balancerWith(leastRequestPolicy(env), { A: 1, B: 2 });
    startRequests(balancer, balancer.get('B')!, 9);
    // Effective weights stay 1 and 2/10 while the picked requests are never started.
    const ids = pickSequence(balancer, 600);
    expect(ids.filter((id) => id === 'B').length).toBe(100);
  });

  it('P2C with d = 2 prefers less-loaded hosts', () => {
    const env = new ScriptedEnv({ seed: 3 });
    const balancer = new Balancer(leastRequestPolicy(env, { choices: 2 }));
    balancer.setHosts(Array.from({ length: 4 }, (_, i) => ({ id: `h${i}` })));
    startRequests(balancer, balancer.get('h0')!, 10);
    startRequests(balancer, balancer.get('h1')!, 5);
    startRequests(balancer, balancer.get('h2')!, 1);
    const counts = new Map<string, number>();
    for (const id of pickSequence(balancer, 40_000)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // With replacement, host i of the ranking (0 = least loaded) wins with probability
    // ((n − i)² − (n − i − 1)²)/n²: 7/16, 5/16, 3/16, 1/16 for h3, h2, h1, h0.
    const share = (id: string): number => counts.get(id)! / 40_000;
    expect(share('h3')).toBeCloseTo(7 / 16, 2);
    expect(share('h2')).toBeCloseTo(5 / 16, 2);
    expect(share('h1')).toBeCloseTo(3 / 16, 2);
    expect(share('h0')).toBeCloseTo(1 / 16, 2);
  });

  it('P2C samples with replacement and keeps the first sample on a tie, as Envoy', () => {
    const env = new ScriptedEnv({ seed: 5 });
    const balancer = new Balancer(leastRequestPolicy(env, { choices: 2 }));
    balancer.setHosts(['a', 'b', 'c'].map((id) => ({ id })));
    // Replay the policy's stream: two independent draws per pick, the first one wins ties.
    const replay = new SeededRng(5, 'local/balancer.least-request');
    for (let i = 0; i < 1000; i++) {
      const first = replay.int(3);
      replay.int(3);
      expect(balancer.pick()!.id).toBe(['a', 'b', 'c'][first]);
    }
  });

  it('with 1 choice is uniform random whatever the load', () => {
    const env = new ScriptedEnv({ seed: 5 });
    const balancer = new Balancer(leastRequestPolicy(env, { choices: 1 }));
    balancer.setHosts([{ id: 'a' }, { id: 'b' }]);
    startRequests(balancer, balancer.get('a')!, 100);
    const ids = pickSequence(balancer, 10_000);
    expect(ids.filter((id) => id === 'a').length / 10_000).toBeCloseTo(0.5, 1);
  });

  it('spreads a live load evenly when requests start and end', () => {
    const env = new ScriptedEnv({ seed: 11 });
    const balancer = new Balancer(leastRequestPolicy(env));
    balancer.setHosts(Array.from({ length: 10 }, (_, i) => ({ id: `h${i}` })));
    const inFlight = [];
    let maxActive = 0;
    for (let i = 0; i < 10_000; i++) {
      const host = balancer.pick()!;
      balancer.onStart(host);
      inFlight.push(host);
      if (inFlight.length > 50) balancer.onEnd(inFlight.shift()!, 1, true);
      for (const h of balancer.endpoints()) maxActive = Math.max(maxActive, h.active);
    }
    // 50 in flight over 10 hosts: 5 each on average; P2C keeps the maximum close.
    expect(maxActive).toBeLessThanOrEqual(9);
  });

  it('validates options with the field, value and range', () => {
    const env = new ScriptedEnv();
    expect(() => leastRequestPolicy(env, { choices: 0 })).toThrow(
      'balancer: least-request: choices must be an integer in [1, 100], got 0',
    );
    expect(() => leastRequestPolicy(env, { choices: 2.5 })).toThrow(ComponentError);
    expect(() => leastRequestPolicy(env, { activeRequestBias: -1 })).toThrow(
      'balancer: least-request: activeRequestBias must be a number in [0, 10], got -1',
    );
    expect(() => leastRequestPolicy(env, { activeRequestBias: '1' })).toThrow(/got "1"/);
    expect(() => leastRequestPolicy(env, { choice_count: 2 })).toThrow(/unknown option "choice_count"/);
  });

  it('is registered as "least-request"', () => {
    expect(policies['least-request']!(new ScriptedEnv(), { choices: 3 }).name).toBe('least-request');
  });
});
