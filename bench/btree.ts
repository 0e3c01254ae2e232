/**
 * BPlusTree against sorted-btree (npm), in one process, on the same seeded keys:
 * 1e6 random inserts into an empty tree, 1e6 random lookups, and two full range scans of
 * a 1e6-entry tree, each form against its counterpart: an iterator (our `range()`, their
 * `entries()`, one [key, value] pair and one iterator result per entry) and a callback
 * (our `forRange`, their `forEachPair`, nothing allocated per entry). Both trees use 32
 * entries per node. sorted-btree runs twice: with its default comparator (what
 * `new BTree()` gives) and with its `simpleComparator`, which does what our default
 * compare does (`<` and `>`), for a like-for-like ratio.
 *
 * Run: `npx tsx bench/btree.ts` (or `npm run bench`). Prints ops/s per operation (one op
 * = one insert, one lookup or one entry scanned) and the ratio ours/theirs (> 1: ours
 * is faster). Target: every ratio >= 0.67, i.e. within 1.5x of sorted-btree, and (issue
 * 15) the scan at least 1.0 in the form the simulator's scans use, the callback.
 */
import SortedBTree, { simpleComparator } from 'sorted-btree';
import { Bench } from 'tinybench';
import { BPlusTree } from '../components/btree';

/**
 * sorted-btree is CommonJS with `exports.default = BTree`: Node's ESM loader (tsx) hands
 * over the whole exports object as the default import, bundlers hand over the class.
 */
const BTree = (SortedBTree as unknown as { default?: typeof SortedBTree }).default ?? SortedBTree;

const keyCount = 1_000_000;
const seed = 42;
const order = 32;

/** mulberry32 (Tommy Ettinger): a tiny seeded PRNG, so every run uses the same keys. */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher-Yates permutation of 0..count-1: distinct keys in random order. */
function shuffledKeys(count: number, permutationSeed: number): number[] {
  const random = mulberry32(permutationSeed);
  const keys = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // 0 <= j <= i < count: both in range.
    const swap = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = swap;
  }
  return keys;
}

/** The operations one implementation must provide; each returns a result to check. */
interface Contender {
  readonly name: string;
  insertAll(keys: readonly number[]): number;
  lookupAll(keys: readonly number[]): number;
  /** Sum of all values through the iterator form. */
  scanAll(): number;
  /** Sum of all values through the callback form. */
  visitAll(): number;
}

function ours(insertKeys: readonly number[]): Contender {
  const built = new BPlusTree<number, number>({ order });
  for (const key of insertKeys) built.set(key, key);
  return {
    name: 'BPlusTree',
    insertAll(keys) {
      const tree = new BPlusTree<number, number>({ order });
      for (const key of keys) tree.set(key, key);
      return tree.size;
    },
    lookupAll(keys) {
      let sum = 0;
      for (const key of keys) sum += built.get(key)!;
      return sum;
    },
    scanAll() {
      let sum = 0;
      for (const [, value] of built.range()) sum += value;
      return sum;
    },
    visitAll() {
      let sum = 0;
      built.forRange(undefined, undefined, (_key, value) => {
        sum += value;
      });
      return sum;
    },
  };
}

function theirs(insertKeys: readonly number[], name: string, compare?: (a: number, b: number) => number): Contender {
  const built = new BTree<number, number>(undefined, compare, order);
  for (const key of insertKeys) built.set(key, key);
  return {
    name,
    insertAll(keys) {
      const tree = new BTree<number, number>(undefined, compare, order);
      for (const key of keys) tree.set(key, key);
      return tree.size;
    },
    lookupAll(keys) {
      let sum = 0;
      for (const key of keys) sum += built.get(key)!;
      return sum;
    },
    scanAll() {
      let sum = 0;
      for (const [, value] of built.entries()) sum += value;
      return sum;
    },
    visitAll() {
      let sum = 0;
      built.forEachPair((_key, value) => {
        sum += value;
      });
      return sum;
    },
  };
}

const operations = ['insert', 'lookup', 'scan (iterator)', 'scan (callback)'] as const;
type Operation = (typeof operations)[number];

/**
 * What each call must return: the tree size after inserting, or the sum of all values
 * (0 + 1 + ... + 999,999). Checking it on every call verifies that both libraries did the
 * same work, and the JIT cannot drop a loop whose result is used.
 */
