import { widenByResolution } from '../../sim/histogram';
import { mean, nonNegativeInterval } from '../../sim/stats';
import type { RecoverySummary, ResilienceSummary } from './result';
import type { ClientSummary, LatencySummary, NodeSummary, ReplicationResult, RequestCounts, Result, ServiceSummary, Summary } from './result';
import { RESULT_SCHEMA } from './result';
import { round3 } from '../../sim/stats';
import type { Scenario } from '../scenario/types';
import type { ReplicationParts, ResultParts, Subsystem, SummaryParts } from '../subsystem/subsystem';
import { SUBSYSTEMS } from './subsystems';
import { runWarnings } from './warnings';

/**
 * Pool replications into the result: sums for counts, the mean across replications for
 * means, percentiles, rates and utilisations, and 95% Student-t intervals across
 * replications for the headline numbers.
 */
export function summarize(scenario: Scenario, runs: readonly ReplicationResult[], subsystems: readonly Subsystem[] = SUBSYSTEMS): Result {
  const parts: SummaryParts = {};
  for (const subsystem of subsystems) Object.assign(parts, subsystem.pool?.(runs));
  const hoisted = subsystems.flatMap((subsystem) => subsystem.hoisted ?? []);
  const summary: Summary = {
    requests: sumCounts(runs.map((r) => r.requests)),
    throughputPerSec: avg(runs.map((r) => r.throughputPerSec)),
    latencyMs: avgLatency(runs.map((r) => r.latencyMs)),
    ci95: {
      latencyMeanMs: ci(runs.map((r) => r.latencyMs.mean)),
      p50Ms: ci(runs.map((r) => r.latencyMs.p50), widenByResolution),
      p90Ms: ci(runs.map((r) => r.latencyMs.p90), widenByResolution),
      p99Ms: ci(runs.map((r) => r.latencyMs.p99), widenByResolution),
      p999Ms: ci(runs.map((r) => r.latencyMs.p999), widenByResolution),
      maxMs: ci(runs.map((r) => r.latencyMs.max)),
      throughputPerSec: ci(runs.map((r) => r.throughputPerSec)),
    },
    inFlight: runs.reduce((s, r) => s + r.inFlight, 0),
    nodes: mapKeys(runs.map((r) => r.nodes), avgNode),
    services: mapKeys(runs.map((r) => r.services), avgService),
    clients: mapKeys(runs.map((r) => r.clients), avgClient),
    resilience: sumResilience(runs.map((r) => r.resilience)),
    recovery: summarizeRecovery(runs),
    ...parts,
  };
  const first = runs[0]!;
  return {
    schema: RESULT_SCHEMA,
    scenario: scenario.name,
    seed: scenario.seed,
    replications: runs.length,
    durationMs: scenario.durationMs,
    warmupMs: scenario.warmupMs,
    summary,
    warnings: runWarnings(scenario, summary),
    faults: first.faults,
    replicationResults: runs.map((run) => withoutKeys(run, ['timeseries', 'faults', ...hoisted])),
    ...firstOf(first, hoisted),
    timeseries: { ...first.timeseries, warmupMs: scenario.warmupMs },
  };
}

function avg(xs: readonly number[]): number {
  const finite = xs.filter(Number.isFinite);
  return finite.length === 0 ? NaN : round3(mean(finite));
}

/**
 * The 95% interval of a headline number (all of them are ≥ 0); null from one replication,
 * which has no spread to estimate. Percentiles are widened by the histogram's resolution.
 */
function ci(xs: readonly number[], widen = (x: [number, number]) => x): [number, number] | null {
  if (xs.length < 2) return null;
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return [NaN, NaN];
  const [lo, hi] = widen(nonNegativeInterval(finite, 0.95));
  return [round3(lo), round3(hi)];
}

