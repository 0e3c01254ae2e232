/**
 * Policy comparison: every variant ran the same replications with the same seeds (common
 * random numbers), so variant − baseline is a paired difference per replication, and its
 * confidence interval is far narrower than the two variants' own intervals would suggest.
 * Significance is a two-sided paired t-test at level α.
 */
import type { Summary } from '../models/run/result';
import { lowerIsBetter } from './blocks/grammar';
import type { ScalarMetric } from './blocks/types';
import type { Scenario } from '../models/scenario/types';
import { summarize } from '../models/run/summarize';
import type { ReplicationResult } from '../models/run/result';
import type { RunWarning } from '../models/run/result';
import { confidenceInterval, mean, minOf, pairedTTest } from '../sim/stats';
import { estimateMetric, metricContext, metricOf, sig6 } from './metrics';
import { findVariant, labelOf, type Variant } from './variants';

/** Schema tag of `meshsim compare --format json`. */
export const COMPARE_SCHEMA = 'meshsim.compare/v1';

export { COMPARE_METRICS_DEFAULT } from './compare-defaults';

export interface PairedDiff {
  /** Mean of (variant − baseline) over replications. */
  readonly diff: number;
  readonly ci95: [number, number];
  readonly pValue: number;
  readonly significant: boolean;
}

export interface CompareVariant {
  readonly name: string;
  /** Short label for tables: the values joined by commas when that is unambiguous. */
  readonly label: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly summary: Summary;
  /** The variant's run warnings (overload, backlog): see models/run/warnings.ts. */
  readonly warnings: readonly RunWarning[];
  /** Each compared metric: mean across replications and its 95% interval. */
  readonly metrics: Readonly<Record<string, { readonly mean: number; readonly ci95: [number, number] }>>;
  /** Paired difference against the baseline, per metric (zero for the baseline itself). */
  readonly vsBaseline: Readonly<Record<string, PairedDiff>>;
}

/** The JSON of `meshsim compare` (v1 contract: keys are stable; new keys may be added). */
export interface CompareReport {
  readonly schema: typeof COMPARE_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly alpha: number;
  readonly metrics: readonly ScalarMetric[];
  readonly baseline: string;
  readonly variants: readonly CompareVariant[];
  /** Per metric, the variant significantly better than every other one, or null. */
  readonly winner: Readonly<Record<string, string | null>>;
}

export interface CompareInput {
  readonly variant: Variant;
  /** The variant's scenario as run (settings applied). */
  readonly scenario: Scenario;
  readonly runs: readonly ReplicationResult[];
}

export interface CompareOptions {
  /** Name or short name of the baseline; the first variant when absent. */
  readonly baseline?: string;
  readonly metrics: readonly ScalarMetric[];
  /** Significance level of the paired t-tests, e.g. 0.05. */
  readonly alpha: number;
}

/** Compares the variants of a sweep, each with the same number of replications. */
export function compareVariants(inputs: readonly CompareInput[], options: CompareOptions): CompareReport {
  const variants = inputs.map((i) => i.variant);
  const baseline = options.baseline === undefined ? variants[0]! : findVariant(variants, options.baseline, '--baseline');
  const contexts = inputs.map((i) => metricContext(i.scenario));
  const valuesOf = (index: number, metric: ScalarMetric) => inputs[index]!.runs.map((r) => metricOf(r, metric, contexts[index]!));
  const base = variants.indexOf(baseline);
  const first = inputs[0]!.scenario;
  return {
    schema: COMPARE_SCHEMA,
    scenario: first.name,
    seed: first.seed,
    replications: first.replications,
    durationMs: first.durationMs,
    warmupMs: first.warmupMs,
    alpha: options.alpha,
    metrics: options.metrics,
    baseline: baseline.name,
    variants: inputs.map((input, index) => ({
      name: input.variant.name,
      label: labelOf(input.variant, variants),
      values: input.variant.values,
      ...summaryAndWarnings(input.scenario, input.runs),
      metrics: Object.fromEntries(options.metrics.map((m) => [m, rounded(estimateMetric(input.runs, m, contexts[index]!))])),
      vsBaseline: Object.fromEntries(options.metrics.map((m) => [m, paired(valuesOf(base, m), valuesOf(index, m), options.alpha)])),
    })),
    winner: Object.fromEntries(options.metrics.map((m) => [m, winnerOf(inputs.length, (i) => valuesOf(i, m), m, options.alpha, variants)])),
  };
}

function rounded(e: { mean: number; ci95: [number, number] }): { mean: number; ci95: [number, number] } {
  return { mean: sig6(e.mean), ci95: [sig6(e.ci95[0]), sig6(e.ci95[1])] };
}

/** The paired difference b − a with its 95% interval and the t-test at α. */
export function paired(a: readonly number[], b: readonly number[], alpha: number): PairedDiff {
  const finite = a.every(Number.isFinite) && b.every(Number.isFinite);
  if (!finite) return { diff: NaN, ci95: [NaN, NaN], pValue: NaN, significant: false };
  const test = pairedTTest(a, b, alpha);
  const ci = confidenceInterval(
    a.map((x, i) => b[i]! - x),
    0.95,
  );
  return { diff: sig6(test.diff), ci95: [sig6(ci[0]), sig6(ci[1])], pValue: sig6(test.pValue), significant: test.significant };
}

/**
 * The variant with the best mean, if it is significantly better than every other
 * variant (paired t-tests at α); otherwise null, "no clear winner".
 */
function winnerOf(count: number, valuesOf: (i: number) => number[], metric: ScalarMetric, alpha: number, variants: readonly Variant[]): string | null {
  if (count < 2) return null;
  const sign = lowerIsBetter(metric) ? 1 : -1;
  const means = Array.from({ length: count }, (_, i) => sign * mean(valuesOf(i)));
  if (!means.every(Number.isFinite)) return null;
  const best = means.indexOf(minOf(means));
  for (let i = 0; i < count; i++) {
    if (i === best) continue;
    const test = pairedTTest(valuesOf(i), valuesOf(best), alpha);
    if (!test.significant || sign * test.diff >= 0) return null;
  }
  return variants[best]!.name;
}

function summaryAndWarnings(scenario: Scenario, runs: readonly ReplicationResult[]): Pick<CompareVariant, 'summary' | 'warnings'> {
  const { summary, warnings } = summarize(scenario, runs);
  return { summary, warnings };
}
