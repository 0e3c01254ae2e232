import type { Result } from '../../models/result';
import { duration, int, interval, magnitude, ms, num, pct } from './text-table';

/** Markdown for CI job summaries, pull-request comments and design reviews. */
export function resultMarkdown(result: Result): string {
  const s = result.summary;
  const r = s.requests;
  const l = s.latencyMs;
  const c = s.ci95;
  const lines = [
    `### meshsim: ${result.scenario}`,
    '',
    `Seed ${result.seed}, ${result.replications} replication(s) of ${duration(result.durationMs)}` +
      (result.warmupMs > 0 ? `, warm-up ${duration(result.warmupMs)} excluded.` : '.'),
    '',
    '| sent | completed | failed | timed out | rejected | error rate | throughput/s |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${int(r.sent)} | ${int(r.completed)} | ${int(r.failed)} | ${int(r.timedOut)} | ${int(r.rejected)} | ${pct(r.sent > 0 ? r.failed / r.sent : NaN, 2)} | ${magnitude(s.throughputPerSec)} |`,
    '',
    '| latency (ms) | mean | p50 | p90 | p99 | p99.9 | max |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| value | ${ms(l.mean)} | ${ms(l.p50)} | ${ms(l.p90)} | ${ms(l.p99)} | ${ms(l.p999)} | ${ms(l.max)} |`,
    ...(result.replications > 1
      ? [`| 95% CI | ${interval(c.latencyMeanMs)} | ${interval(c.p50Ms)} | ${interval(c.p90Ms)} | ${interval(c.p99Ms)} | ${interval(c.p999Ms)} | ${interval(c.maxMs)} |`]
      : []),
    '',
    '| node | utilization | mean queue | completed |',
    '|---|---:|---:|---:|',
    ...Object.entries(s.nodes).map(([id, n]) => `| ${id} | ${pct(n.utilization)} | ${num(n.meanQueueLength, 2)} | ${int(n.completed)} |`),
  ];
  return lines.join('\n') + '\n';
}
