import type { Result } from '../../models/run/result';

const COLUMNS = ['replication', 'seed', 'sent', 'completed', 'failed', 'timedOut', 'rejected', 'throughputPerSec',
  'latencyMeanMs', 'p50Ms', 'p90Ms', 'p99Ms', 'p999Ms', 'maxMs', 'inFlight'] as const;

/** One row per replication and a final "pooled" row, for spreadsheets and scripts. */
export function resultCsv(result: Result): string {
  const rows: (string | number)[][] = result.replicationResults.map((r, i) => [
    i, r.seed, r.requests.sent, r.requests.completed, r.requests.failed, r.requests.timedOut, r.requests.rejected,
    r.throughputPerSec, r.latencyMs.mean, r.latencyMs.p50, r.latencyMs.p90, r.latencyMs.p99, r.latencyMs.p999, r.latencyMs.max, r.inFlight,
  ]);
  const s = result.summary;
  rows.push(['pooled', result.seed, s.requests.sent, s.requests.completed, s.requests.failed, s.requests.timedOut, s.requests.rejected,
    s.throughputPerSec, s.latencyMs.mean, s.latencyMs.p50, s.latencyMs.p90, s.latencyMs.p99, s.latencyMs.p999, s.latencyMs.max, s.inFlight]);
  return [COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

export function csvCell(x: string | number): string {
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  return /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}
