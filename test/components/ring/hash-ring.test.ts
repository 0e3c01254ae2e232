import { describe, expect, it } from 'vitest';
import { keyMovement, loadCounts, loadStats } from '../../../components/ring/analysis';
import { HashRing } from '../../../components/ring/hash-ring';
import { murmur3String } from '../../../components/ring/murmur3';

const keyCount = 100_000;

function ring(nodeCount: number, opts: { vnodes?: number; prefix?: string } = {}): HashRing {
  const r = new HashRing({ vnodes: opts.vnodes });
  for (let i = 0; i < nodeCount; i++) r.add(`${opts.prefix ?? 'node'}-${i}`);
  return r;
}

describe('HashRing', () => {
  it('has the expected defaults: 160 vnodes per unit of weight (ketama)', () => {
    const r = new HashRing();
    expect(r.vnodes).toBe(160);
    expect(r.name).toBe('hash-ring');
    r.add('a');
    r.add('b', 2.5);
    expect(r.pointCount()).toBe(160 + 400);
  });

  it('gives a node round(vnodes·weight) points', () => {
    const r = new HashRing({ vnodes: 10 });
    r.add('a', 0.05); // 0.5 rounds to 1
    r.add('b', 0.26); // 2.6 → 3
    r.add('c', 1.04); // 10.4 → 10
    expect(r.pointCount()).toBe(14);
    r.checkInvariants();
  });

  it('lookup(key) returns the owner of the first point clockwise (smallest point hash ≥ key hash)', () => {
    // Points a-0, b-0, c-0 at 100, 200, 300; a key "n" hashes to n.
    const named = new HashRing({ vnodes: 1, hash: (key) => ({ 'a-0': 100, 'b-0': 200, 'c-0': 300 })[key] ?? Number(key) });
    named.add('a');
    named.add('b');
    named.add('c');
    expect(named.lookup('50')).toBe('a');
    expect(named.lookup('100')).toBe('a');
    expect(named.lookup('101')).toBe('b');
    expect(named.lookup('300')).toBe('c');
    expect(named.lookup('301')).toBe('a'); // wraps around
    named.checkInvariants();
  });

  it('breaks equal point hashes by node name, whatever the order of add', () => {
    const constant = (): number => 7;
    const forward = new HashRing({ vnodes: 3, hash: constant });
    const backward = new HashRing({ vnodes: 3, hash: constant });
    for (const node of ['m', 'b', 'z']) forward.add(node);
    for (const node of ['z', 'b', 'm']) backward.add(node);
    forward.checkInvariants();
    backward.checkInvariants();
    expect(forward.lookup('anything')).toBe('b');
    expect(backward.lookup('anything')).toBe('b');
    expect(forward.replicas('k', 3)).toEqual(['b', 'm', 'z']);
  });

  it('answers the same for any order of add', () => {
    const names = Array.from({ length: 20 }, (_, i) => `node-${i}`);
    const a = new HashRing();
    const b = new HashRing();
    for (const node of names) a.add(node);
    for (const node of [...names].reverse()) b.add(node);
    expect(keyMovement((k) => a.lookup(k), (k) => b.lookup(k), 10_000).movedCount).toBe(0);
  });

  it('is deterministic: pinned owners of a few keys (changes only if the hash or point naming changes)', () => {
    const r = ring(5);
    expect(['key-0', 'key-1', 'key-2', 'user:42', 'ü'].map((k) => r.lookup(k))).toMatchInlineSnapshot(`
      [
        "node-4",
        "node-3",
        "node-3",
        "node-1",
        "node-0",
      ]
    `);
  });

  it('names points "<node>-<i>" hashed with MurmurHash3 seed 0', () => {
    const r = new HashRing({ vnodes: 1 });
    r.add('solo');
    r.add('other');
    const soloPoint = murmur3String('solo-0');
    const otherPoint = murmur3String('other-0');
    const [low, high] = soloPoint < otherPoint ? ['solo', 'other'] : ['other', 'solo'];
    expect(r.pointOwner(0)).toBe(low);
    expect(r.pointOwner(1)).toBe(high);
  });

  describe('replicas(key, n)', () => {
    const r = ring(8);

    it('returns n distinct nodes, the first being lookup(key)', () => {
      for (let i = 0; i < 500; i++) {
        const key = `key-${i}`;
        const replicas = r.replicas(key, 3);
        expect(replicas).toHaveLength(3);
        expect(new Set(replicas).size).toBe(3);
        expect(replicas[0]).toBe(r.lookup(key));
      }
    });

    it('returns every node for n = node count, and [] for n = 0', () => {
      expect(new Set(r.replicas('key-1', 8))).toEqual(new Set(r.nodes()));
      expect(r.replicas('key-1', 0)).toEqual([]);
    });

    it('throws when n exceeds the node count or is not an integer', () => {
      expect(() => r.replicas('k', 9)).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: hash-ring: replicas(key, n) needs an integer n in [0, 8] (the node count), got 9]`,
      );
      expect(() => r.replicas('k', -1)).toThrow(/got -1/);
      expect(() => r.replicas('k', 1.5)).toThrow(/got 1.5/);
    });
  });

  describe('errors', () => {
    it('throws on lookup in an empty ring', () => {
      expect(() => new HashRing().lookup('k')).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: hash-ring: lookup of "k" in an empty placement (add a node first)]`,
      );
    });

    it('throws on duplicate add and unknown remove', () => {
      const r = ring(2);
      expect(() => r.add('node-0')).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: hash-ring: node "node-0" is already present (remove it first to change its weight)]`,
      );
      expect(() => r.remove('nope')).toThrowErrorMatchingInlineSnapshot(`[RingError: ring: hash-ring: unknown node "nope"]`);
      expect(() => r.add('')).toThrow(/non-empty string/);
    });

    it('rejects bad vnodes with the field, value and range (never clamps)', () => {
      expect(() => new HashRing({ vnodes: 0 })).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: hash-ring: vnodes must be an integer in [1, 1048576], got 0]`,
      );
      expect(() => new HashRing({ vnodes: 2.5 })).toThrow(/got 2.5/);
      expect(() => new HashRing({ vnodes: 2 ** 20 + 1 })).toThrow(/got 1048577/);
      expect(() => new HashRing({ vnodes: Number.NaN })).toThrow(/got NaN/);
    });

    it('rejects bad weights, including one that rounds to zero points', () => {
      const r = new HashRing({ vnodes: 10 });
      expect(() => r.add('a', 0)).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: weight of node "a" must be a number in (0, 1000000], got 0]`,
      );
      expect(() => r.add('a', -1)).toThrow(/got -1/);
      expect(() => r.add('a', Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
      expect(() => r.add('a', 0.04)).toThrowErrorMatchingInlineSnapshot(
        `[RingError: ring: hash-ring: node "a" with weight 0.04 gets round(vnodes·weight) = round(10·0.04) = 0 points; must be in [1, 8388608] (at most 8388608 points in all)]`,
      );
      expect(r.nodes()).toEqual([]);
    });

    it('rejects a custom hash that returns a value outside [0, 2^32)', () => {
      const r = new HashRing({ hash: () => -1 });
      expect(() => r.add('a')).toThrow(/hash must return an integer in \[0, 4294967295\], got -1 for "a-0"/);
    });
  });

  describe('fidelity (Karger et al. 1997)', () => {
    // At 160 points a node's share has std/mean ≈ 1/√160 ≈ 8%, so a single ring lands
    // within 10% of 1/(n+1) only ~80% of the time. Single rings are checked at 1000
    // points (std/mean ≈ 3%, 10% ≈ 3σ); the default is checked on the mean of 8 rings.
    it.each([10, 100])('adding node %i+1 to a 1000-vnode ring moves ≈ 1/(n+1) of keys, all to the new node', (n) => {
      const before = ring(n, { vnodes: 1000 });
      const after = ring(n + 1, { vnodes: 1000 });
      const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), keyCount);
      expect([...movement.to.keys()]).toEqual([`node-${n}`]);
      expect(movement.movedFraction * (n + 1)).toBeGreaterThan(0.9);
      expect(movement.movedFraction * (n + 1)).toBeLessThan(1.1);
      // Exactly the new node's keys move.
      expect(movement.movedCount).toBe(loadCounts((k) => after.lookup(k), keyCount).get(`node-${n}`));
    });

    it.each([10, 100])('with the default 160 vnodes, the mean moved fraction over 8 rings is within 10% of 1/(n+1) (n = %i)', (n) => {
      let sum = 0;
      for (let trial = 0; trial < 8; trial++) {
        const before = ring(n, { prefix: `t${trial}` });
        const after = ring(n + 1, { prefix: `t${trial}` });
        const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), 20_000);
        expect([...movement.to.keys()]).toEqual([`t${trial}-${n}`]);
        sum += movement.movedFraction;
      }
      expect((sum / 8) * (n + 1)).toBeGreaterThan(0.9);
      expect((sum / 8) * (n + 1)).toBeLessThan(1.1);
    });

    it('removing a node moves only that node’s keys, spread over the others', () => {
      const before = ring(10);
      const after = ring(10);
      after.remove('node-3');
      const movement = keyMovement((k) => before.lookup(k), (k) => after.lookup(k), keyCount);
      expect([...movement.from.keys()]).toEqual(['node-3']);
      expect(movement.movedCount).toBe(loadCounts((k) => before.lookup(k), keyCount).get('node-3'));
      expect(movement.to.size).toBeGreaterThan(5);
    });

    it('std/mean of load falls like 1/√vnodes (vnodes 1, 10, 100, 1000; 10 nodes, 1e5 keys)', () => {
      // Check: std/mean · √vnodes stays in [0.5, 2] (theory: ≈ 1), and max/mean falls
      // strictly. With 10 nodes the sample std itself varies by about ±25% (1σ).
      const maxOverMean: number[] = [];
      for (const vnodes of [1, 10, 100, 1000]) {
        const r = ring(10, { vnodes });
        const stats = loadStats(loadCounts((k) => r.lookup(k), keyCount, r.nodes()).values());
        expect(stats.stdOverMean * Math.sqrt(vnodes)).toBeGreaterThan(0.5);
        expect(stats.stdOverMean * Math.sqrt(vnodes)).toBeLessThan(2);
        maxOverMean.push(stats.maxOverMean);
      }
      for (let i = 1; i < maxOverMean.length; i++) expect(maxOverMean[i]).toBeLessThan(maxOverMean[i - 1]!);
      expect(maxOverMean[3]).toBeLessThan(1.1);
    });

    it('with one point per node, the mean max/mean share over 400 rings is the harmonic number H_10 ≈ 2.929 (±5%)', () => {
      // The n arcs are the spacings of n uniform points; the largest has mean H_n/n.
      let sum = 0;
      for (let trial = 0; trial < 400; trial++) {
        sum += loadStats(ring(10, { vnodes: 1, prefix: `r${trial}` }).ownership().values()).maxOverMean;
      }
      const harmonic10 = 7381 / 2520;
      expect(sum / 400 / harmonic10).toBeGreaterThan(0.95);
      expect(sum / 400 / harmonic10).toBeLessThan(1.05);
    });

    it('gives a node of weight 2 twice the share of weight-1 nodes', () => {
      const r = new HashRing({ vnodes: 1000 });
      for (let i = 0; i < 4; i++) r.add(`node-${i}`);
      r.add('heavy', 2);
      const shares = r.ownership();
      expect(shares.get('heavy')! / (1 / 3)).toBeGreaterThan(0.9);
      expect(shares.get('heavy')! / (1 / 3)).toBeLessThan(1.1);
    });
  });

  it('ownership() shares sum to 1 and match sampled key shares', () => {
    const r = ring(10);
    const shares = r.ownership();
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const counts = loadCounts((k) => r.lookup(k), keyCount);
    for (const [node, share] of shares) expect(Math.abs(counts.get(node)! / keyCount - share)).toBeLessThan(0.005);
  });

  it('keeps its invariants through random adds and removes (model: the set of nodes)', () => {
    const r = new HashRing({ vnodes: 20 });
    const model = new Set<string>();
    let state = 12345;
    for (let step = 0; step < 300; step++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0; // fixed LCG, no Math.random
      const node = `n${state % 23}`;
      if (model.has(node)) {
        r.remove(node);
        model.delete(node);
      } else {
        r.add(node, 1 + (state % 3));
        model.add(node);
      }
      r.checkInvariants();
      expect(new Set(r.nodes())).toEqual(model);
      if (model.size > 0) expect(model.has(r.lookup(`key-${step}`))).toBe(true);
    }
  });
});
