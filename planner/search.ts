/**
 * Monotone search for the smallest integer that meets a requirement: more replicas, more
 * cores or less load never make things worse, so `met` is false … false true … true over
 * [lo, hi]. Bracket from a starting guess (the analytic answer when there is one) by
 * doubling steps, then bisect: O(log(hi − lo)) probes, and 2 when the guess is right
 * (the guess meets, its neighbour below fails).
 *
 * The search is a generator that yields the values to probe and is sent back whether
 * each met, so the same steps drive simulated probes (async) and analytic ones (sync).
 */

export interface SearchResult {
  /** The smallest value that met, or null when even hi does not. */
  readonly answer: number | null;
  /** The value just below the answer, probed and failed; null when the answer is lo or null. */
  readonly failedBelow: number | null;
  /** Values probed, in order, each once. */
  readonly probes: readonly number[];
}

type Steps = Generator<number, { answer: number | null; failedBelow: number | null }, boolean>;

function* smallest(lo: number, hi: number, start: number | undefined): Steps {
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo <= hi)) throw new RangeError(`search: bad range [${lo}, ${hi}]`);
  const first = Math.min(hi, Math.max(lo, Math.round(start ?? lo)));
  let good: number | undefined;
  let bad: number | undefined;
  if (yield first) {
    good = first;
    // Bracket downwards: good − 1, good − 2, good − 4, … until one fails or lo meets.
    for (let step = 1; bad === undefined; step *= 2) {
      if (good === lo) return { answer: lo, failedBelow: null };
      const v: number = Math.max(lo, good - step);
      if (yield v) good = v;
      else bad = v;
    }
  } else {
    bad = first;
    for (let step = 1; good === undefined; step *= 2) {
      if (bad === hi) return { answer: null, failedBelow: null };
      const v: number = Math.min(hi, bad + step);
      if (yield v) good = v;
      else bad = v;
    }
  }
  // Invariant: met(bad) is false, met(good) is true, bad < good.
  while (good - bad > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (yield mid) good = mid;
    else bad = mid;
  }
  return { answer: good, failedBelow: bad };
}

/**
 * Smallest v in [lo, hi] with met(v).
 * @param start first value to probe (clamped to [lo, hi]); lo when absent
 * @param met the requirement, called once per value probed
 */
export async function searchSmallest(lo: number, hi: number, start: number | undefined, met: (v: number) => Promise<boolean>): Promise<SearchResult> {
  const steps = smallest(lo, hi, start);
  const probes: number[] = [];
  let step = steps.next(false);
  while (!step.done) {
    probes.push(step.value);
    step = steps.next(await met(step.value));
  }
  return { ...step.value, probes };
}

/** The same search with a synchronous requirement (analytic formulas). */
export function searchSmallestSync(lo: number, hi: number, start: number | undefined, met: (v: number) => boolean): SearchResult {
  const steps = smallest(lo, hi, start);
  const probes: number[] = [];
  let step = steps.next(false);
  while (!step.done) {
    probes.push(step.value);
    step = steps.next(met(step.value));
  }
  return { ...step.value, probes };
}
