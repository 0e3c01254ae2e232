import { ringDefaults } from './defaults';
import { RingError } from './ring-error';
import { checkInteger } from './validate';

/**
 * The Maglev lookup table (Eisenbud et al., "Maglev: A Fast and Reliable Software
 * Network Load Balancer", NSDI 2016, §3.4, Pseudocode 1), with Envoy's weighted variant.
 *
 * Each backend i has a preference list permutation[i][j] = (offset + j·skip) mod M; M
 * prime and 1 ≤ skip < M make every list a permutation of all M slots. Backends take
 * turns, in the order given, claiming their next preferred slot that is still free,
 * until all M slots are taken. With equal weights every backend ends with ⌊M/N⌋ or
 * ⌈M/N⌉ slots.
 *
 * Weights follow Envoy's maglev_lb.cc: with normalized weights w_i (Σw = 1) and
 * W = max w_i, in round r backend i takes a turn only if r·w_i ≥ t_i, and each turn
 * adds W to t_i (t_i starts at 0). A backend of the largest weight takes a turn every
 * round; one of a third of it, every third round. Equal weights give the paper's table.
 */
export interface MaglevBackend {
  /** First preferred slot, integer in [0, M). The paper: h1(name) mod M. */
  readonly offset: number;
  /** Step between preferred slots, integer in [1, M − 1]. The paper: h2(name) mod (M − 1) + 1. */
  readonly skip: number;
  /** Relative weight > 0; default 1. */
  readonly weight?: number;
}

/**
 * Builds the table: slot → index of the owning backend in `backends`.
 *
 * @param backends at least one; turn order is array order
 * @param tableSize M, a prime in [2, 5,000,011]
 * @returns Int32Array of length M, every entry in [0, backends.length).
 * O(M log M) expected (the paper's estimate); O(M²) in the worst case.
 */
export function buildMaglevTable(backends: readonly MaglevBackend[], tableSize: number): Int32Array {
  checkTableSize(tableSize);
  if (backends.length === 0) {
    throw new RingError('argument.empty', 'maglev: the table needs at least one backend, got 0');
  }
  const count = backends.length;
  const position = new Float64Array(count);
  const skip = new Float64Array(count);
  const weight = normalizedWeights(backends);
  let weightMax = 0;
  for (let i = 0; i < count; i++) {
    const backend = backends[i]!;
    checkInteger(`maglev: offset of backend ${i}`, backend.offset, 0, tableSize - 1);
    checkInteger(`maglev: skip of backend ${i}`, backend.skip, 1, tableSize - 1);
    position[i] = backend.offset;
    skip[i] = backend.skip;
    weightMax = Math.max(weightMax, weight[i]!);
  }
  const table = new Int32Array(tableSize).fill(-1);
  const target = new Float64Array(count);
  let filled = 0;
  // Each round the heaviest backend takes a turn, so at most M rounds.
  for (let round = 1; filled < tableSize; round++) {
    for (let i = 0; i < count && filled < tableSize; i++) {
      if (round * weight[i]! < target[i]!) continue;
      target[i]! += weightMax;
      // Walk the preference list; it covers every slot, and one is free.
      let slot = position[i]!;
      while (table[slot] !== -1) slot = nextSlot(slot, skip[i]!, tableSize);
      table[slot] = i;
      position[i] = nextSlot(slot, skip[i]!, tableSize);
      filled++;
    }
  }
  return table;
}

/** Throws unless `tableSize` is a prime in [2, maglevTableSizeMax]. */
export function checkTableSize(tableSize: number): void {
  checkInteger('maglev: tableSize', tableSize, 2, ringDefaults.maglevTableSizeMax);
  if (!isPrime(tableSize)) {
    throw new RingError(
      'ring.table-size-not-prime',
      `maglev: tableSize must be prime (every preference list must cover all slots), got ${tableSize}; e.g. 65537, 655373`,
      nearestPrimesHint(tableSize),
    );
  }
}

/** Trial division; at most √5,000,011 ≈ 2,236 steps. */
export function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * "the nearest primes are 65521 and 65537", for a composite `tableSize` already checked to
 * be in [2, maglevTableSizeMax]: it is at least 4, so 3 or a larger prime lies below, and
 * the maximum (5,000,011) is prime, so one lies above within range. Prime gaps below 5·10^6
 * are at most 154, so this is a few hundred trial divisions, paid only on the error path.
 */
function nearestPrimesHint(tableSize: number): string {
  let below = tableSize - 1;
  while (!isPrime(below)) below--;
  let above = tableSize + 1;
  while (!isPrime(above)) above++;
  return `the nearest primes are ${below} and ${above}`;
}

function nextSlot(slot: number, skip: number, tableSize: number): number {
  const next = slot + skip;
  return next >= tableSize ? next - tableSize : next;
}

function normalizedWeights(backends: readonly MaglevBackend[]): Float64Array {
  const weight = new Float64Array(backends.length);
  let total = 0;
  for (let i = 0; i < backends.length; i++) {
    const value = backends[i]!.weight ?? 1;
    if (!(value > 0 && value <= ringDefaults.weightMax)) {
      throw new RingError(
        'option.out-of-range',
        `maglev: weight of backend ${i} must be a number in (0, ${ringDefaults.weightMax}], got ${value}`,
      );
    }
    weight[i] = value;
    total += value;
  }
  for (let i = 0; i < backends.length; i++) weight[i]! /= total;
  return weight;
}

/**
 * A named backend's preference list from two seeded hashes of its name, as in the paper
 * and Envoy (which uses xxHash64 seeds 0 and 1): offset = h(name, 0) mod M,
 * skip = h(name, 1) mod (M − 1) + 1.
 */
export function maglevBackend(
  name: string,
  tableSize: number,
  hash: (key: string, seed: number) => number,
  weight = 1,
): MaglevBackend {
  return {
    offset: hash(name, 0) % tableSize,
    skip: (hash(name, 1) % (tableSize - 1)) + 1,
    weight,
  };
}
