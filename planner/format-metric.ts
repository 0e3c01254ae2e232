/**
 * Metric values for people, in the unit the metric is written in. Two styles of one rule:
 * with the unit, for the reasons SLOs and expectations give (`84.2 ms`, `12.50 s`,
 * `0.012%`, `1,234.5/s`), and as table cells whose column header names the unit (`84.2`,
 * `0.01%`, `1,234.5`).
 */
import { ms, num } from '../models/report/numbers';
import { metricUnit } from './blocks/grammar';
import type { ScalarMetric } from './blocks/types';

export type MetricStyle = 'unit' | 'cell';

/** A duration in ms with a precision that suits its size, and its unit (seconds from 10 s). */
export function formatMs(x: number): string {
  if (!Number.isFinite(x)) return '-';
  return Math.abs(x) >= 10_000 ? `${num(x / 1000, 2)} s` : `${ms(x)} ms`;
}

export function formatMetric(metric: ScalarMetric | 'recovery', x: number, style: MetricStyle = 'unit'): string {
  if (!Number.isFinite(x)) return '-';
  const unit = style === 'unit';
  switch (metricUnit(metric)) {
    case 'probability':
      // With the unit, very small rates keep a third decimal so they do not read as 0.00%.
      return `${(x * 100).toFixed(unit && Math.abs(x) < 0.001 ? 3 : 2)}%`;
    case 'rate':
      return unit ? `${num(x, 1)}/s` : num(x, 1);
    case 'duration':
      return unit ? formatMs(x) : ms(x);
  }
}

/** A signed difference: `+3.20 ms`, `−12.5 ms` (a true minus sign); one that rounds to zero gets no sign. */
export function formatDiff(metric: ScalarMetric, x: number, style: MetricStyle = 'unit'): string {
  if (!Number.isFinite(x)) return '-';
  const text = formatMetric(metric, Math.abs(x), style);
  if (!/[1-9]/.test(text)) return text;
  return x > 0 ? `+${text}` : x < 0 ? `\u2212${text}` : text;
}

/** An interval `[a, b]` in the metric's unit. */
export function formatInterval(metric: ScalarMetric, [lo, hi]: readonly [number, number], signed = false, style: MetricStyle = 'unit'): string {
  const one = (x: number) => (signed ? formatDiff(metric, x, style) : formatMetric(metric, x, style));
  return `[${one(lo)}, ${one(hi)}]`;
}
