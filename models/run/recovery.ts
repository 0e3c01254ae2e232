import type { FaultInterval } from '../subsystem/fault-interval';
import type { WindowPoint } from './time-series';

/** How a fault's effect faded, measured on the time series of one replication. */
export interface Recovery {
  /** Index of the fault in the scenario's `faults`. */
  readonly fault: number;
  readonly kind: FaultInterval['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /**
   * Before the fault (from the end of warm-up): the 90th percentile of windowed p99s, and
   * the error rate. Null when no whole window lies between the two: nothing to come back to,
   * so both recovery times are null too.
   */
  readonly baseline: { readonly p99Ms: number | null; readonly errorRate: number } | null;
  /** Time from the fault's start until the windowed p99 came back within tolerance and stayed; null if never. */
  readonly p99RecoveryMs: number | null;
  /** The same for the error rate; null if never. */
  readonly errorRateRecoveryMs: number | null;
  /** The fault lasted until the run ended: a null time then means "not within the fault", not "never". */
  readonly ongoing: boolean;
}

/**
 * Tolerances of "back to normal": within 10% of the baseline (the definition),
 * with a floor for error rates of 0.1 percentage point so a baseline of zero does not
 * make one stray failure count as "not recovered".
 */
export const RECOVERY_TOLERANCE = 0.1;
export const ERROR_RATE_FLOOR = 0.001;
/** A metric has recovered once it stays within tolerance for this many windows (or to the end). */
export const STABLE_WINDOWS = 3;

/**
 * For each fault: the first window at or after the fault's start from which the metric
 * stays within tolerance of its pre-fault baseline for STABLE_WINDOWS windows (or until the
 * run ends, if fewer remain after the fault has ended); recovery time is from the fault's
 * start to that window's end. A metric that never settles (a metastable failure) gives null.
 */
export function recoveries(faults: readonly FaultInterval[], points: readonly WindowPoint[], windowMs: number, warmupMs: number, runEndMs = Infinity): Recovery[] {
  return faults.map((fault, index) => {
    const before = points.filter((p) => p.tMs >= warmupMs && p.tMs + windowMs <= fault.startMs);
    const ongoing = fault.endMs > fault.startMs && fault.endMs >= runEndMs;
    const frame = { fault: index, kind: fault.kind, startMs: fault.startMs, endMs: fault.endMs, ongoing };
    if (before.length === 0) return { ...frame, baseline: null, p99RecoveryMs: null, errorRateRecoveryMs: null };
    const baseline = baselineOf(before);
    const after = points.filter((p) => p.tMs + windowMs > fault.startMs);
    // A window where everything failed has no p99 but is not healthy; an idle window is.
    const p99Ok = (p: WindowPoint) =>
      p.p99Ms === null ? p.failed === 0 : baseline.p99Ms === null || p.p99Ms <= baseline.p99Ms * (1 + RECOVERY_TOLERANCE);
    const errorsOk = (p: WindowPoint) => errorRate(p) <= baseline.errorRate * (1 + RECOVERY_TOLERANCE) + ERROR_RATE_FLOOR;
    return {
      ...frame,
      baseline,
      p99RecoveryMs: settle(after, p99Ok, fault, windowMs),
      errorRateRecoveryMs: settle(after, errorsOk, fault, windowMs),
    };
  });
}

function settle(after: readonly WindowPoint[], ok: (p: WindowPoint) => boolean, fault: FaultInterval, windowMs: number): number | null {
  for (let i = 0; i < after.length; i++) {
    const run = after.slice(i, i + STABLE_WINDOWS);
    const reachesEnd = i + STABLE_WINDOWS > after.length;
    // Windows cut short by the run's end count only once the fault is over.
    if (reachesEnd && after[i]!.tMs < fault.endMs) return null;
    if (run.every(ok)) return Math.max(0, after[i]!.tMs + windowMs - fault.startMs);
  }
  return null;
}

/**
 * The pre-fault baseline. A window's p99 rests on few samples and wanders from window to
 * window, so the p99 baseline is the 90th percentile of the pre-fault windows' p99s: an
 * ordinary window is within it, a fault's effect is not. The error rate is pooled.
 */
function baselineOf(points: readonly WindowPoint[]): { p99Ms: number | null; errorRate: number } {
  const p99s = points.map((p) => p.p99Ms).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const sent = points.reduce((a, p) => a + p.completed + p.failed, 0);
  const failed = points.reduce((a, p) => a + p.failed, 0);
  return {
    p99Ms: p99s.length === 0 ? null : p99s[Math.min(p99s.length - 1, Math.ceil(0.9 * p99s.length) - 1)]!,
    errorRate: sent === 0 ? 0 : failed / sent,
  };
}

function errorRate(p: WindowPoint): number {
  const n = p.completed + p.failed;
  return n === 0 ? 0 : p.failed / n;
}
