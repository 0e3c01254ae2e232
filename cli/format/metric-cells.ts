/**
 * Table cells of planner metrics: values in the unit the column header names (ms,
 * percent, per second), intervals and signed differences.
 */
import { metricUnit } from '../../models/scenario/planner-grammar';
import type { ScalarMetric } from '../../models/scenario/planner-types';
import { ms, num, pct } from '../../models/report/numbers';

const HEADERS: Readonly<Record<ScalarMetric, string>> = {
  p50: 'p50 (ms)',
  p90: 'p90 (ms)',
  p99: 'p99 (ms)',
  p999: 'p99.9 (ms)',
  mean: 'mean (ms)',
  max: 'max (ms)',
  wait: 'wait (ms)',
  errorRate: 'error rate',
  throughput: 'throughput/s',
};

export const metricHeader = (metric: ScalarMetric): string => HEADERS[metric];

/** A value in the column's unit, without the unit. */
export function metricCell(metric: ScalarMetric, x: number): string {
  if (!Number.isFinite(x)) return '-';
  switch (metricUnit(metric)) {
    case 'probability':
      return pct(x, 2);
    case 'rate':
      return num(x, 1);
    case 'duration':
      return ms(x);
  }
}

/** A signed value: +3.20, −12.5 (a true minus sign), 0. */
export function signedCell(metric: ScalarMetric, x: number): string {
  if (!Number.isFinite(x)) return '-';
  const text = metricCell(metric, Math.abs(x));
  // A difference that rounds to zero in the shown precision gets no sign.
  if (!/[1-9]/.test(text)) return text;
  return x > 0 ? `+${text}` : x < 0 ? `\u2212${text}` : text;
}

export function intervalCell(metric: ScalarMetric, [lo, hi]: readonly [number, number], signed = false): string {
  const one = signed ? (x: number) => signedCell(metric, x) : (x: number) => metricCell(metric, x);
  return `[${one(lo)}, ${one(hi)}]`;
}
