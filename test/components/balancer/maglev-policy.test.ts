import { describe, expect, it } from 'vitest';
import { endpoint, type Endpoint } from '../../../components/balancer/endpoint';
import { SeededRng } from '../../../sim/rng';
import { MaglevHash } from '../../../components/ring/maglev-hash';
import { maglevPolicy } from '../../../components/balancer/maglev-policy';
import { fakeEnv } from '../ring/fake-env';

function hosts(count: number): Endpoint[] {
  return Array.from({ length: count }, (_, i) => endpoint(`10.0.0.${i}:80`));
}

describe('maglevPolicy', () => {
  it("is named 'maglev' and agrees with MaglevHash over the same hosts (M = 65,537 by default)", () => {
    const candidates = hosts(9);
    const placement = new MaglevHash();
    for (const host of [...candidates].reverse()) placement.add(host.id);
    const policy = maglevPolicy(fakeEnv(), {});
    expect(policy.name).toBe('maglev');
    for (let i = 0; i < 1000; i++) expect(policy.choose(candidates, { key: `k${i}` }).id).toBe(placement.lookup(`k${i}`));
  });

  it('honours tableSize', () => {
    const candidates = hosts(3);
    const placement = new MaglevHash({ tableSize: 251 });
    for (const host of candidates) placement.add(host.id);
    const policy = maglevPolicy(fakeEnv(), { tableSize: 251 });
    for (let i = 0; i < 300; i++) expect(policy.choose(candidates, { key: `k${i}` }).id).toBe(placement.lookup(`k${i}`));
  });

  it('weights hosts by host.weight (1:3 → 25%:75% of keys)', () => {
    const candidates = [endpoint('a', 1), endpoint('b', 3)];
    const policy = maglevPolicy(fakeEnv(), {});
    let aCount = 0;
    for (let i = 0; i < 20_000; i++) if (policy.choose(candidates, { key: `k${i}` }).id === 'a') aCount++;
    expect(aCount / 20_000).toBeGreaterThan(0.23);
    expect(aCount / 20_000).toBeLessThan(0.27);
  });

  it('rebuilds the table only when the candidates array changes identity', () => {
    const candidates = hosts(4);
    const policy = maglevPolicy(fakeEnv(), {});
    const before = Array.from({ length: 200 }, (_, i) => policy.choose(candidates, { key: `k${i}` }).id);
    candidates.pop(); // same identity: the stale table is kept until the balancer hands a new array
    expect(Array.from({ length: 200 }, (_, i) => policy.choose(candidates, { key: `k${i}` }).id)).toEqual(before);
    const fresh = candidates.slice();
    const after = Array.from({ length: 200 }, (_, i) => policy.choose(fresh, { key: `k${i}` }).id);
    expect(after).not.toContain('10.0.0.3:80');
  });

  it("picks uniformly from env.rng('balancer.hash') when there is no key", () => {
    const candidates = hosts(5);
    const policy = maglevPolicy(fakeEnv(3), {});
    const rng = new SeededRng(3, 'balancer.hash');
    for (let i = 0; i < 50; i++) expect(policy.choose(candidates, undefined)).toBe(candidates[rng.int(5)]);
  });

  it('rejects unknown options and a table size that is not prime', () => {
    expect(() => maglevPolicy(fakeEnv(), { size: 7 })).toThrow(/balancer: maglev: unknown option "size"; allowed: tableSize/);
    expect(() => maglevPolicy(fakeEnv(), { tableSize: 65_536 })).toThrow(/tableSize must be prime/);
    expect(() => maglevPolicy(fakeEnv(), { tableSize: 1 })).toThrow(/tableSize must be an integer in \[2, 5000011\], got 1/);
  });
});
