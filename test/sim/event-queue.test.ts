import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../sim/event-queue';

function drain(queue: EventQueue): [number, unknown][] {
  const out: [number, unknown][] = [];
  while (queue.pop()) out.push([queue.time, queue.arg]);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order and breaks ties by insertion order', () => {
    const q = new EventQueue(2);
    const fn = () => {};
    q.push(5, fn, 'a');
    q.push(1, fn, 'b');
    q.push(5, fn, 'c');
    q.push(1, fn, 'd');
    q.push(3, fn, 'e');
    expect(drain(q)).toEqual([[1, 'b'], [1, 'd'], [3, 'e'], [5, 'a'], [5, 'c']]);
  });

  it('is empty with peekTime Infinity', () => {
    const q = new EventQueue();
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('matches a stable sort for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new EventQueue(1);
        const model: { t: number; id: number }[] = [];
        let id = 0;
        for (const op of ops) {
          if (op >= 0) {
            q.push(op, () => {}, id);
            model.push({ t: op, id: id++ });
          } else {
            model.sort((a, b) => a.t - b.t || a.id - b.id);
            const expected = model.shift();
            expect(q.pop()).toBe(expected !== undefined);
            if (expected) expect([q.time, q.arg]).toEqual([expected.t, expected.id]);
          }
        }
        model.sort((a, b) => a.t - b.t || a.id - b.id);
        expect(drain(q)).toEqual(model.map((e) => [e.t, e.id]));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('filter keeps the heap order', () => {
    const q = new EventQueue(1);
    for (let i = 0; i < 100; i++) q.push((i * 37) % 101, () => {}, i);
    q.filter((_fn, arg) => (arg as number) % 3 !== 0);
    const out = drain(q);
    expect(out.length).toBe(66);
    for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThanOrEqual(out[i - 1]![0]);
  });
});
