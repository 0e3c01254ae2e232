import { HashRing, JumpHash, MaglevHash, BoundedLoadRing } from '../../../components/ring/index';
import type { FidelityCase } from '../fidelity-case';
import { maxOf } from '../../../sim/stats';

const KARGER = 'Karger et al., STOC 1997';
const keys = (seed: number, count: number) => Array.from({ length: count }, (_, i) => `s${seed}-key-${i}`);

function moved(before: (k: string) => string, after: (k: string) => string, ks: readonly string[]): number {
  let m = 0;
  for (const k of ks) if (before(k) !== after(k)) m++;
  return m / ks.length;
}

function ringMovement(n: number, vnodes: number, seed: number, scale: number): number {
  const ring = new HashRing({ vnodes });
  for (let i = 0; i < n; i++) ring.add(`node-${seed}-${i}`);
  const ks = keys(seed, Math.round(100_000 * scale));
  const before = ks.map((k) => ring.lookup(k));
  ring.add(`node-${seed}-${n}`);
  let m = 0;
  ks.forEach((k, i) => { if (ring.lookup(k) !== before[i]) m++; });
  return m / ks.length;
}

export const hashingCases: FidelityCase[] = [
  ...[10, 100].map((n): FidelityCase => ({
    id: `hashing/ring-add-${n}`, area: 'hashing', title: 'ring: fraction of keys moved adding a node', params: `n = ${n} → ${n + 1}, 1000 vnodes, 10⁵ keys`,
    reference: 1 / (n + 1), source: KARGER,
    tolerance: { kind: 'relative', value: 0.1 }, replications: 5,
    run: (seed, scale) => ringMovement(n, 1000, seed, scale),
  })),
  {
    id: 'hashing/ring-spread-100', area: 'hashing', title: 'ring: std/mean of keys per node', params: '10 nodes, 100 vnodes, 10⁵ keys',
    reference: 1 / Math.sqrt(100), source: `${KARGER}: std/mean ≈ 1/√v`,
    tolerance: { kind: 'relative', value: 0.35 }, replications: 5,
    run: (seed, scale) => {
      const ring = new HashRing({ vnodes: 100 });
      for (let i = 0; i < 10; i++) ring.add(`node-${seed}-${i}`);
      const counts = new Map<string, number>();
      for (const k of keys(seed, Math.round(100_000 * scale))) counts.set(ring.lookup(k), (counts.get(ring.lookup(k)) ?? 0) + 1);
      const xs = [...counts.values()];
      const mean = xs.reduce((a, b) => a + b, 0) / 10;
      return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 10) / mean;
    },
  },
  {
    id: 'hashing/jump-add-100', area: 'hashing', title: 'jump hash: fraction of keys moved growing n', params: 'n = 100 → 101, 10⁵ keys',
    reference: 1 / 101, source: 'Lamping & Veach 2014',
    tolerance: { kind: 'relative', value: 0.1 }, replications: 5,
    run: (seed, scale) => {
      const a = new JumpHash();
      const b = new JumpHash();
      for (let i = 0; i < 100; i++) { a.add(`n${i}`); b.add(`n${i}`); }
      b.add('n100');
      return moved((k) => a.lookup(k), (k) => b.lookup(k), keys(seed, Math.round(100_000 * scale)));
    },
  },
  {
    id: 'hashing/maglev-remove', area: 'hashing', title: 'Maglev: keys of surviving backends moved on a removal', params: '100 backends, M = 65537, 10⁵ keys',
    reference: 0, source: 'Eisenbud et al., NSDI 2016 §3.4 (minimal disruption; ideal 0)',
    tolerance: { kind: 'absolute', value: 0.01 }, replications: 3,
    run: (seed, scale) => {
      const a = new MaglevHash();
      const b = new MaglevHash();
      for (let i = 0; i < 100; i++) { a.add(`b${seed}-${i}`); if (i !== 7) b.add(`b${seed}-${i}`); }
      const survivors = keys(seed, Math.round(100_000 * scale)).filter((k) => a.lookup(k) !== `b${seed}-7`);
      return moved((k) => a.lookup(k), (k) => b.lookup(k), survivors);
    },
  },
  {
    id: 'hashing/bounded-loads', area: 'hashing', title: 'bounded loads: max load / ⌈c·m/n⌉', params: 'c = 1.25, 20 bins, 10⁴ balls',
    reference: 1, source: 'Mirrokni, Thorup, Zadimoghaddam, SODA 2018 (a bound: never above 1)',
    tolerance: { kind: 'atMost', value: 0 }, replications: 3,
    run: (seed, scale) => {
      const ring = new BoundedLoadRing({ balanceFactor: 1.25 });
      for (let i = 0; i < 20; i++) ring.add(`bin-${seed}-${i}`);
      const loads = new Map<string, number>();
      const m = Math.round(10_000 * scale);
      for (const k of keys(seed, m)) { const b = ring.assign(k); loads.set(b, (loads.get(b) ?? 0) + 1); }
      return maxOf(loads.values()) / Math.ceil((1.25 * m) / 20);
    },
  },
];
