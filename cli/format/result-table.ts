import type { Result } from '../../models/run/result';
import { windowWidthMs, type WindowPoint } from '../../models/run/time-series';
import type { Section } from '../../models/report/section';
import { resultSections, runFrame } from './result-sections';
import { duration, ms, num } from '../../models/report/numbers';
import { textTable } from './text-table';
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
  const { windowMs } = result.timeseries;
  const group = Math.max(1, Math.ceil(points.length / 24));
  // Rates per second over the time each row covers: the last row may be cut short by the run's end.
  const rows: { t: number; widthMs: number; ok: number; failed: number; p99: number | null }[] = [];
  for (let i = 0; i < points.length; i += group) {
    const chunk: WindowPoint[] = points.slice(i, i + group);
    const p99s = chunk.map((p) => p.p99Ms).filter((x): x is number => x !== null);
    const widthMs = chunk.reduce((a, p) => a + windowWidthMs(p, windowMs, result.durationMs), 0);
    const perSec = (count: number) => (widthMs > 0 ? (count * 1000) / widthMs : 0);
    rows.push({
      t: chunk[0]!.tMs,
      widthMs,
      ok: perSec(chunk.reduce((a, p) => a + p.completed, 0)),
      failed: perSec(chunk.reduce((a, p) => a + p.failed, 0)),
      p99: p99s.length > 0 ? maxOf(p99s) : null,
    });
  }
  const rowMs = group * windowMs;
  const peak = maxOf(rows.map((x) => x.ok + x.failed));
  const bar = (rate: number, glyph: string) => glyph.repeat(peak > 0 ? Math.round((20 * rate) / peak) : 0);
  const faultAt = (t: number) => result.faults.some((f) => f.startMs < t + rowMs && f.endMs > t);
  const body = rows.map((x) => [
    duration(x.t),
    num(x.ok, 1),
    num(x.failed, 1),
    x.p99 === null ? '-' : ms(x.p99),
    bar(x.ok, '█') + bar(x.failed, '░') + (faultAt(x.t) ? '  ⚡ fault' : ''),
  ]);
  const cut = rows.length > 0 && rows[rows.length - 1]!.widthMs < rowMs ? `; the last row covers ${duration(rows[rows.length - 1]!.widthMs)}` : '';
  return `time series (first replication, ${duration(rowMs)} windows${cut}; █ ok, ░ failed)\n` +
    textTable(['t', 'ok/s', 'failed/s', 'max p99', ''], body);
}
