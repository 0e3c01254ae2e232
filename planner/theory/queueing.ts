import { factorial, pow, sum } from 'mathjs';

/**
 * Analytic queueing formulas (Kleinrock vol. 1), used to validate the simulator and by
 * the planner to seed capacity searches. Times in the unit of 1/μ (pass rates per ms to
 * get ms). Imported lazily by the CLI: mathjs costs about a second to load.
 */

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ (requires a < c). */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) throw new RangeError(`queueing: unstable M/M/c (offered load ${a} >= servers ${c})`);
  // a^c / c! overflows a double past c = 170; the Erlang B recursion does not.
  if (c > ERLANG_C_DIRECT_MAX) return erlangCFromB(c, a);
  const terms = Array.from({ length: c }, (_, k) => Number(pow(a, k)) / Number(factorial(k)));
  const top = (Number(pow(a, c)) / Number(factorial(c))) * (c / (c - a));
  return top / (Number(sum(terms)) + top);
}

/** Largest c for which `erlangC` uses the direct formula (170! is the last finite factorial). */
const ERLANG_C_DIRECT_MAX = 150;

/** Erlang C from Erlang B: C = B / (1 − ρ(1 − B)), ρ = a/c; stable for any c. */
export function erlangCFromB(c: number, a: number): number {
  if (!(a < c)) throw new RangeError(`queueing: unstable M/M/c (offered load ${a} >= servers ${c})`);
  const b = erlangB(c, a);
  return b / (1 - (a / c) * (1 - b));
}

/** Erlang B by the stable recursion B_0 = 1, B_k = a·B_{k−1}/(k + a·B_{k−1}). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** M/M/c mean waiting time in queue Wq = C/(cμ − λ). */
export function mmcWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/M/c mean sojourn W = Wq + 1/μ. */
export function mmcSojourn(c: number, lambda: number, mu: number): number {
  return mmcWait(c, lambda, mu) + 1 / mu;
}

/** M/M/1 sojourn quantile: T ~ Exp(μ − λ). */
export function mm1SojournQuantile(q: number, lambda: number, mu: number): number {
  return -Math.log(1 - q) / (mu - lambda);
}

/** P(T > t) for M/M/c sojourn. */
export function mmcSojournTail(t: number, c: number, lambda: number, mu: number): number {
  const C = erlangC(c, lambda / mu);
  const d = c * mu - lambda;
  // When cμ − λ = μ the general form is 0/0; its limit is e^(−μt)(1 + Cμt).
  if (Math.abs(d - mu) < 1e-9 * mu) return Math.exp(-mu * t) * (1 + C * mu * t);
  return Math.exp(-mu * t) + ((C * mu) / (d - mu)) * (Math.exp(-mu * t) - Math.exp(-d * t));
}

/**
 * M/M/c waiting-time quantile: P(Wq > t) = C·e^(−(cμ−λ)t), so the q-quantile is
 * ln(C/(1−q))/(cμ−λ), or 0 when at least a share q of arrivals does not wait (C ≤ 1−q).
 */
export function mmcWaitQuantile(q: number, c: number, lambda: number, mu: number): number {
  const C = erlangC(c, lambda / mu);
  return C <= 1 - q ? 0 : Math.log(C / (1 - q)) / (c * mu - lambda);
}

/** M/M/c sojourn quantile by bisection on the tail. */
export function mmcSojournQuantile(q: number, c: number, lambda: number, mu: number): number {
  let lo = 0;
  let hi = 1;
  while (mmcSojournTail(hi, c, lambda, mu) > 1 - q) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mmcSojournTail(mid, c, lambda, mu) > 1 - q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Pollaczek–Khinchine M/G/1 mean wait: λ·E[S²] / (2(1 − ρ)). */
export function pkWait(lambda: number, meanService: number, secondMoment: number): number {
  const rho = lambda * meanService;
  if (!(rho < 1)) throw new RangeError(`queueing: unstable M/G/1 (ρ = ${rho})`);
  return (lambda * secondMoment) / (2 * (1 - rho));
}
