import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import { balancerDefaults } from '../../../components/balancer/defaults';
import { endpoint } from '../../../components/balancer/endpoint';
import { peakEwmaPolicy } from '../../../components/balancer/peak-ewma';
import { policies } from '../../../components/balancer/policies';
import { ScriptedEnv } from '../../support/scripted-env';

describe('peak-ewma', () => {
  it('defaults to τ = 10 s (Finagle) and a default RTT of 30 ms (linkerd2-proxy)', () => {
    expect(balancerDefaults.decayMs).toBe(10_000);
    expect(balancerDefaults.defaultRttMs).toBe(30);
    const env = new ScriptedEnv();
    expect(peakEwmaPolicy(env).cost(endpoint('a'))).toBe(30);
  });

  it('decays the default estimate while idle (tower default_decay: 10 ms, τ = 1 s)', () => {
    const env = new ScriptedEnv();
    const policy = peakEwmaPolicy(env, { defaultRtt: 10, decay: 1000 });
    const host = endpoint('a');
    expect(policy.cost(host)).toBe(10);
    env.advance(100);
    expect(policy.cost(host)).toBeCloseTo(10 * Math.exp(-0.1), 12);
    expect(policy.cost(host)).toBeCloseTo(9.048, 3);
    env.advance(100);
    const cost = policy.cost(host);
    expect(cost).toBeGreaterThan(8);
    expect(cost).toBeLessThan(9);
  });

  it('tracks the peak and pending requests (tower compound_decay: 400 ms, then 200 ms)', () => {
    const env = new ScriptedEnv();
    const policy = peakEwmaPolicy(env, { defaultRtt: 20, decay: 1000 });
    const balancer = new Balancer(policy);
    balancer.setHosts([{ id: 'a' }]);
    const host = balancer.get('a')!;
    expect(policy.cost(host)).toBe(20);

    env.advance(100);
    balancer.onStart(host); // request 0 sent at 100 ms
    expect(policy.cost(host)).toBeGreaterThan(20);

    env.advance(100);
    balancer.onStart(host); // request 1 sent at 200 ms
    expect(policy.cost(host)).toBeGreaterThan(40);

    env.advance(100);
    balancer.onEnd(host, 200, true); // request 0 completes at 300 ms
    expect(policy.cost(host)).toBe(400);

    env.advance(100);
    balancer.onEnd(host, 200, true); // request 1 completes at 400 ms
    expect(policy.cost(host)).toBeCloseTo(200, 9);

    env.advance(1000);
    expect(policy.cost(host)).toBeLessThan(100);
    env.advance(10_000);
    expect(policy.cost(host)).toBeLessThan(0.1);
  });

  it('moves towards a lower RTT by the weight of the elapsed time', () => {
    const env = new ScriptedEnv();
    const policy = peakEwmaPolicy(env, { defaultRtt: 100, decay: 1000 });
    const host = endpoint('a');
    policy.cost(host);
    env.advance(500);
    policy.onEnd!(host, 10, true);
    const w = Math.exp(-0.5);
    expect(policy.cost(host)).toBeCloseTo(100 * w + 10 * (1 - w), 12);
  });

  it('P2C picks the lower cost of two distinct hosts', () => {
    const env = new ScriptedEnv({ seed: 4 });
    const policy = peakEwmaPolicy(env, { defaultRtt: 10 });
    const balancer = new Balancer(policy);
    balancer.setHosts([{ id: 'slow' }, { id: 'fast' }]);
    balancer.onStart(balancer.get('slow')!);
    balancer.onEnd(balancer.get('slow')!, 500, true);
    for (let i = 0; i < 100; i++) expect(balancer.pick()!.id).toBe('fast');
  });

  it('sends most traffic away from a slow host among many', () => {
    const env = new ScriptedEnv({ seed: 8 });
    const policy = peakEwmaPolicy(env);
    const balancer = new Balancer(policy);
    balancer.setHosts(Array.from({ length: 5 }, (_, i) => ({ id: `h${i}` })));
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      env.advance(1);
      const host = balancer.pick()!;
      counts.set(host.id, (counts.get(host.id) ?? 0) + 1);
      balancer.onStart(host);
      balancer.onEnd(host, host.id === 'h0' ? 200 : 20, true);
    }
    // Once measured, h0 costs 10x the others and loses every comparison until its
    // estimate decays; it is picked only while still at the default estimate.
    expect(counts.get('h0')! / 5000).toBeLessThan(0.01);
  });

  it('validates options', () => {
    const env = new ScriptedEnv();
    expect(() => peakEwmaPolicy(env, { decay: 0 })).toThrow(
      'balancer: peak-ewma: decay must be a number in (0, 3600000], got 0',
    );
    expect(() => peakEwmaPolicy(env, { defaultRtt: -5 })).toThrow(/defaultRtt must be a number in \(0, 3600000\]/);
    expect(() => peakEwmaPolicy(env, { decayMs: 10 })).toThrow(/unknown option "decayMs"; allowed: decay, defaultRtt/);
  });

  it('is registered as "peak-ewma"', () => {
    expect(policies['peak-ewma']!(new ScriptedEnv(), { decay: 5000 }).name).toBe('peak-ewma');
  });
});
