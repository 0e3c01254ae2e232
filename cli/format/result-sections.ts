/**
 * The sections of a run's report, as titled tables with notes: one model rendered as text
 * (result-table.ts) and as Markdown (result-md.ts), so both always show the same things.
 * Only the sections the scenario has appear; each subsystem writes its own.
 */
import type { RecoverySummary, Result } from '../../models/run/result';
import { SUBSYSTEMS } from '../../models/run/subsystems';
import { duration, int, interval, magnitude, ms, num, pct } from '../../models/report/numbers';
import { section, type Section } from '../../models/report/section';

/** "seed 1 · 4 replications × 1m (warm-up 5s excluded)" */
export function runFrame(result: Result): string {
  return `seed ${result.seed} · ${result.replications} replication${result.replications === 1 ? '' : 's'} × ${duration(result.durationMs)}` +
    (result.warmupMs > 0 ? ` (warm-up ${duration(result.warmupMs)} excluded)` : '');
}

export function resultSections(result: Result): Section[] {
  const traffic = result.summary.requests.sent > 0;
  const clients = Object.keys(result.summary.clients).length > 0;
  return [
    ...(result.warnings.length > 0 ? [section('warnings', [], [], result.warnings.map((w) => `⚠ ${w.message}`))] : []),
    ...(traffic ? requestSections(result) : clients ? [section('requests', [], [], ['no requests were sent: every client\'s rate is 0 or the run ends before the first arrival'])] : []),
    ...faultSections(result, traffic),
    ...SUBSYSTEMS.flatMap((subsystem) => subsystem.sections?.(result.summary, result.faults) ?? []),
  ];
}

/** Requests, client latency with CIs, per-service latency, per-node load, resilience counters. */
function requestSections(result: Result): Section[] {
  const s = result.summary;
  const r = s.requests;
  const l = s.latencyMs;
  const c = s.ci95;
  // One replication has no spread to estimate: show no interval rather than a [x, x] one.
  const intervals = result.replications > 1;
  const out = [
    section('requests', ['sent', 'completed', 'failed', 'timed out', 'rejected', 'in flight', 'error rate', 'throughput/s', ...(intervals ? ['95% CI'] : [])],
      [[int(r.sent), int(r.completed), int(r.failed), int(r.timedOut), int(r.rejected), int(s.inFlight), pct(r.sent > 0 ? r.failed / r.sent : NaN, 2),
        magnitude(s.throughputPerSec), ...(intervals ? [interval(s.ci95.throughputPerSec, magnitude)] : [])]]),
    section(intervals ? 'latency at the client (ms), mean of replications with 95% CI' : 'latency at the client (ms); one replication, so no confidence intervals (--replications 2 or more gives them)',
      ['', 'mean', 'p50', 'p90', 'p99', 'p99.9', 'max'], [
        ['value', ms(l.mean), ms(l.p50), ms(l.p90), ms(l.p99), ms(l.p999), ms(l.max)],
        ...(intervals ? [['95% CI', interval(c.latencyMeanMs), interval(c.p50Ms), interval(c.p90Ms), interval(c.p99Ms), interval(c.p999Ms), interval(c.maxMs)]] : []),
      ]),
  ];
  const services = Object.entries(s.services);
  if (services.length > 1) {
    out.push(section('services (server-side latency, ms)', ['service', 'completed', 'failed', 'mean', 'p50', 'p99'],
      services.map(([name, v]) => [name, int(v.completed), int(v.failed), ms(v.latencyMs.mean), ms(v.latencyMs.p50), ms(v.latencyMs.p99)])));
  }
  out.push(section('nodes', ['node', 'utilization', 'mean queue', 'mean in system', 'completed'],
    Object.entries(s.nodes).map(([id, n]) => [id, pct(n.utilization), num(n.meanQueueLength, 2), num(n.meanInSystem, 2), int(n.completed)])));
  const res = s.resilience;
  if (res.retries + res.hedges + res.circuitBreakerRejections + res.ejections > 0) {
    out.push(section('resilience (all replications)', ['retries', 'hedges', 'breaker rejections', 'ejections', 'ejected host-time'],
      [[int(res.retries), int(res.hedges), int(res.circuitBreakerRejections), int(res.ejections), duration(res.ejectedMs)]],
      res.ejections > 0 ? ['ejected host-time: how long ejected hosts stayed out, summed over hosts, client instances (each ejects on its own) and replications'] : []));
  }
  return out;
}

/** The faults, and with request traffic how long p99 and the error rate took to recover. */
function faultSections(result: Result, traffic: boolean): Section[] {
  if (result.faults.length === 0) return [];
  const targets = (t: readonly string[]) => (t.length > 6 ? `${t.slice(0, 5).join(', ')}, … (${t.length})` : t.join(', ') || '(network)');
  // An event (add-node, join, …) has no end of its own.
  const until = (f: { startMs: number; endMs: number }) => (f.endMs === f.startMs ? '-' : duration(f.endMs));
  if (!traffic) return [section('faults', ['kind', 'from', 'to', 'targets'], result.faults.map((f) => [f.kind, duration(f.startMs), until(f), targets(f.targets)]))];
  // A fault that lasts to the end leaves no "after": not back is "run ended in it", not "never".
  const back = (x: number | null, ongoing: boolean) => (x !== null ? duration(x) : ongoing ? 'run ended' : 'never');
  const recovered = (r: RecoverySummary) => (r.ongoing && r.recoveredReplications === 0 ? '-' : `${r.recoveredReplications}/${result.replications}`);
  const rows = result.faults.map((f, i) => {
    const r = result.summary.recovery[i];
    const recovery = r === undefined || !r.measurable ? ['-', '-', '-'] : [back(r.p99RecoveryMs, r.ongoing), back(r.errorRateRecoveryMs, r.ongoing), recovered(r)];
    return [f.kind, duration(f.startMs), until(f), targets(f.targets), ...recovery];
  });
  const unmeasurable = result.summary.recovery.some((r) => !r.measurable);
  const endedIn = result.summary.recovery.some((r) => r.measurable && r.ongoing && (r.p99RecoveryMs === null || r.errorRateRecoveryMs === null));
  return [section(`faults, and recovery: time from the fault's start until windowed p99 and error rate are back within 10% of before`,
    ['kind', 'from', 'to', 'targets', 'p99 back', 'errors back', 'recovered'], rows, [
      ...(unmeasurable ? [`-: no baseline, the fault starts before a whole ${duration(result.timeseries.windowMs)} window after the warm-up`] : []),
      ...(endedIn ? ['run ended: the run ended during the fault, before the metric came back (not "never": there was no after)'] : []),
    ])];
}
