import type { Histogram } from '../../sim/histogram';
import type { ClientSummary, LatencySummary, NodeSummary, ReplicationResult, RequestCounts, ServiceSummary } from './result';
import type { RequestStats } from '../request/request-stats';
import { recoveries } from './recovery';
import { round3 } from '../../sim/stats';
import type { World } from './world';
import type { ReplicationParts } from '../subsystem/subsystem';

/** Read one finished replication into its result, checking the conservation law first. */
export function collectResult(world: World): ReplicationResult {
  const { scenario, sim } = world;
  const now = sim.now();
  const measuredSec = (scenario.durationMs - scenario.warmupMs) / 1000;
  const pooled = { sent: 0, completed: 0, failed: 0, timedOut: 0, rejected: 0, inFlight: 0 };
  const clients: Record<string, ClientSummary> = {};
  let latency: Histogram | undefined;
  for (const [name, stats] of world.clientStats) {
    stats.checkConservation(`client ${name} (seed ${world.seed})`);
    clients[name] = { requests: counts(stats), throughputPerSec: round3(stats.completed / measuredSec), latencyMs: latencySummary(stats.latency) };
    for (const key of ['sent', 'completed', 'failed', 'timedOut', 'rejected', 'inFlight'] as const) pooled[key] += stats[key];
    if (latency === undefined) latency = stats.latency;
    else latency.merge(stats.latency);
  }
  const nodes: Record<string, NodeSummary> = {};
  for (const [id, replica] of world.replicas) {
    const node = replica.node;
    const busy = node.busy.average(now);
    const waiting = node.waiting.average(now);
    nodes[id] = {
      utilization: round6(busy / node.cores),
      meanQueueLength: round6(waiting),
      meanInSystem: round6(busy + waiting),
      completed: node.completed,
    };
  }
  const services: Record<string, ServiceSummary> = {};
  for (const [name, stats] of world.serviceStats) {
    const h = stats.latency;
    services[name] = {
      completed: stats.completed,
      failed: stats.failed,
      inFlight: stats.inFlight,
      latencyMs: { mean: ms(h.mean), p50: ms(h.quantile(0.5)), p99: ms(h.quantile(0.99)) },
    };
  }
  const { inFlight, ...requests } = pooled;
  const m = world.metrics;
  const resilience = {
    retries: m.counter('retries'),
    hedges: m.counter('hedges'),
    circuitBreakerRejections: m.counter('circuitBreaker.rejections'),
    ejections: m.counter('outlier.ejections'),
    // Ejections still running at the end count up to the end, so ejections > 0 never shows 0 time.
    ejectedMs: round3(m.counter('outlier.ejectedTimeMs') + (m.enabled ? world.callers().reduce((sum, { caller }) => sum + caller.ejectedSoFarMs(), 0) : 0)),
  };
  const parts: ReplicationParts = {};
  for (const part of world.parts.values()) Object.assign(parts, part.collect?.());
  return {
    seed: world.seed,
    requests,
    throughputPerSec: round3(requests.completed / measuredSec),
    latencyMs: latency === undefined ? emptyLatency() : latencySummary(latency),
    nodes,
    services,
    clients,
    inFlight,
    events: sim.events,
    resilience,
    recovery: recoveries(world.faults, world.series.points, world.series.windowMs, scenario.warmupMs, scenario.durationMs),
    faults: world.faults,
    timeseries: { windowMs: world.series.windowMs, points: world.series.points },
    ...parts,
  };
}

function counts(stats: RequestStats): RequestCounts {
  return { sent: stats.sent, completed: stats.completed, failed: stats.failed, timedOut: stats.timedOut, rejected: stats.rejected };
}

export function latencySummary(h: Histogram): LatencySummary {
  if (h.count === 0) return emptyLatency();
  return {
    mean: ms(h.mean),
    p50: ms(h.quantile(0.5)),
    p90: ms(h.quantile(0.9)),
    p99: ms(h.quantile(0.99)),
    p999: ms(h.quantile(0.999)),
    max: ms(h.max),
  };
}

function emptyLatency(): LatencySummary {
  return { mean: NaN, p50: NaN, p90: NaN, p99: NaN, p999: NaN, max: NaN };
}

/** Latencies are reported to the microsecond. */
function ms(x: number): number {
  return Number.isFinite(x) ? round3(x) : NaN;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
