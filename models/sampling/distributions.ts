import type { Rng } from '../../sim/env';

/** A distribution as a scenario writes it, normalised (ms for times). */
export type DistSpec =
  | { readonly dist: 'constant'; readonly value: number }
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly dist: 'lognormal'; readonly median: number; readonly p99: number }
  | { readonly dist: 'erlang'; readonly k: number; readonly mean: number }
  | { readonly dist: 'pareto'; readonly scale: number; readonly shape: number }
  | { readonly dist: 'empirical'; readonly samples: readonly number[] };

/** Draws one value (ms) from a distribution using the given stream. */
export type Sampler = (rng: Rng) => number;

/** z such that Φ(z) = 0.99, for lognormal {median, p99}. */
const Z99 = 2.3263478740408408;

/** Build a sampler from a distribution spec. Every sampler returns a value >= 0. */
export function sampler(spec: DistSpec): Sampler {
  switch (spec.dist) {
    case 'constant': {
      const value = spec.value;
      return () => value;
    }
    case 'exponential': {
      const mean = spec.mean;
      // 1 − U lies in (0, 1], so the log is finite.
      return (rng) => -mean * Math.log(1 - rng.next());
    }
    case 'uniform': {
      const { min, max } = spec;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'normal': {
      const { mean, sd } = spec;
      // Truncated at 0 by rejection (resample), so the shape above 0 is kept.
      return (rng) => {
        for (;;) {
          const x = mean + sd * standardNormal(rng);
          if (x >= 0) return x;
        }
      };
    }
    case 'lognormal': {
      const mu = Math.log(spec.median);
      const sigma = (Math.log(spec.p99) - mu) / Z99;
      return (rng) => Math.exp(mu + sigma * standardNormal(rng));
    }
    case 'erlang': {
      const { k } = spec;
      const phaseMean = spec.mean / k;
      return (rng) => {
        let product = 1;
        for (let i = 0; i < k; i++) product *= 1 - rng.next();
        return -phaseMean * Math.log(product);
      };
    }
    case 'pareto': {
      const { scale, shape } = spec;
      return (rng) => scale * Math.pow(1 - rng.next(), -1 / shape);
    }
    case 'empirical': {
      const samples = spec.samples;
      return (rng) => samples[rng.int(samples.length)]!;
    }
  }
}

/** Box–Muller with one of the pair used: two uniforms per normal, no hidden state. */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** E[X] and E[X²] of a distribution (ms, ms²), for analytic formulas (normal: untruncated). */
export function moments(spec: DistSpec): { mean: number; secondMoment: number } {
  const m = (mean: number, variance: number) => ({ mean, secondMoment: variance + mean * mean });
  switch (spec.dist) {
    case 'constant':
      return m(spec.value, 0);
    case 'exponential':
      return m(spec.mean, spec.mean * spec.mean);
    case 'uniform':
      return m((spec.min + spec.max) / 2, (spec.max - spec.min) ** 2 / 12);
    case 'normal':
      return m(spec.mean, spec.sd * spec.sd);
    case 'lognormal': {
      const mu = Math.log(spec.median);
      const sigma = (Math.log(spec.p99) - mu) / Z99;
      return { mean: Math.exp(mu + sigma * sigma / 2), secondMoment: Math.exp(2 * mu + 2 * sigma * sigma) };
    }
    case 'erlang':
      return m(spec.mean, (spec.mean * spec.mean) / spec.k);
    case 'pareto': {
      const { scale, shape } = spec;
      const mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
      const second = shape > 2 ? (shape * scale * scale) / (shape - 2) : Infinity;
      return { mean, secondMoment: second };
    }
    case 'empirical': {
      let s = 0;
      let s2 = 0;
      for (const x of spec.samples) {
        s += x;
        s2 += x * x;
      }
      return { mean: s / spec.samples.length, secondMoment: s2 / spec.samples.length };
    }
  }
}
