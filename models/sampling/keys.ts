import type { Rng } from '../../sim/env';

/** How request keys are drawn (for hashing balancers and KV workloads): `key-<i>`, i in [0, count). */
export type KeySpec =
  | { readonly dist: 'uniform'; readonly count: number }
  /** Zipf: P(i) ∝ 1/(i+1)^s, key-0 the hottest. */
  | { readonly dist: 'zipf'; readonly count: number; readonly s: number };

/** Draws a request key `key-<i>`. */
export type KeySampler = (rng: Rng) => string;

/**
 * A key sampler. Uniform: i = ⌊U·count⌋. Zipf (P(i) ∝ 1/(i+1)^s): inversion by binary
 * search over the precomputed CDF, O(log count) per key and 8 bytes per key of memory
 * (count is capped at 10^7 by the schema); key strings are built on demand.
 */
export function keySampler(spec: KeySpec): KeySampler {
  if (spec.dist === 'uniform') {
    const n = spec.count;
    return (rng) => `key-${Math.floor(rng.next() * n)}`;
  }
  const cdf = zipfCdf(spec.count, spec.s);
  return (rng) => `key-${search(cdf, rng.next())}`;
}

export function zipfCdf(count: number, s: number): Float64Array {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / Math.pow(i + 1, s);
    cdf[i] = total;
  }
  for (let i = 0; i < count; i++) cdf[i]! /= total;
  return cdf;
}

/** The first index whose CDF value exceeds u. */
function search(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