const expectedResult: Record<Operation, number> = {
  insert: keyCount,
  lookup: (keyCount * (keyCount - 1)) / 2,
  'scan (iterator)': (keyCount * (keyCount - 1)) / 2,
  'scan (callback)': (keyCount * (keyCount - 1)) / 2,
};

export async function bench(): Promise<void> {
  const insertKeys = shuffledKeys(keyCount, seed);
  const lookupKeys = shuffledKeys(keyCount, seed + 1);
  const contenders = [
    ours(insertKeys),
    theirs(insertKeys, 'sorted-btree (default comparator)'),
    theirs(insertKeys, 'sorted-btree (simpleComparator)', simpleComparator as (a: number, b: number) => number),
  ];
  const run: Record<Operation, (c: Contender) => number> = {
    insert: (c) => c.insertAll(insertKeys),
    lookup: (c) => c.lookupAll(lookupKeys),
    'scan (iterator)': (c) => c.scanAll(),
    'scan (callback)': (c) => c.visitAll(),
  };
  const opsPerSecond = {} as Record<Operation, number[]>;
  for (const operation of operations) {
    const call = (c: Contender): void => {
      const result = run[operation](c);
      if (result !== expectedResult[operation]) {
        throw new Error(`bench: ${operation} on ${c.name} returned ${result}, expected ${expectedResult[operation]}`);
      }
    };
    opsPerSecond[operation] = await measure(contenders, call, samplesPerTask[operation]);
  }
  console.log(formatTable(opsPerSecond, contenders.map((c) => c.name)));
}

/**
 * How many timed calls (each 1e6 operations) per task and round, and how many untimed
 * warmup calls first. The scan takes about 40 ms a call, so it gets more samples than
 * the one-second insert and lookup tasks.
 */
const samplesPerTask: Record<Operation, { iterations: number; warmupIterations: number }> = {
  insert: { iterations: 2, warmupIterations: 1 },
  lookup: { iterations: 2, warmupIterations: 1 },
  'scan (iterator)': { iterations: 10, warmupIterations: 3 },
  'scan (callback)': { iterations: 10, warmupIterations: 3 },
};

/**
 * Rounds per operation. Each round rotates which contender runs first: with a fixed
 * order, on a 2-core VM, the two sorted-btree scans (which differ only in a comparator
 * the scan never calls) measured 25% apart, so position alone would bias the ratio.
 * The reported rate is the median over rounds of each round's mean.
 */
const roundCount = 3;

/** Operations per second of each contender (same order as `contenders`). */
async function measure(
  contenders: readonly Contender[],
  call: (c: Contender) => void,
  samples: { iterations: number; warmupIterations: number },
): Promise<number[]> {
  const rates: number[][] = contenders.map(() => []);
  for (let round = 0; round < roundCount; round++) {
    const suite = new Bench({ ...samples, time: 0, warmupTime: 0, throws: true });
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const contender = contenders[index]!; // index < contenders.length
      suite.add(String(index), () => call(contender));
    }
    await suite.run();
    for (const task of suite.tasks) {
      const result = task.result;
      if (!('latency' in result)) throw new Error(`bench: task ${task.name} ended in state ${result.state}`);
      const perRound = rates[Number(task.name)];
      if (perRound === undefined) throw new Error(`bench: task ${task.name} is not one of the ${contenders.length} contenders`);
      perRound.push((keyCount / result.latency.mean) * 1000);
    }
  }
  // roundCount >= 1 rounds, so every list holds at least one rate.
  return rates.map((perRound) => perRound.sort((a, b) => a - b)[perRound.length >> 1]!);
}

function formatTable(opsPerSecond: Record<Operation, number[]>, names: readonly string[]): string {
  const [oursName, ...theirNames] = names;
  if (oursName === undefined) throw new Error('bench: no contenders to tabulate');
  const header = ['operation (1e6 keys, order 32)', `${oursName} ops/s`, ...theirNames.flatMap((n) => [`${n} ops/s`, 'ours/theirs'])];
  const rows = operations.map((operation) => {
    const [mine, ...others] = opsPerSecond[operation];
    if (mine === undefined) throw new Error(`bench: no rate for ${operation}`);
    const cells = others.flatMap((other) => [formatRate(other), (mine / other).toFixed(2)]);
    return [operation, formatRate(mine), ...cells];
  });
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function formatRate(opsPerSec: number): string {
  return opsPerSec >= 1e6 ? `${(opsPerSec / 1e6).toFixed(2)}M` : `${(opsPerSec / 1e3).toFixed(0)}k`;
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
