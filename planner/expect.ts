/**
 * Expectations between variants, `least-request.p99 < random.p99`, judged on the paired
 * differences (replication i of both variants used the same seed, so the workload was the
 * same): with d = left − right and its (1 − α) confidence interval,
 *
 *   a < b   holds when the interval lies below 0 (a is significantly lower)
 *   a <= b  holds when the interval does not lie above 0 (a is not significantly higher)
 *   a > b, a >= b  likewise the other way.
 *
 * Against a value (`least-request.p99 < 80ms`) an expectation is judged like an SLO.
 */
import { compare } from './blocks/grammar';
import type { ExpectSpec, MetricRef } from './blocks/types';
import { confidenceInterval, mean, pairedTTest } from '../sim/stats';
import { formatDiff, formatMetric } from './format-metric';
import { metricOf, sig6, type MetricContext, type RunMetrics } from './metrics';
import { PlannerError } from './planner-error';
import { evaluateSlo } from './slo';
import { findVariant, labelOf, type Variant } from './variants';

export interface ExpectOutcome {
  readonly text: string;
  readonly ok: boolean;
  /** Means of the two sides (the right one null against a value). */
  readonly left: number | null;
  readonly right: number | null;
  /** Mean paired difference left − right and its (1 − α) interval; null against a value. */
  readonly diff: number | null;
  readonly ci: [number, number] | null;
  readonly pValue: number | null;
  readonly reason: string;
}

export interface VariantRuns {
  readonly variant: Variant;
  readonly runs: readonly RunMetrics[];
  readonly context: MetricContext;
}

/**
 * Evaluates one expectation.
 * @throws PlannerError when it names a variant the sweep does not have
 */
export function evaluateExpect(spec: ExpectSpec, all: readonly VariantRuns[], alpha: number): ExpectOutcome {
  const variants = all.map((v) => v.variant);
  const where = `expect "${spec.text}"`;
  const left = all[variants.indexOf(findVariant(variants, spec.left.variant, where))]!;
  if ('value' in spec.right) {
    const slo = evaluateSlo({ text: spec.text, metric: spec.left.metric, op: spec.op, value: spec.right.value }, left.runs, left.context);
    return { text: spec.text, ok: slo.ok, left: slo.estimate, right: null, diff: null, ci: null, pValue: null, reason: `${labelOf(left.variant, variants)}: ${slo.reason}` };
  }
  const rightRef = spec.right;
  const right = all[variants.indexOf(findVariant(variants, rightRef.variant, where))]!;
  if (left.runs.length !== right.runs.length) {
    throw new PlannerError(`${where}: the variants ran ${left.runs.length} and ${right.runs.length} replications`, 'pair variants with the same replications');
  }
  const a = left.runs.map((r) => metricOf(r, spec.left.metric, left.context));
  const b = right.runs.map((r) => metricOf(r, rightRef.metric, right.context));
  return judgePaired(spec, rightRef, a, b, alpha);
}

function judgePaired(spec: ExpectSpec, rightRef: MetricRef, a: readonly number[], b: readonly number[], alpha: number): ExpectOutcome {
  const metric = spec.left.metric;
  if (![...a, ...b].every(Number.isFinite)) {
    return { text: spec.text, ok: false, left: null, right: null, diff: null, ci: null, pValue: null, reason: 'nothing measured in some replication (no requests)' };
  }
  const d = a.map((x, i) => x - b[i]!);
  const diff = mean(d);
  const ci = confidenceInterval(d, 1 - alpha);
  const test = pairedTTest(b, a, alpha);
  const lower = spec.op === '<' || spec.op === '<=';
  const strict = spec.op === '<' || spec.op === '>';
  // Strict: the whole interval on the claimed side of 0. Non-strict: not all of it on the other side.
  const ok = strict ? compare(lower ? ci[1] : ci[0], spec.op, 0) : compare(lower ? ci[0] : ci[1], spec.op, 0);
  const level = `${+((1 - alpha) * 100).toFixed(2)}%`;
  const measured = `${formatMetric(metric, mean(a))} vs ${formatMetric(rightRef.metric, mean(b))}, difference ${formatDiff(metric, diff)}, ${level} CI [${formatDiff(metric, ci[0])}, ${formatDiff(metric, ci[1])}]`;
  const why = ok ? '' : strict ? ` — not significantly ${lower ? 'lower' : 'higher'}` : ` — significantly ${lower ? 'higher' : 'lower'}`;
  return { text: spec.text, ok, left: sig6(mean(a)), right: sig6(mean(b)), diff: sig6(diff), ci: [sig6(ci[0]), sig6(ci[1])], pValue: sig6(test.pValue), reason: measured + why };
}
