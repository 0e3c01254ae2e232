/**
 * The metrics SLOs, expectations and comparisons name, read from each replication so
 * that confidence intervals and paired differences are taken across replications (the
 * replications are the independent samples; requests within one are not).
 */
import type { ReplicationResult } from '../models/run/result';
import { serviceNodeIds } from '../models/scenario/node-ids';
import type { ScalarMetric } from './blocks/types';
import type { Scenario } from '../models/scenario/types';
import { widenByResolution } from '../sim/histogram';
import { mean, nonNegativeInterval } from '../sim/stats';

/** The part of a replication's result the metrics read (a full result, or one from `replicationResults`). */
export type RunMetrics = Pick<ReplicationResult, 'requests' | 'throughputPerSec' | 'latencyMs' | 'nodes' | 'recovery'>;

/** What a metric needs to know of the scenario besides the replication's result. */
export interface MetricContext {
  /** Measured time of a replication (duration minus warm-up), in seconds. */
  readonly measuredSec: number;
  /** Node ids of the service the clients call, whose queue `wait` measures. */
  readonly waitNodes: readonly string[];
}

export function metricContext(scenario: Scenario): MetricContext {
  const target = scenario.clients.values().next().value?.target;
  const replicas = target === undefined ? 0 : (scenario.services.get(target)?.replicas ?? 0);
  return { measuredSec: (scenario.durationMs - scenario.warmupMs) / 1000, waitNodes: target === undefined ? [] : serviceNodeIds(target, replicas) };
}

/**
 * One replication's value of `metric`: latencies in ms at the client, errorRate as
 * failed / sent, throughput in completed requests per second, and `wait` the mean time a
 * request waits for a core at the clients' target service, by Little's law
 * (time-averaged queue length / arrival rate, over its replicas).
 */
export function metricOf(run: RunMetrics, metric: ScalarMetric, context: MetricContext): number {
  switch (metric) {
    case 'errorRate':
      return run.requests.sent > 0 ? run.requests.failed / run.requests.sent : NaN;
    case 'throughput':
      return run.throughputPerSec;
    case 'wait': {
      let queue = 0;
      let completed = 0;
      for (const id of context.waitNodes) {
        const node = run.nodes[id];
        if (node === undefined) continue;
        queue += node.meanQueueLength;
        completed += node.completed;
      }
      return completed > 0 ? (queue / (completed / context.measuredSec)) * 1000 : NaN;
    }
    default:
      return run.latencyMs[metric];
  }
}

/** A metric across replications: the mean and the 95% Student-t interval. */
export interface MetricEstimate {
  readonly mean: number;
  readonly ci95: [number, number];
  /** One value per replication, in replication order. */
  readonly values: readonly number[];
}

/** Every metric here (latency, rates, error rates, recovery times) is ≥ 0. */
export function estimate(values: readonly number[], level = 0.95): MetricEstimate {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { mean: NaN, ci95: [NaN, NaN], values };
  return { mean: mean(finite), ci95: nonNegativeInterval(finite, level), values };
}

/** Metrics read from a latency histogram's buckets, so known to its resolution only. */
const PERCENTILES: ReadonlySet<ScalarMetric> = new Set(['p50', 'p90', 'p99', 'p999']);

export function estimateMetric(runs: readonly RunMetrics[], metric: ScalarMetric, context: MetricContext): MetricEstimate {
  const est = estimate(runs.map((run) => metricOf(run, metric, context)));
  return PERCENTILES.has(metric) && Number.isFinite(est.mean) ? { ...est, ci95: widenByResolution(est.ci95) } : est;
}

/** Rounds to 6 significant digits, for stable, readable JSON (NaN stays NaN). */
export function sig6(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}
