import { BPlusTree } from '../../../components/btree/index';
import { SeededRng } from '../../../sim/rng';
import type { FidelityCase } from '../fidelity-case';

/**
 * Random sets and deletes on a B+tree of order 8 against a Map: the number of steps at
 * which an invariant check failed or the contents differed from the reference (must be 0).
 */
function violations(seed: number, scale: number): number {
  const rng = new SeededRng(seed, 'btree');
  const tree = new BPlusTree<number, number>({ order: 8 });
  const reference = new Map<number, number>();
  let bad = 0;
  const steps = Math.round(100_000 * scale);
  for (let i = 0; i < steps; i++) {
    const key = rng.int(5000);
    if (rng.next() < 0.6) {
      tree.set(key, i);
      reference.set(key, i);
    } else if (tree.delete(key) !== reference.delete(key)) bad++;
    if (i % 1000 === 999) {
      try {
        tree.checkInvariants();
      } catch {
        bad++;
      }
      if (tree.size !== reference.size) bad++;
      const inOrder = [...tree.range()].map(([k]) => k);
      const sorted = [...reference.keys()].sort((a, b) => a - b);
      if (inOrder.length !== sorted.length || inOrder.some((k, j) => k !== sorted[j])) bad++;
    }
  }
  return bad;
}

export const storageCases: FidelityCase[] = [
  {
    id: 'storage/btree-invariants', area: 'storage', title: 'B+tree: invariant or content violations under random operations', params: 'order 8, 10⁵ set/delete on 5,000 keys, checked every 1,000',
    reference: 0, source: 'Comer, "The Ubiquitous B-Tree" (1979) invariants; a Map as reference',
    tolerance: { kind: 'absolute', value: 0 }, replications: 3,
    run: violations,
  },
  {
    id: 'storage/btree-height', area: 'storage', title: 'B+tree height after 10⁶ random inserts', params: 'order 32',
    reference: 4.5, source: 'Comer (1979): height 4 or 5 at m = L = 32 and 10⁶ keys',
    tolerance: { kind: 'absolute', value: 0.5 }, replications: 1,
    run: (seed, scale) => {
      const rng = new SeededRng(seed, 'btree-height');
      const tree = new BPlusTree<number, number>({ order: 32 });
      const n = Math.round(1_000_000 * Math.max(scale, 1));
      for (let i = 0; i < n; i++) tree.set(rng.next(), i);
      return tree.height;
    },
  },
];
