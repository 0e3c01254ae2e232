/**
 * `meshsim compare` output: a table for terminals, Markdown for CI job summaries and pull
 * requests, CSV (one row per variant and metric), and the JSON contract.
 */
import type { CompareReport, CompareVariant } from '../../planner/compare';
import { lowerIsBetter, metricUnit } from '../../planner/blocks/grammar';
import type { ScalarMetric } from '../../planner/blocks/types';
import type { Format } from '../run-options';
import { formatDiff, formatInterval, formatMetric } from '../../planner/format-metric';
import { duration } from '../../models/report/numbers';
import { textTable } from './text-table';
import { maxOf, minOf } from '../../sim/stats';

/** Column headers name the unit; the cells are formatMetric's 'cell' style. */
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

const metricHeader = (metric: ScalarMetric): string => HEADERS[metric];

export function renderCompare(report: CompareReport, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return compareCsv(report);
    case 'md':
      return compareMarkdown(report);
    case 'table':
      return compareTable(report);
  }
}

const alphaText = (alpha: number) => `${+(alpha * 100).toFixed(2)}%`;

function baselineOf(report: CompareReport): CompareVariant {
  return report.variants.find((v) => v.name === report.baseline)!;
}

/** "better" or "worse" for a significant difference, '' otherwise. */
function verdict(metric: ScalarMetric, v: CompareVariant): string {
  const d = v.vsBaseline[metric]!;
  if (!d.significant) return '';
  return (d.diff < 0) === lowerIsBetter(metric) ? 'better' : 'worse';
}

function valueCell(metric: ScalarMetric, v: CompareVariant): string {
  const m = v.metrics[metric]!;
  return `${formatMetric(metric, m.mean, 'cell')} ${formatInterval(metric, m.ci95, false, 'cell')}`;
}

function diffCell(metric: ScalarMetric, v: CompareVariant): string {
  const d = v.vsBaseline[metric]!;
  const mark = verdict(metric, v);
  return `${formatDiff(metric, d.diff, 'cell')} ${formatInterval(metric, d.ci95, true, 'cell')}${mark === '' ? '' : ` ${mark}`}`;
}

/** One line per metric: the winner and by how much, or that there is none. */
export function winnerLines(report: CompareReport): string[] {
  return [...report.metrics.map((metric) => winnerLine(report, metric)), ...errorRateCaveat(report), ...variantWarnings(report)];
}

/** An overloaded variant "loses" for a reason worth saying: its queues grow without bound. */
function variantWarnings(report: CompareReport): string[] {
  return report.variants.flatMap((v) => v.warnings.map((w) => `warning: ${v.name}: ${w.message}`));
}

/** Error rates further apart than this (half a point) get the latency caveat. */
const ERROR_RATE_CAVEAT_POINTS = 0.005;

/**
 * Latency covers successful requests only, so a variant that fails its slow requests can
 * "win" on p99: say so when the variants' error rates differ.
 */
function errorRateCaveat(report: CompareReport): string[] {
  if (!report.metrics.some((m) => metricUnit(m) === 'duration')) return [];
  const rates = report.variants.map((v) => (v.summary.requests.sent > 0 ? v.summary.requests.failed / v.summary.requests.sent : 0));
  if (maxOf(rates) - minOf(rates) <= ERROR_RATE_CAVEAT_POINTS) return [];
  const list = report.variants.map((v, i) => `${v.label} ${(rates[i]! * 100).toFixed(2)}%`).join(', ');
  return [`note: latency covers successful requests only, and the error rates differ (${list}): read latency beside the error rate`];
}

