import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import { leastRequestFullPolicy } from '../../../components/balancer/least-request-full';
import { policies } from '../../../components/balancer/policies';
import { ScriptedEnv } from '../../support/scripted-env';
import { pickSequence, startRequests } from './helpers';

function balancer(seed = 1): Balancer {
  const b = new Balancer(leastRequestFullPolicy(new ScriptedEnv({ seed })));
  b.setHosts(['a', 'b', 'c', 'd'].map((id) => ({ id })));
  return b;
}

describe('least-request-full', () => {
  it('always picks the host with the fewest active requests', () => {
    const b = balancer();
    startRequests(b, b.get('a')!, 3);
    startRequests(b, b.get('b')!, 1);
    startRequests(b, b.get('c')!, 2);
    startRequests(b, b.get('d')!, 4);
    expect(pickSequence(b, 20)).toEqual(Array(20).fill('b'));
  });

  it('breaks ties uniformly at random among the minima', () => {
    const b = balancer(9);
    startRequests(b, b.get('a')!, 1);
    const counts = new Map<string, number>();
    for (const id of pickSequence(b, 30_000)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.get('a')).toBeUndefined();
    for (const id of ['b', 'c', 'd']) expect(counts.get(id)! / 30_000).toBeCloseTo(1 / 3, 1);
  });

  it('keeps every host within one request of the others under a live load', () => {
    const b = balancer(2);
    for (let i = 0; i < 1000; i++) {
      b.onStart(b.pick()!);
      const actives = b.endpoints().map((h) => h.active);
      expect(Math.max(...actives) - Math.min(...actives)).toBeLessThanOrEqual(1);
    }
  });

  it('is registered as "least-request-full" and "jsq", with no options', () => {
    const env = new ScriptedEnv();
    expect(policies['least-request-full']!(env, {}).name).toBe('least-request-full');
    expect(policies.jsq!(env, {}).name).toBe('least-request-full');
    expect(() => leastRequestFullPolicy(env, { choices: 2 })).toThrow(/unknown option "choices"/);
  });
});
