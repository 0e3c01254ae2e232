/**
 * The theory the gossip experiments are checked against (derivations in
 * docs/components/gossip.md).
 */

/** Euler–Mascheroni constant. */
export const eulerGamma = 0.5772156649015329;

/**
 * −E[ln W] for push with periodic timers at uniform random phases, where W = lim N(t)e^{−t}
 * is the martingale limit of the branching process in which each informed member pushes
 * at U, U + 1, U + 2, … intervals after it was informed (U uniform). Var W = (3 − e)/(e − 1)
 * = 0.164 exactly; −E ln W ≈ Var W / 2 = 0.082, and 0.079 by population dynamics.
 * (For exponential clocks W ~ Exp(1) and −E ln W = γ = 0.577.)
 */
export const periodicPushEarlyConstant = 0.08;

/** H_k = 1 + 1/2 + … + 1/k. */
export function harmonic(k: number): number {
  let sum = 0;
  for (let i = k; i >= 1; i--) sum += 1 / i;
  return sum;
}

/**
 * Expected intervals for push (fanout 1) to reach all n members, continuous-time version
 * with exponential clocks (each informed member pushes at rate 1 per interval): the sum of
 * the mean holding times (n−1)/(k(n−k)) over k = 1..n−1, that is 2·(n−1)/n·H_{n−1}
 * ≈ 2 ln n + 2γ. (Frieze–Grimmett 1985 for the asymptotics.)
 */
export function pushMarkovIntervals(n: number): number {
  return (2 * (n - 1) * harmonic(n - 1)) / n;
}

/**
 * Expected intervals for push (fanout 1) with periodic, unsynchronised timers: the
 * late phase is the same as with exponential clocks (an uninformed member is hit by a
 * superposition of many independent periodic senders: Poisson), the early phase loses
 * the Yule fluctuation γ and gains the periodic one (0.08):
 *   2·(n−1)/n·H_{n−1} − γ + 0.08 ≈ 2 ln n + γ + 0.08.
 */
export function pushPeriodicIntervals(n: number): number {
  return pushMarkovIntervals(n) - eulerGamma + periodicPushEarlyConstant;
}

/**
 * SWIM paper (Das et al. 2002, §3.1), protocol periods from a crash at the start of a period
 * to its first detection with uniform random probe targets, when `crashed` of the n members
 * crashed at once: 1/(1 − (1 − 1/(n−1))^{n−crashed}); e/(e−1) ≈ 1.582 as n → ∞.
 */
export function swimDetectionPeriods(n: number, crashed = 1): number {
  return 1 / (1 - Math.pow(1 - 1 / (n - 1), n - crashed));
}

/**
 * The same for memberlist's round-robin order within the first pass (each member probes a
 * given other member at a uniformly random position of its pass):
 * Σ_{K≥0} (1 − K/(n−1))^{n−crashed}.
 */
export function roundRobinDetectionPeriods(n: number, crashed = 1): number {
  const m = n - 1;
  let sum = 0;
  for (let k = 0; k < m; k++) sum += Math.pow(1 - k / m, n - crashed);
  return sum;
}

/**
 * Unsynchronised timers (uniform random phases), round-robin: the first probe of the
 * crashed member comes after E = ∫₀^m (1 − t/m)^{m'} dt = m/(m'+1) periods (m = n − 1
 * others, m' = n − crashed live probers), and the suspicion one period later:
 *   1 + (n−1)/(n−crashed+1) ≈ 2 periods.
 */
export function unsynchronisedDetectionPeriods(n: number, crashed = 1): number {
  return 1 + (n - 1) / (n - crashed + 1);
}
