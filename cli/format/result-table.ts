import type { Result } from '../../models/result';
import type { WindowPoint } from '../../models/time-series';
import { resultSections, runFrame, type Section } from './result-sections';
import { duration, ms, num, textTable } from './text-table';
import { maxOf } from '../../sim/stats';

/** The human-readable report of a run: its sections as text tables, then the time series. */
export function resultTable(result: Result): string {
  const blocks = [
    `meshsim run · ${result.scenario} · ${runFrame(result)}`,
    ...resultSections(result).map(sectionText),
    ...(result.summary.requests.sent > 0 ? [timeline(result)] : []),
  ];
  return blocks.join('\n\n') + '\n';
}

function sectionText(s: Section): string {
  return [s.title, ...(s.header.length > 0 ? [textTable(s.header, s.rows)] : []), ...s.notes.map((note) => `  ${note}`)].join('\n');
}

/** A compact time series: at most ~24 rows, windows merged, with a bar of throughput. */
function timeline(result: Result): string {
  const points = result.timeseries.points;
  if (points.length === 0) return '';
  const group = Math.max(1, Math.ceil(points.length / 24));
  const rows: { t: number; completed: number; failed: number; p99: number | null }[] = [];
  for (let i = 0; i < points.length; i += group) {
    const chunk: WindowPoint[] = points.slice(i, i + group);
    const p99s = chunk.map((p) => p.p99Ms).filter((x): x is number => x !== null);
    rows.push({
      t: chunk[0]!.tMs,
      completed: chunk.reduce((a, p) => a + p.completed, 0),
      failed: chunk.reduce((a, p) => a + p.failed, 0),
      p99: p99s.length > 0 ? maxOf(p99s) : null,
    });
  }
  const widthMs = group * result.timeseries.windowMs;
  const peak = Math.max(1, maxOf(rows.map((x) => x.completed + x.failed)));
  const faultAt = (t: number) => result.faults.some((f) => f.startMs < t + widthMs && f.endMs > t);
  const body = rows.map((x) => [
    duration(x.t),
    num((x.completed * 1000) / widthMs, 1),
    num((x.failed * 1000) / widthMs, 1),
    x.p99 === null ? '-' : ms(x.p99),
    '█'.repeat(Math.round((20 * x.completed) / peak)) + '░'.repeat(Math.round((20 * x.failed) / peak)) + (faultAt(x.t) ? '  ⚡ fault' : ''),
  ]);
  return `time series (first replication, ${duration(widthMs)} windows; █ ok, ░ failed)\n` +
    textTable(['t', 'ok/s', 'failed/s', 'max p99', ''], body);
}
