/**
 * SLO evaluation: an SLO holds when the whole 95% confidence interval of its metric
 * (Student t across replications) is on the right side of the bound, i.e. the upper
 * bound for `<`/`<=` and the lower bound for `>`/`>=`. A system that only meets its SLO
 * on a lucky seed does not pass. With one replication the bound is the value itself.
 */
import { compare } from './blocks/grammar';
import type { ComparisonOp, SloSpec } from './blocks/types';
import { formatMetric } from './format-metric';
import { estimate, estimateMetric, sig6, type MetricContext, type RunMetrics } from './metrics';

/** The outcome of one SLO. */
export interface SloOutcome {
  readonly text: string;
  readonly ok: boolean;
  /** Mean across replications (null when nothing was measured). */
  readonly estimate: number | null;
  /** The confidence bound compared with the bound of the SLO. */
  readonly confidenceBound: number | null;
  readonly bound: number;
  /** One line for people: what was measured against what. */
  readonly reason: string;
}

const SIDE = { '<': 'upper', '<=': 'upper', '>': 'lower', '>=': 'lower' } as const;

/** The bound of a 95% interval an SLO with `op` is judged on. */
export function judgedBound(op: ComparisonOp, ci: readonly [number, number]): number {
  return SIDE[op] === 'upper' ? ci[1] : ci[0];
}

/** Evaluates one SLO on the replications of one configuration. */
export function evaluateSlo(slo: SloSpec, runs: readonly RunMetrics[], context: MetricContext): SloOutcome {
  if (slo.metric === 'recovery') return evaluateRecovery(slo, runs);
  const est = estimateMetric(runs, slo.metric, context);
  const fmt = (x: number) => formatMetric(slo.metric, x);
  return judge(slo, est.mean, est.ci95, runs.length, fmt);
}

function judge(slo: SloSpec, mean: number, ci: readonly [number, number], n: number, fmt: (x: number) => string): SloOutcome {
  if (!Number.isFinite(mean)) {
    return { text: slo.text, ok: false, estimate: null, confidenceBound: null, bound: slo.value, reason: 'nothing measured: no request sent after the warm-up completed (overloaded?)' };
  }
  const side = judgedBound(slo.op, ci);
  const ok = compare(side, slo.op, slo.value);
  const what = n > 1 ? `${SIDE[slo.op]} 95% bound ${fmt(side)}` : fmt(side);
  // The bound as the user wrote it (`100ms`, `0.1%`), not reformatted.
  const written = slo.text.slice(slo.text.lastIndexOf(slo.op) + slo.op.length).trim();
  const verdict = ok ? `${slo.op} ${written}` : `is not ${slo.op} ${written}`;
  const detail = n > 1 ? ` (mean ${fmt(mean)}, ${n} replications)` : ' (1 replication)';
  return { text: slo.text, ok, estimate: sig6(mean), confidenceBound: sig6(side), bound: slo.value, reason: `${what} ${verdict}${detail}` };
}

function evaluateRecovery(slo: SloSpec & { metric: 'recovery' }, runs: readonly RunMetrics[]): SloOutcome {
  const faults = runs[0]?.recovery.length ?? 0;
  const indexes = slo.fault === undefined ? Array.from({ length: faults }, (_, i) => i) : [slo.fault];
  const key = slo.recovery === 'p99' ? 'p99RecoveryMs' : 'errorRateRecoveryMs';
  const fmt = (x: number) => formatMetric('recovery', x);
  let worst: SloOutcome | undefined;
  for (const index of indexes) {
    if (runs.some((run) => run.recovery[index]?.baseline === null)) {
      return { text: slo.text, ok: false, estimate: null, confidenceBound: null, bound: slo.value, reason: `fault ${index}: no baseline to recover to (it starts before a whole window after the warm-up)` };
    }
    const times = runs.map((run) => run.recovery[index]?.[key] ?? null);
    const missing = times.filter((t) => t === null).length;
    if (missing > 0) {
      return {
        text: slo.text,
        ok: false,
        estimate: null,
        confidenceBound: null,
        bound: slo.value,
        reason: runs.some((run) => run.recovery[index]?.ongoing === true)
          ? `fault ${index}: the run ended during the fault, and ${slo.recovery} had not come back in ${missing} of ${runs.length} replication(s)`
          : `fault ${index}: ${slo.recovery} did not recover in ${missing} of ${runs.length} replication(s)`,
      };
    }
    const est = estimate(times as number[]);
    const outcome = judge(slo, est.mean, est.ci95, runs.length, fmt);
    const labelled = { ...outcome, reason: `fault ${index}: ${outcome.reason}` };
    if (worst === undefined || (worst.ok && !labelled.ok) || (worst.ok === labelled.ok && (labelled.confidenceBound ?? 0) > (worst.confidenceBound ?? 0))) worst = labelled;
  }
  return worst ?? { text: slo.text, ok: false, estimate: null, confidenceBound: null, bound: slo.value, reason: 'the run has no faults to recover from' };
}

/** Evaluates every SLO; `met` when all hold. */
export function evaluateSlos(slos: readonly SloSpec[], runs: readonly RunMetrics[], context: MetricContext): { met: boolean; outcomes: SloOutcome[] } {
  const outcomes = slos.map((slo) => evaluateSlo(slo, runs, context));
  return { met: outcomes.every((o) => o.ok), outcomes };
}
