/**
 * A fidelity case: one number meshsim computes (a simulated mean, a fraction of keys
 * moved, ...) against a reference value from theory or a paper, with a tolerance.
 *
 * `run(seed, scale)` computes the value for one replication; replications differ only in
 * seed, so their spread gives the 95% confidence interval. `scale` is 1 for the published
 * report and smaller (e.g. 0.1) for the fast subset that runs in `npm test`.
 */
export interface FidelityCase {
  /** Stable id, `area/name`. */
  readonly id: string;
  readonly area: string;
  /** What is measured, in a few words. */
  readonly title: string;
  /** Parameters, as shown in the report. */
  readonly params: string;
  readonly reference: number;
  /** Where the reference comes from. */
  readonly source: string;
  /**
   * Allowed error: relative |sim − ref| / |ref| (`relative`), or absolute |sim − ref|
   * (`absolute`, for references of 0), or one-sided `atMost` (sim ≤ ref·(1 + tol)).
   */
  readonly tolerance: { readonly kind: 'relative' | 'absolute' | 'atMost'; readonly value: number };
  readonly replications: number;
  readonly run: (seed: number, scale: number) => number;
}

export interface FidelityOutcome {
  readonly id: string;
  readonly area: string;
  readonly title: string;
  readonly params: string;
  readonly reference: number;
  readonly source: string;
  readonly tolerance: FidelityCase['tolerance'];
  readonly replications: number;
  readonly simulated: number;
  readonly ci95: [number, number];
  /** (simulated − reference) / |reference|; null for a reference of 0. */
  readonly relativeError: number | null;
  readonly pass: boolean;
}
