/**
 * Metric values for people, in the unit the metric is written in: `84.2 ms`, `0.12%`,
 * `1,234.5/s`. Used in the reasons SLOs and expectations give.
 */
import { metricUnit } from '../models/scenario/planner-grammar';
import type { ScalarMetric } from '../models/scenario/planner-types';

function grouped(x: number, decimals: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A duration in ms with a precision that suits its size. */
export function formatMs(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const abs = Math.abs(x);
  if (abs >= 10_000) return `${grouped(x / 1000, 2)} s`;
  if (abs >= 100) return `${grouped(x, 1)} ms`;
  if (abs >= 1) return `${grouped(x, 2)} ms`;
  return `${grouped(x, 3)} ms`;
}

export function formatMetric(metric: ScalarMetric | 'recovery', x: number): string {
  if (!Number.isFinite(x)) return '-';
  switch (metricUnit(metric)) {
    case 'probability':
      return `${(x * 100).toFixed(Math.abs(x) < 0.001 ? 3 : 2)}%`;
    case 'rate':
      return `${grouped(x, 1)}/s`;
    case 'duration':
      return formatMs(x);
  }
}

/** A signed difference: `+3.20 ms`, `−12.5 ms` (a true minus sign). */
export function formatDiff(metric: ScalarMetric, x: number): string {
  if (!Number.isFinite(x)) return '-';
  const text = formatMetric(metric, Math.abs(x));
  if (!/[1-9]/.test(text)) return text;
  return x > 0 ? `+${text}` : x < 0 ? `\u2212${text}` : text;
}

/** An interval `[a, b]` in the metric's unit. */
export function formatInterval(metric: ScalarMetric, [lo, hi]: readonly [number, number], signed = false): string {
  const one = (x: number) => (signed ? formatDiff(metric, x) : formatMetric(metric, x));
  return `[${one(lo)}, ${one(hi)}]`;
}
