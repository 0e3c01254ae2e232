/**
 * Random operation sequences for model-based tests of BPlusTree and WriteBuffer. Single
 * writes exercise the edge cases near one key; batch writes (`setMany`, `deleteMany`)
 * grow and shrink the tree by thousands of keys in one step so that large orders also
 * reach several levels and then collapse again.
 */
import fc from 'fast-check';
import { SortedArrayModel } from './sorted-array-model';

export type Operation =
  | { readonly kind: 'set'; readonly key: number; readonly value: number }
  | { readonly kind: 'delete'; readonly key: number }
  | { readonly kind: 'get'; readonly key: number }
  | { readonly kind: 'has'; readonly key: number }
  | { readonly kind: 'range'; readonly lo: number | undefined; readonly hi: number | undefined }
  /** The callback scan; `stopAfter` entries, then the callback returns false (undefined: never). */
  | { readonly kind: 'forRange'; readonly lo: number | undefined; readonly hi: number | undefined; readonly stopAfter: number | undefined }
  | { readonly kind: 'setMany'; readonly start: number; readonly count: number; readonly stride: number; readonly value: number }
  | { readonly kind: 'deleteMany'; readonly start: number; readonly count: number; readonly stride: number }
  | { readonly kind: 'flush' };

/** The keys a batch operation touches: start, start + stride, ... (count of them). */
export function batchKeys(op: { start: number; count: number; stride: number }): number[] {
  return Array.from({ length: op.count }, (_, i) => op.start + i * op.stride);
}

/**
 * Operations over keys in [0, keyMax]. `batchCountMax` bounds batch sizes; `withFlush`
 * adds explicit flushes (for WriteBuffer).
 */
export function operationArbitrary(keyMax: number, batchCountMax: number, withFlush: boolean): fc.Arbitrary<Operation> {
  const key = fc.integer({ min: 0, max: keyMax });
  const value = fc.integer({ min: -1000, max: 1000 });
  const bound = fc.option(fc.integer({ min: -1, max: keyMax + 1 }), { nil: undefined });
  const batch = { start: key, count: fc.integer({ min: 0, max: batchCountMax }), stride: fc.integer({ min: 1, max: 3 }) };
  const choices: fc.WeightedArbitrary<Operation>[] = [
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), key, value }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('get' as const), key }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('has' as const), key }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('range' as const), lo: bound, hi: bound }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('forRange' as const), lo: bound, hi: bound, stopAfter: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('setMany' as const), ...batch, value }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteMany' as const), ...batch }) },
  ];
  if (withFlush) choices.push({ weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) });
  return fc.oneof(...choices);
}

/** The subject under test, as seen by the model-based runner. */
export interface OrderedMap {
  get(key: number): number | undefined;
  has(key: number): boolean;
  set(key: number, value: number): void;
  delete(key: number): boolean;
  range(lo?: number, hi?: number): Iterable<[number, number]>;
  forRange(lo: number | undefined, hi: number | undefined, visit: (key: number, value: number) => boolean | void): number;
  readonly size: number;
  checkInvariants(): void;
}

/**
 * Apply `ops` to `subject` and to a model holding `initial`, comparing every result and
 * the whole content after each step, and calling `checkInvariants` after each step.
 * `flush` runs on the subject only; the model has nothing to flush.
 */
export function runAgainstModel(
  subject: OrderedMap,
  ops: readonly Operation[],
  options: { readonly flush?: () => void; readonly initial?: readonly (readonly [number, number])[] } = {},
): void {
  const model = new SortedArrayModel();
  for (const [key, value] of options.initial ?? []) model.set(key, value);
  const flush = options.flush ?? (() => {});
  ops.forEach((op, step) => {
    const where = `step ${step} (${JSON.stringify(op)})`;
    applyAndCompare(subject, model, op, flush, where);
    subject.checkInvariants();
    if (subject.size !== model.size) throw new Error(`${where}: size ${subject.size}, model ${model.size}`);
    const difference = model.firstDifference(subject.range());
    if (difference !== null) throw new Error(`${where}: content differs from the model: ${difference}`);
    const visited = visitAll(subject, undefined, undefined, undefined);
    const visitedDifference = model.firstDifference(visited.entries);
    if (visitedDifference !== null) throw new Error(`${where}: forRange differs from the model: ${visitedDifference}`);
  });
}

/** The entries `forRange` hands over (stopping after `stopAfter` when given) and the count it returns. */
function visitAll(subject: OrderedMap, lo: number | undefined, hi: number | undefined, stopAfter: number | undefined): { entries: [number, number][]; count: number } {
  const entries: [number, number][] = [];
  const count = subject.forRange(lo, hi, (key, value) => {
    entries.push([key, value]);
    return stopAfter === undefined || entries.length < stopAfter;
  });
  return { entries, count };
}

function applyAndCompare(subject: OrderedMap, model: SortedArrayModel, op: Operation, flush: () => void, where: string): void {
  const expectSame = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`${where}: ${what} returned ${JSON.stringify(actual)}, model ${JSON.stringify(expected)}`);
    }
  };
  switch (op.kind) {
    case 'set':
      subject.set(op.key, op.value);
      model.set(op.key, op.value);
      return;
    case 'delete':
      return expectSame('delete', subject.delete(op.key), model.delete(op.key));
    case 'get':
      return expectSame('get', subject.get(op.key), model.get(op.key));
    case 'has':
      return expectSame('has', subject.has(op.key), model.has(op.key));
    case 'range':
      return expectSame('range', [...subject.range(op.lo, op.hi)], model.range(op.lo, op.hi));
    case 'forRange': {
      const expected = model.range(op.lo, op.hi).slice(0, op.stopAfter);
      const visited = visitAll(subject, op.lo, op.hi, op.stopAfter);
      expectSame('forRange entries', visited.entries, expected);
      return expectSame('forRange count', visited.count, expected.length);
    }
    case 'setMany': {
      const keys = batchKeys(op);
      for (const key of keys) subject.set(key, op.value);
      model.setMany(keys, op.value);
      return;
    }
    case 'deleteMany': {
      const keys = batchKeys(op);
      let deleted = 0;
      for (const key of keys) if (subject.delete(key)) deleted++;
      return expectSame('deleteMany count', deleted, model.deleteMany(new Set(keys)));
    }
    case 'flush':
      flush();
      return;
  }
}

/**
 * A random order (from `order`) with a matching operation list. Key range and batch
 * sizes grow with order² so that every order can reach height 3 and exercise
 * internal-node borrow and merge, not only leaf splits.
 */
export function scenarioArbitrary(
  order: fc.Arbitrary<number>,
  withFlush: boolean,
): fc.Arbitrary<{ order: number; ops: Operation[] }> {
  return order.chain((order) => {
    const batchCountMax = Math.max(600, Math.ceil(order * order * 0.75));
    return fc.integer({ min: 10, max: Math.max(3000, 2 * order * order) }).chain((keyMax) =>
      fc.record({
        order: fc.constant(order),
        ops: fc.array(operationArbitrary(keyMax, batchCountMax, withFlush), { minLength: 10, maxLength: 50, size: 'max' }),
      }),
    );
  });
}