function sumCounts(all: readonly RequestCounts[]): RequestCounts {
  const total = { sent: 0, completed: 0, failed: 0, timedOut: 0, rejected: 0 };
  for (const c of all) for (const key of Object.keys(total) as (keyof RequestCounts)[]) total[key] += c[key];
  return total;
}

function avgLatency(all: readonly LatencySummary[]): LatencySummary {
  return {
    mean: avg(all.map((l) => l.mean)),
    p50: avg(all.map((l) => l.p50)),
    p90: avg(all.map((l) => l.p90)),
    p99: avg(all.map((l) => l.p99)),
    p999: avg(all.map((l) => l.p999)),
    max: avg(all.map((l) => l.max)),
  };
}

function avgNode(all: readonly NodeSummary[]): NodeSummary {
  const r6 = (xs: number[]) => Math.round(mean(xs) * 1e6) / 1e6;
  return {
    utilization: r6(all.map((n) => n.utilization)),
    meanQueueLength: r6(all.map((n) => n.meanQueueLength)),
    meanInSystem: r6(all.map((n) => n.meanInSystem)),
    completed: all.reduce((s, n) => s + n.completed, 0),
  };
}

function avgService(all: readonly ServiceSummary[]): ServiceSummary {
  return {
    completed: all.reduce((s, x) => s + x.completed, 0),
    failed: all.reduce((s, x) => s + x.failed, 0),
    inFlight: all.reduce((s, x) => s + x.inFlight, 0),
    latencyMs: {
      mean: avg(all.map((x) => x.latencyMs.mean)),
      p50: avg(all.map((x) => x.latencyMs.p50)),
      p99: avg(all.map((x) => x.latencyMs.p99)),
    },
  };
}

function avgClient(all: readonly ClientSummary[]): ClientSummary {
  return {
    requests: sumCounts(all.map((c) => c.requests)),
    throughputPerSec: avg(all.map((c) => c.throughputPerSec)),
    latencyMs: avgLatency(all.map((c) => c.latencyMs)),
  };
}

/** Combine per-key records of every replication (keys in the first one's order). */
function mapKeys<T>(records: readonly Readonly<Record<string, T>>[], combine: (all: T[]) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(records[0] ?? {})) out[key] = combine(records.map((r) => r[key]!));
  return out;
}

function sumResilience(all: readonly ResilienceSummary[]): ResilienceSummary {
  const total = { retries: 0, hedges: 0, circuitBreakerRejections: 0, ejections: 0, ejectedMs: 0 };
  for (const r of all) for (const key of Object.keys(total) as (keyof ResilienceSummary)[]) total[key] += r[key];
  total.ejectedMs = round3(total.ejectedMs);
  return total;
}

function summarizeRecovery(runs: readonly ReplicationResult[]): RecoverySummary[] {
  return (runs[0]?.recovery ?? []).map((first, index) => {
    const all = runs.map((r) => r.recovery[index]!);
    const meanOf = (xs: (number | null)[]) => {
      const got = xs.filter((x): x is number => x !== null);
      return got.length === 0 ? null : round3(mean(got));
    };
    return {
      fault: first.fault,
      kind: first.kind,
      startMs: first.startMs,
      endMs: first.endMs,
      p99RecoveryMs: meanOf(all.map((r) => r.p99RecoveryMs)),
      errorRateRecoveryMs: meanOf(all.map((r) => r.errorRateRecoveryMs)),
      recoveredReplications: all.filter((r) => r.p99RecoveryMs !== null && r.errorRateRecoveryMs !== null).length,
      measurable: all.every((r) => r.baseline !== null),
      ongoing: first.ongoing,
    };
  });
}

/** `record` without `keys`, its other keys in their order. */
function withoutKeys<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const rest: Partial<T> = { ...record };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}

/** The hoisted parts of the first replication, those it has. */
function firstOf(first: ReplicationParts, keys: readonly (keyof ReplicationParts & keyof ResultParts)[]): ResultParts {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (first[key] !== undefined) out[key] = first[key];
  return out as ResultParts;
}
