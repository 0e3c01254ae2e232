import type { GossipSummary } from '../../models/gossip/gossip-summary';
import type { KvSummary, Result } from '../../models/result';
import type { WindowPoint } from '../../models/time-series';
import { duration, int, interval, magnitude, ms, num, pct, textTable } from './text-table';

/** The human-readable report of a run: only the sections the scenario has. */
export function resultTable(result: Result): string {
  const traffic = result.summary.requests.sent > 0;
  const sections: string[][] = [
    [`meshsim run · ${result.scenario} · seed ${result.seed} · ${result.replications} replication${result.replications === 1 ? '' : 's'} × ${duration(result.durationMs)}` +
      (result.warmupMs > 0 ? ` (warm-up ${duration(result.warmupMs)} excluded)` : '')],
    traffic ? requestSections(result) : [],
    faultSection(result, traffic),
    result.summary.kv !== undefined ? kvSection(result.summary.kv) : [],
    result.summary.gossip !== undefined ? gossipSection(result.summary.gossip, result.faults.filter((f) => f.kind === 'crash').length) : [],
    traffic ? [timeline(result)] : [],
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

/** Requests, client latency with CIs, per-service latency, per-node load, resilience counters. */
function requestSections(result: Result): string[] {
  const s = result.summary;
  const r = s.requests;
  const l = s.latencyMs;
  const c = s.ci95;
  // One replication has no spread to estimate: show no interval rather than a [x, x] one.
  const intervals = result.replications > 1;
  const out = [
    'requests',
    textTable(['sent', 'completed', 'failed', 'timed out', 'rejected', 'error rate', 'throughput/s', ...(intervals ? ['95% CI'] : [])],
      [[int(r.sent), int(r.completed), int(r.failed), int(r.timedOut), int(r.rejected), pct(r.sent > 0 ? r.failed / r.sent : NaN, 2),
        magnitude(s.throughputPerSec), ...(intervals ? [interval(s.ci95.throughputPerSec, magnitude)] : [])]]),
    '',
    intervals ? 'latency at the client (ms), mean of replications with 95% CI' : 'latency at the client (ms); one replication, so no confidence intervals (--replications 2 or more gives them)',
    textTable(['', 'mean', 'p50', 'p90', 'p99', 'p99.9', 'max'], [
      ['value', ms(l.mean), ms(l.p50), ms(l.p90), ms(l.p99), ms(l.p999), ms(l.max)],
      ...(intervals ? [['95% CI', interval(c.latencyMeanMs), interval(c.p50Ms), interval(c.p90Ms), interval(c.p99Ms), interval(c.p999Ms), interval(c.maxMs)]] : []),
    ]),
  ];
  const services = Object.entries(s.services);
  if (services.length > 1) {
    out.push('', 'services (server-side latency, ms)', textTable(['service', 'completed', 'failed', 'mean', 'p50', 'p99'],
      services.map(([name, v]) => [name, int(v.completed), int(v.failed), ms(v.latencyMs.mean), ms(v.latencyMs.p50), ms(v.latencyMs.p99)])));
  }
  out.push('', 'nodes', textTable(['node', 'utilization', 'mean queue', 'mean in system', 'completed'],
    Object.entries(s.nodes).map(([id, n]) => [id, pct(n.utilization), num(n.meanQueueLength, 2), num(n.meanInSystem, 2), int(n.completed)])));
  const res = s.resilience;
  if (res.retries + res.hedges + res.circuitBreakerRejections + res.ejections > 0) {
    out.push('', 'resilience (all replications)', textTable(['retries', 'hedges', 'breaker rejections', 'ejections', 'ejected time'],
      [[int(res.retries), int(res.hedges), int(res.circuitBreakerRejections), int(res.ejections), duration(res.ejectedMs)]]));
  }
  return out;
}

/** The faults, and with request traffic how long p99 and the error rate took to recover. */
function faultSection(result: Result, traffic: boolean): string[] {
  if (result.faults.length === 0) return [];
  const targets = (t: readonly string[]) => (t.length > 6 ? `${t.slice(0, 5).join(', ')}, … (${t.length})` : t.join(', ') || '(network)');
  if (!traffic) {
    return ['faults', textTable(['kind', 'from', 'to', 'targets'],
      result.faults.map((f) => [f.kind, duration(f.startMs), duration(f.endMs), targets(f.targets)]))];
  }
  const back = (x: number | null) => (x === null ? 'never' : duration(x));
  const rows = result.faults.map((f, i) => {
    const r = result.summary.recovery[i];
    const recovery = r === undefined || !r.measurable ? ['-', '-', '-'] : [back(r.p99RecoveryMs), back(r.errorRateRecoveryMs), `${r.recoveredReplications}/${result.replications}`];
    return [f.kind, duration(f.startMs), duration(f.endMs), targets(f.targets), ...recovery];
  });
  const unmeasurable = result.summary.recovery.some((r) => !r.measurable);
  return [
    `faults, and recovery: time from the fault's start until windowed p99 and error rate are back within 10% of before`,
    textTable(['kind', 'from', 'to', 'targets', 'p99 back', 'errors back', 'recovered'], rows) +
      (unmeasurable ? `\n  -: no baseline, the fault starts before a whole ${duration(result.timeseries.windowMs)} window after the warm-up` : ''),
  ];
}

/** The KV store: operations, placement skew, rebalancing and the lost-write check. */
function kvSection(kv: KvSummary): string[] {
  return [
    'kv store (all replications)',
    textTable(['gets', 'puts', 'keys/node max/mean', 'keys moved', 'bytes moved', 'rebalance', 'hints stored/delivered', 'read repairs', 'lost acked writes'], [[
      int(kv.ops.get), int(kv.ops.put), num(kv.keysPerNode.max / kv.keysPerNode.mean, 2), int(kv.keysMoved), bytes(kv.bytesMoved),
      duration(kv.rebalanceMs), `${int(kv.hintsStored)}/${int(kv.hintsDelivered)}`, int(kv.readRepairs), int(kv.lostAcknowledgedWrites),
    ]]),
  ];
}

function bytes(x: number): string {
  if (x >= 2 ** 30) return `${num(x / 2 ** 30, 1)} GiB`;
  if (x >= 2 ** 20) return `${num(x / 2 ** 20, 1)} MiB`;
  if (x >= 2 ** 10) return `${num(x / 2 ** 10, 1)} KiB`;
  return `${int(x)} B`;
}

/** The gossip cluster's v1 metrics: dissemination, detection, load. */
function gossipSection(g: GossipSummary, crashes: number): string[] {
  const t = (x: number | null) => (x === null ? '-' : duration(x));
  const full = g.dissemination.fullMs;
  const { firstSuspectMs: first, allDeadMs: dead } = g.detection;
  // Rows only for what the run had: rumours when events were sent, detection when members crashed ('-' there: never).
  const rows = [
    ...(g.dissemination.events > 0 ? [['rumour reaches every member', t(full.mean), t(full.p50), t(full.p99), t(full.max), `${int(g.dissemination.events)} rumours`]] : []),
    ...(crashes > 0
      ? [
          ['crash → first suspicion', t(first.mean), t(first.p50), t(first.p99), '', `${int(crashes)} crash${crashes === 1 ? '' : 'es'}`],
          ['crash → dead everywhere', t(dead.mean), t(dead.p50), t(dead.p99), '', ''],
        ]
      : []),
  ];
  return [
    `gossip cluster (${int(g.members)} members)`,
    ...(rows.length > 0 ? [textTable(['', 'mean', 'p50', 'p99', 'max', 'count'], rows)] : []),
    `  false positives (live members declared dead): ${int(g.detection.falsePositives)}`,
    `  load per member: ${num(g.load.msgsPerMemberPerSec, 2)} msgs/s, ${num(g.load.bytesPerMemberPerSec, 0)} B/s`,
  ];
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
      p99: p99s.length > 0 ? Math.max(...p99s) : null,
    });
  }
  const widthMs = group * result.timeseries.windowMs;
  const peak = Math.max(1, ...rows.map((x) => x.completed + x.failed));
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
