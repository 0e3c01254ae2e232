/**
 * Small-sample statistics for replications: mean, standard deviation, Student-t
 * confidence intervals and the paired t-test. Pure functions, no dependencies, so the
 * CLI does not pay mathjs's start-up cost just to print an interval.
 */

/**
 * Largest and smallest of a list, `empty` when there is none. `Math.max(...xs)` passes
 * every value as an argument and overflows the stack beyond ~10^5 values.
 */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let best = -Infinity;
  let any = false;
  for (const x of xs) {
    any = true;
    if (x > best || Number.isNaN(x)) best = x;
  }
  return any ? best : empty;
}

export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let best = Infinity;
  let any = false;
  for (const x of xs) {
    any = true;
    if (x < best || Number.isNaN(x)) best = x;
  }
  return any ? best : empty;
}

export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return xs.length > 0 ? sum / xs.length : NaN;
}

/** Sample standard deviation (n − 1 in the denominator); 0 for fewer than 2 values. */
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1));
}

/**
 * Two-sided confidence interval for the mean: mean ± t(1−α/2, n−1)·s/√n.
 * With a single value the interval is [x, x] (no spread can be estimated).
 */
export function confidenceInterval(xs: readonly number[], level = 0.95): [number, number] {
  const m = mean(xs);
  if (xs.length < 2) return [m, m];
  const half = studentTQuantile(1 - (1 - level) / 2, xs.length - 1) * stdev(xs) / Math.sqrt(xs.length);
  return [m - half, m + half];
}

/**
 * The interval of a quantity that cannot be negative (latency, throughput, error rate,
 * recovery time): a Student-t interval clipped at 0, which a small spread-out sample can
 * otherwise cross.
 */
export function nonNegativeInterval(xs: readonly number[], level = 0.95): [number, number] {
  const [lo, hi] = confidenceInterval(xs, level);
  return [Math.max(0, lo), hi];
}

export interface PairedTest {
  /** Mean of (b − a). */
  readonly diff: number;
  readonly ci: [number, number];
  /** Two-sided p-value; 1 when there is no spread to test against. */
  readonly pValue: number;
  readonly significant: boolean;
}

/** Paired t-test of b against a (same seeds, so differences are paired). */
export function pairedTTest(a: readonly number[], b: readonly number[], alpha = 0.05): PairedTest {
  if (a.length !== b.length) throw new Error(`stats: paired samples differ in length (${a.length} vs ${b.length})`);
  const d = a.map((x, i) => b[i]! - x);
  const diff = mean(d);
  const ci = confidenceInterval(d, 1 - alpha);
  const s = stdev(d);
  let pValue: number;
  if (d.length < 2) pValue = 1;
  else if (s === 0) pValue = diff === 0 ? 1 : 0;
  else pValue = 2 * (1 - studentTCdf(Math.abs(diff) / (s / Math.sqrt(d.length)), d.length - 1));
  return { diff, ci, pValue, significant: pValue < alpha };
}

/** CDF of Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t by bisection on the CDF (accurate to ~1e-10). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`stats: quantile level must be in (0, 1), got ${p}`);
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Regularized incomplete beta I_x(a, b), by Lentz's continued fraction (Numerical Recipes §6.4). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** ln Γ(z) by the Lanczos approximation (g = 7, n = 9). */
export function logGamma(z: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = c[0]!;
  for (let i = 1; i < g + 2; i++) x += c[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** Round to 3 decimals (µs precision on ms), keeping result JSON short and stable. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
