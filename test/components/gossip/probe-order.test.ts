import { describe, expect, it } from 'vitest';
import { ProbeOrder } from '../../../components/gossip/index';
import { SeededRng } from '../../../sim/rng';

function pass(order: ProbeOrder): number[] {
  const out: number[] = [];
  for (let index = order.next(); index >= 0; index = order.next()) out.push(index);
  return out;
}

describe('ProbeOrder', () => {
  it.each([1, 2, 3, 7, 100, 1000, 4097])('each pass over %i indexes is a permutation', (domain) => {
    const order = new ProbeOrder(new SeededRng(1, 'probe'));
    order.reset(domain);
    const visited = pass(order);
    expect(visited.length).toBe(domain);
    expect(new Set(visited).size).toBe(domain);
    expect(Math.min(...visited)).toBe(0);
    expect(Math.max(...visited)).toBe(domain - 1);
    expect(order.passDone).toBe(true);
  });

  it('reshuffles at every pass', () => {
    const order = new ProbeOrder(new SeededRng(1, 'probe'));
    order.reset(50);
    const first = pass(order);
    order.reset(50);
    expect(pass(order)).not.toEqual(first);
    expect(order.passes).toBe(2);
  });

  it('puts each index at each position about equally often', () => {
    const order = new ProbeOrder(new SeededRng(7, 'probe'));
    const domain = 10;
    const passes = 20_000;
    const counts = new Array(domain).fill(0);
    for (let p = 0; p < passes; p++) {
      order.reset(domain);
      counts[order.next()]++; // the first position
    }
    for (const count of counts) expect(Math.abs(count / passes - 0.1)).toBeLessThan(0.01);
  });

  it('inserts an index beyond the pass domain at a random position, memberlist style', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const order = new ProbeOrder(new SeededRng(seed, 'probe'));
      order.reset(10);
      const visited = [order.next(), order.next()];
      order.insert(10);
      order.insert(11);
      order.insert(4); // within the domain: already reachable, nothing to do
      expect(order.passLength).toBe(12);
      visited.push(...pass(order));
      expect(visited.length).toBe(12);
      // Every original index is still probed; an inserted one that landed on an already
      // visited position waits for the next pass and its displaced index is probed twice.
      for (let i = 0; i < 10; i++) expect(visited).toContain(i);
      for (const inserted of [10, 11]) expect(visited.filter((x) => x === inserted).length).toBeLessThanOrEqual(1);
    }
  });

  it('with nothing to probe, a pass is empty', () => {
    const order = new ProbeOrder(new SeededRng(1, 'probe'));
    order.reset(0);
    expect(order.next()).toBe(-1);
    order.insert(0);
    expect(pass(order)).toEqual([0]);
  });
});
