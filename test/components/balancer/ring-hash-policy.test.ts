import { describe, expect, it } from 'vitest';
import { endpoint, type Endpoint } from '../../../components/balancer/endpoint';
import { SeededRng } from '../../../sim/rng';
import { HashRing } from '../../../components/ring/hash-ring';
import { ringHashPolicy } from '../../../components/balancer/ring-hash-policy';
import { fakeEnv } from '../ring/fake-env';

function hosts(count: number, weight = 1): Endpoint[] {
  return Array.from({ length: count }, (_, i) => endpoint(`10.0.0.${i}:80`, weight));
}

describe('ringHashPolicy', () => {
  it("is named 'ring-hash' and sends a key to the same host every time", () => {
    const policy = ringHashPolicy(fakeEnv(), {});
    expect(policy.name).toBe('ring-hash');
    const candidates = hosts(5);
    const first = policy.choose(candidates, { key: 'user-1' });
    for (let i = 0; i < 10; i++) expect(policy.choose(candidates, { key: 'user-1' })).toBe(first);
  });

  it('uses Envoy’s ring size: ⌈1024/hosts⌉ points per host with equal weights', () => {
    for (const count of [1, 3, 7]) {
      const candidates = hosts(count, 3);
      const ring = new HashRing({ vnodes: Math.ceil(1024 / count) });
      for (const host of candidates) ring.add(host.id);
      const policy = ringHashPolicy(fakeEnv(), {});
      for (let i = 0; i < 500; i++) expect(policy.choose(candidates, { key: `k${i}` }).id).toBe(ring.lookup(`k${i}`));
    }
  });

  it('weights hosts: the lightest gets ⌈ŵ_min·1024⌉ points, others in proportion', () => {
    const candidates = [endpoint('a', 1), endpoint('b', 3)];
    const ring = new HashRing({ vnodes: 256 }); // ⌈0.25 · 1024⌉
    ring.add('a', 1);
    ring.add('b', 3);
    const policy = ringHashPolicy(fakeEnv(), {});
    let bCount = 0;
    for (let i = 0; i < 4000; i++) {
      const chosen = policy.choose(candidates, { key: `k${i}` }).id;
      expect(chosen).toBe(ring.lookup(`k${i}`));
      if (chosen === 'b') bCount++;
    }
    expect(bCount / 4000).toBeGreaterThan(0.7);
    expect(bCount / 4000).toBeLessThan(0.8);
  });

  it('honours the vnodes and minimumRingSize options', () => {
    const candidates = hosts(4);
    const ring = new HashRing({ vnodes: 7 });
    for (const host of candidates) ring.add(host.id);
    const withVnodes = ringHashPolicy(fakeEnv(), { vnodes: 7 });
    const withSize = ringHashPolicy(fakeEnv(), { minimumRingSize: 28 });
    for (let i = 0; i < 300; i++) {
      expect(withVnodes.choose(candidates, { key: `k${i}` }).id).toBe(ring.lookup(`k${i}`));
      expect(withSize.choose(candidates, { key: `k${i}` }).id).toBe(ring.lookup(`k${i}`));
    }
  });

  it('rebuilds the ring only when the candidates array changes identity', () => {
    const candidates = [endpoint('a', 1), endpoint('b', 1)];
    const policy = ringHashPolicy(fakeEnv(), {});
    const before = Array.from({ length: 300 }, (_, i) => policy.choose(candidates, { key: `k${i}` }).id);
    candidates[0]!.weight = 100; // same array: the cached ring still has equal weights
    expect(Array.from({ length: 300 }, (_, i) => policy.choose(candidates, { key: `k${i}` }).id)).toEqual(before);
    const fresh = candidates.slice(); // new identity: rebuilt with a's new weight
    const after = Array.from({ length: 300 }, (_, i) => policy.choose(fresh, { key: `k${i}` }).id);
    expect(after.filter((id) => id === 'a').length).toBeGreaterThan(before.filter((id) => id === 'a').length);
  });

  it("picks uniformly from env.rng('balancer.hash') when there is no key", () => {
    const candidates = hosts(6);
    const policy = ringHashPolicy(fakeEnv(7), {});
    const rng = new SeededRng(7, 'balancer.hash');
    for (let i = 0; i < 50; i++) {
      const expected = candidates[rng.int(6)];
      expect(policy.choose(candidates, i % 2 === 0 ? undefined : {})).toBe(expected);
    }
  });

  it('rejects unknown and malformed options at construction', () => {
    expect(() => ringHashPolicy(fakeEnv(), { vnode: 3 })).toThrowErrorMatchingInlineSnapshot(
      `[ComponentError: balancer: ring-hash: unknown option "vnode"; allowed: vnodes, minimumRingSize]`,
    );
    expect(() => ringHashPolicy(fakeEnv(), { vnodes: '100' })).toThrowErrorMatchingInlineSnapshot(
      `[ComponentError: balancer: ring-hash: vnodes must be an integer in [1, 1048576], got "100"]`,
    );
    expect(() => ringHashPolicy(fakeEnv(), { minimumRingSize: 0 })).toThrow(/minimumRingSize must be an integer in \[1, 8388608\], got 0/);
  });
});
