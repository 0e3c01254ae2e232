import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BPlusTree, WriteBuffer, writeBufferDefaults } from '../../../components/btree';
import { ComponentError } from '../../../components/errors';
import { runAgainstModel, scenarioArbitrary } from './model-operations';

/** A tree that records the writes it receives, to observe what a flush does. */
class RecordingTree extends BPlusTree<number, number> {
  readonly writes: string[] = [];

  override set(key: number, value: number): void {
    this.writes.push(`set ${key}`);
    super.set(key, value);
  }

  override delete(key: number): boolean {
    this.writes.push(`delete ${key}`);
    return super.delete(key);
  }
}

/** A tree holding k -> k * 10 for k = 1..10, and a buffer of the given capacity over it. */
function bufferOverTen(capacity = 100): { tree: BPlusTree<number, number>; buffer: WriteBuffer<number, number> } {
  const tree = BPlusTree.fromSorted(
    Array.from({ length: 10 }, (_, i): [number, number] => [i + 1, (i + 1) * 10]),
    { order: 3 },
  );
  return { tree, buffer: new WriteBuffer(tree, { capacity }) };
}

describe('WriteBuffer options', () => {
  it('has the expected default capacity of 1024', () => {
    expect(new WriteBuffer(new BPlusTree()).capacity).toBe(1024);
    expect(writeBufferDefaults.capacity).toBe(1024);
    expect(Object.isFrozen(writeBufferDefaults)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN, 1_048_577])('rejects capacity %s with a ComponentError naming the field, the value and the range', (capacity) => {
    expect(() => new WriteBuffer(new BPlusTree(), { capacity })).toThrow(ComponentError);
    expect(() => new WriteBuffer(new BPlusTree(), { capacity })).toThrow(
      `writeBuffer: capacity must be an integer in [1, 1048576], got ${capacity}`,
    );
  });

  it('accepts the boundary capacities 1 and 1048576 as given', () => {
    expect(new WriteBuffer(new BPlusTree(), { capacity: 1 }).capacity).toBe(1);
    expect(new WriteBuffer(new BPlusTree(), { capacity: 1_048_576 }).capacity).toBe(1_048_576);
  });
});

describe('WriteBuffer writes', () => {
  it('keeps a set in the buffer, visible to reads, until flush', () => {
    const tree = new BPlusTree<number, string>();
    const buffer = new WriteBuffer(tree, { capacity: 8 });
    buffer.set(1, 'one');
    expect(buffer.get(1)).toBe('one');
    expect(buffer.has(1)).toBe(true);
    expect(buffer.size).toBe(1);
    expect(buffer.pending).toBe(1);
    expect(tree.size).toBe(0);
    expect(buffer.flush()).toBe(1);
    expect(buffer.pending).toBe(0);
    expect(tree.get(1)).toBe('one');
    expect(buffer.flush()).toBe(0);
  });

  it('flush applies pending writes to the tree in ascending key order', () => {
    const tree = new RecordingTree({ order: 3 });
    tree.set(4, 40);
    tree.writes.length = 0;
    const buffer = new WriteBuffer(tree, { capacity: 100 });
    for (const key of [9, 2, 7, 5]) buffer.set(key, key);
    buffer.delete(4);
    expect(tree.writes).toEqual([]);
    expect(buffer.flush()).toBe(5);
    expect(tree.writes).toEqual(['set 2', 'delete 4', 'set 5', 'set 7', 'set 9']);
  });

  it('flushes by itself when the number of pending keys reaches capacity', () => {
    const tree = new BPlusTree<number, number>();
    const buffer = new WriteBuffer(tree, { capacity: 4 });
    for (const key of [1, 2, 3]) buffer.set(key, key);
    buffer.set(2, 20); // an overwrite adds no pending key
    expect(buffer.pending).toBe(3);
    expect(tree.size).toBe(0);
    buffer.set(4, 4);
    expect(buffer.pending).toBe(0);
    expect([...tree.range()]).toEqual([[1, 1], [2, 20], [3, 3], [4, 4]]);
  });

  it('with capacity 1 every write goes straight through', () => {
    const { tree, buffer } = bufferOverTen(1);
    buffer.set(11, 110);
    expect(tree.get(11)).toBe(110);
    expect(buffer.delete(1)).toBe(true);
    expect(tree.has(1)).toBe(false);
    expect(buffer.pending).toBe(0);
  });

  it('a delete of a tree key is a tombstone: hidden from reads, applied at flush', () => {
    const { tree, buffer } = bufferOverTen();
    expect(buffer.delete(3)).toBe(true);
    expect(buffer.get(3)).toBeUndefined();
    expect(buffer.has(3)).toBe(false);
    expect(buffer.size).toBe(9);
    expect(tree.has(3)).toBe(true);
    expect(buffer.delete(3)).toBe(false);
    buffer.flush();
    expect(tree.has(3)).toBe(false);
    expect(buffer.size).toBe(9);
  });

  it('deleting an absent key returns false and buffers nothing', () => {
    const { buffer } = bufferOverTen();
    expect(buffer.delete(42)).toBe(false);
    expect(buffer.pending).toBe(0);
    expect(buffer.size).toBe(10);
  });

  it('a set after a delete brings the key back; a new key set then deleted never reaches the tree', () => {
    const { tree, buffer } = bufferOverTen();
    buffer.delete(5);
    buffer.set(5, -5);
    expect(buffer.get(5)).toBe(-5);
    buffer.set(20, 200);
    expect(buffer.delete(20)).toBe(true);
    expect(buffer.size).toBe(10);
    expect(buffer.flush()).toBe(2);
    expect(tree.get(5)).toBe(-5);
    expect(tree.has(20)).toBe(false);
    expect(tree.size).toBe(10);
  });
});

describe('WriteBuffer key validation', () => {
  it('rejects a NaN key at set time, not at flush time, even over an empty tree', () => {
    const buffer = new WriteBuffer(new BPlusTree<number, number>());
    expect(() => buffer.set(Number.NaN, 1)).toThrow(ComponentError);
    expect(buffer.pending).toBe(0);
  });
});

describe('WriteBuffer.range', () => {
  function mixed(): WriteBuffer<number, number> {
    const { buffer } = bufferOverTen();
    buffer.set(0, 0); // new, before every tree key
    buffer.set(5, -50); // overwrites a tree key
    buffer.delete(3); // tombstone
    buffer.set(2.5, 25); // new, between tree keys
    buffer.set(11, 110); // new, after every tree key
    buffer.set(12, 120);
    buffer.delete(12); // a buffered key deleted again
    return buffer;
  }

  it('merges buffered writes over the tree in key order, hiding tombstones', () => {
    expect([...mixed().range()]).toEqual([
      [0, 0], [1, 10], [2, 20], [2.5, 25], [4, 40], [5, -50], [6, 60], [7, 70], [8, 80], [9, 90], [10, 100], [11, 110],
    ]);
  });

  it('applies lo <= key < hi to buffered and tree entries alike', () => {
    const buffer = mixed();
    expect([...buffer.range(2.5, 5)]).toEqual([[2.5, 25], [4, 40]]);
    expect([...buffer.range(3, 6)]).toEqual([[4, 40], [5, -50]]);
    expect([...buffer.range(10)]).toEqual([[10, 100], [11, 110]]);
    expect([...buffer.range(undefined, 1)]).toEqual([[0, 0]]);
    expect([...buffer.range(6, 6)]).toEqual([]);
    expect([...buffer.range(7, 2)]).toEqual([]);
  });

  it('forRange hands over what range yields, in order, and stops when the callback returns false', () => {
    const buffer = mixed();
    for (const [lo, hi] of [[undefined, undefined], [2.5, 5], [3, 6], [10, undefined], [undefined, 1], [6, 6], [7, 2]] as const) {
      const visited: [number, number][] = [];
      expect(buffer.forRange(lo, hi, (key, value) => void visited.push([key, value]))).toBe(visited.length);
      expect(visited).toEqual([...buffer.range(lo, hi)]);
    }
    // Stopping on a buffered entry (2.5), on a replaced tree entry (5) and on a tree entry (7).
    for (const last of [2.5, 5, 7]) {
      const keys: number[] = [];
      expect(buffer.forRange(undefined, undefined, (key) => keys.push(key) > 0 && key !== last)).toBe(keys.length);
      expect(keys[keys.length - 1]).toBe(last);
    }
  });

  it('gives the same entries before and after a flush', () => {
    const buffer = mixed();
    const before = [...buffer.range()];
    buffer.flush();
    expect([...buffer.range()]).toEqual(before);
    buffer.checkInvariants();
  });
});

describe('WriteBuffer.checkInvariants', () => {
  it('detects a write that bypassed the buffer', () => {
    const { tree, buffer } = bufferOverTen();
    buffer.set(20, 200);
    buffer.checkInvariants();
    tree.set(20, 1); // forbidden: the buffer owns the tree
    expect(() => buffer.checkInvariants()).toThrow('writeBuffer: pending write for key 20 has inTree false, but the tree disagrees');
  });
});

describe('WriteBuffer against a sorted-array model', () => {
  it('matches the model for random writes, reads, ranges and flushes', () => {
    const scenario = fc.record({
      capacity: fc.integer({ min: 1, max: 64 }),
      plan: scenarioArbitrary(fc.integer({ min: 3, max: 32 }), true),
    });
    fc.assert(
      fc.property(scenario, ({ capacity, plan }) => {
        const buffer = new WriteBuffer(new BPlusTree<number, number>({ order: plan.order }), { capacity });
        const flush = (): void => {
          const pending = buffer.pending;
          if (buffer.flush() !== pending) throw new Error(`flush did not report ${pending} pending writes`);
        };
        runAgainstModel(buffer, plan.ops, { flush });
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it.each([1, 1024])('matches the model with capacity %i', (capacity) => {
    fc.assert(
      fc.property(scenarioArbitrary(fc.constant(4), true), ({ order, ops }) => {
        runAgainstModel(new WriteBuffer(new BPlusTree<number, number>({ order }), { capacity }), ops, {
          flush: () => {},
        });
      }),
      { seed: 7 + capacity, numRuns: 40 },
    );
  });
});