function winnerLine(report: CompareReport, metric: ScalarMetric): string {
  const base = baselineOf(report);
  const name = report.winner[metric];
  const winner = report.variants.find((v) => v.name === name);
  if (winner === undefined) {
    const means = report.variants.map((v) => v.metrics[metric]!.mean);
    if (means.every((m) => m === means[0])) return `${metric}: no difference (${formatMetric(metric, means[0]!, 'cell')} in every variant)`;
    const sign = lowerIsBetter(metric) ? 1 : -1;
    const best = [...report.variants].sort((a, b) => sign * (a.metrics[metric]!.mean - b.metrics[metric]!.mean))[0]!;
    return `${metric}: no clear winner (best mean ${best.label}, ${formatMetric(metric, best.metrics[metric]!.mean, 'cell')}, not significantly better than every other variant at α = ${alphaText(report.alpha)})`;
  }
  const value = `${formatMetric(metric, winner.metrics[metric]!.mean, 'cell')}`;
  if (winner === base) return `${metric}: ${winner.label} (the baseline, ${value}), significantly better than every other variant`;
  const d = winner.vsBaseline[metric]!;
  return `${metric}: ${winner.label} (${value}; ${formatDiff(metric, d.diff, 'cell')} vs ${base.label}, 95% CI ${formatInterval(metric, d.ci95, true, 'cell')}, p = ${d.pValue.toPrecision(2)})`;
}

function heading(report: CompareReport): string {
  return `${report.replications} replication(s) × ${duration(report.durationMs)} per variant` + (report.warmupMs > 0 ? ` (warm-up ${duration(report.warmupMs)} excluded)` : '');
}

function crnNote(report: CompareReport): string {
  const last = report.seed + report.replications - 1;
  return `common random numbers: every variant ran seeds ${report.seed}${last > report.seed ? `–${last}` : ''}, so differences are paired`;
}

function compareTable(report: CompareReport): string {
  const base = baselineOf(report);
  const paths = Object.keys(base.values);
  const values = textTable(
    ['variant', ...report.metrics.map(metricHeader)],
    report.variants.map((v) => [v.label + (v === base ? ' (baseline)' : ''), ...report.metrics.map((m) => valueCell(m, v))]),
  );
  const others = report.variants.filter((v) => v !== base);
  const diffs = textTable(['variant', ...report.metrics.map(metricHeader)], others.map((v) => [v.label, ...report.metrics.map((m) => diffCell(m, v))]));
  return [
    `meshsim compare · ${report.scenario} · ${heading(report)} · α = ${alphaText(report.alpha)}`,
    crnNote(report),
    '',
    `variants (${paths.join(', ')}), mean of replications with 95% CI`,
    values,
    '',
    `difference to the baseline ${base.label}: paired mean with 95% CI; better/worse = significant at α = ${alphaText(report.alpha)}`,
    diffs,
    '',
    'winner per metric',
    ...winnerLines(report).map((line) => `  ${line}`),
  ].join('\n') + '\n';
}

function compareMarkdown(report: CompareReport): string {
  const base = baselineOf(report);
  const header = `| variant | ${report.metrics.map(metricHeader).join(' | ')} |`;
  const rule = `|---|${report.metrics.map(() => '---:').join('|')}|`;
  const bold = (text: string, on: boolean) => (on ? `**${text}**` : text);
  return [
    `### meshsim compare: ${report.scenario}`,
    '',
    `${heading(report)}; ${crnNote(report)}. Baseline: **${base.label}**; α = ${alphaText(report.alpha)}.`,
    '',
    header,
    rule,
    ...report.variants.map((v) => `| ${v.label}${v === base ? ' (baseline)' : ''} | ${report.metrics.map((m) => valueCell(m, v)).join(' | ')} |`),
    '',
    `Paired difference to **${base.label}** (95% CI; bold = significant):`,
    '',
    header,
    rule,
    ...report.variants.filter((v) => v !== base).map((v) => `| ${v.label} | ${report.metrics.map((m) => bold(diffCell(m, v), v.vsBaseline[m]!.significant)).join(' | ')} |`),
    '',
    '**Winner per metric**',
    '',
    ...winnerLines(report).map((line) => `- ${line}`),
  ].join('\n') + '\n';
}

function compareCsv(report: CompareReport): string {
  const rows = ['variant,name,metric,mean,ciLow,ciHigh,diff,diffCiLow,diffCiHigh,pValue,significant,winner'];
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  for (const v of report.variants) {
    for (const m of report.metrics) {
      const e = v.metrics[m]!;
      const d = v.vsBaseline[m]!;
      rows.push([quote(v.label), quote(v.name), m, e.mean, e.ci95[0], e.ci95[1], d.diff, d.ci95[0], d.ci95[1], d.pValue, d.significant, report.winner[m] === v.name].join(','));
    }
  }
  return rows.join('\n') + '\n';
}
