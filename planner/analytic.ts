/**
 * The analytic cross-check of `meshsim plan`: when the service under test is an M/M/c
 * station — Poisson arrivals at a constant rate, exponential service, FIFO, no queue
 * limit, no downstream calls, no faults, a constant network latency — Erlang C gives its
 * waiting time (mean and distribution) and so every latency SLO, without simulating.
 *
 * With r replicas the arrivals are split between them: a random balancer splits a
 * Poisson stream into r Poisson streams of λ/r, so each replica is exactly an M/M/c.
 * Other policies (round robin, least request) are modelled as random: they balance
 * better, so the analytic answer is then an upper bound on the replicas needed.
 *
 * This module imports mathjs (through queueing.ts): load it lazily.
 */
import type { ScalarMetric, SloSpec } from './blocks/types';
import { compare } from './blocks/grammar';
import type { Scenario } from '../models/scenario/types';
import { mmcSojournQuantile, mmcWait } from './theory/queueing';

export interface Station {
  readonly service: string;
  readonly replicas: number;
  /** Cores per replica: the c of M/M/c. */
  readonly cores: number;
  readonly serviceMeanMs: number;
  /** Total arrival rate of the clients, per second. */
  readonly ratePerSec: number;
  /** Network round trip added to every request (two one-way latencies), ms. */
  readonly rttMs: number;
  /** Share of requests the replicas answer with an error. */
  readonly errorRate: number;
  /** The policy of the clients' balancers; only `random` splits arrivals into Poisson streams exactly. */
  readonly policy: string;
}

/** The M/M/c model of a scenario, or why it has none. */
export type StationResult = { readonly ok: true; readonly station: Station } | { readonly ok: false; readonly reason: string };

export function stationOf(scenario: Scenario): StationResult {
  const no = (reason: string): StationResult => ({ ok: false, reason });
  const clients = [...scenario.clients.values()];
  const targets = new Set(clients.map((c) => c.target));
  if (targets.size !== 1) return no('the clients call more than one service');
  let rate = 0;
  for (const client of clients) {
    if (client.arrival.process !== 'poisson') return no(`arrivals are ${client.arrival.process}, not Poisson`);
    if (client.arrival.steps.length !== 1) return no('the arrival rate changes over time');
    if (client.resilience.retries !== undefined || client.resilience.hedging !== undefined) return no('retries or hedging change the load');
    rate += client.arrival.steps[0]!.ratePerSec;
  }
  const service = [...targets][0]!;
  const spec = scenario.services.get(service)!;
  if (spec.serviceTime.dist !== 'exponential') return no(`the service time of ${service} is ${spec.serviceTime.dist}, not exponential`);
  if (spec.discipline !== 'fifo') return no(`${service} is not FIFO`);
  if (spec.queueLimit !== undefined) return no(`${service} has a queue limit`);
  if (spec.calls.length > 0) return no(`${service} calls other services`);
  if (scenario.faults.length > 0) return no('the scenario injects faults');
  const net = scenario.network;
  if (net.latency.dist !== 'constant') return no('the network latency is not constant');
  if (net.bandwidthBps !== undefined || net.loss > 0) return no('the network has a bandwidth or losses');
  const policy = clients[0]!.balancer.policy;
  return {
    ok: true,
    station: { service, replicas: spec.replicas, cores: spec.cores, serviceMeanMs: spec.serviceTime.mean, ratePerSec: rate, rttMs: 2 * net.latency.value, errorRate: spec.errorRate, policy },
  };
}

/** Whether the model of the station is exact (one replica, or a random split). */
export const isExact = (station: Station): boolean => station.replicas === 1 || station.policy === 'random';

/** The station with a varied path's value, or undefined when the path is not one the model knows. */
export function withValue(station: Station, path: string, value: number): Station | undefined {
  if (path === `services.${station.service}.replicas`) return { ...station, replicas: value };
  if (path === `services.${station.service}.cores`) return { ...station, cores: value };
  if (path === 'load') return { ...station, ratePerSec: value };
  return undefined;
}

const QUANTILES: Partial<Record<ScalarMetric, number>> = { p50: 0.5, p90: 0.9, p99: 0.99, p999: 0.999 };

/**
 * A metric of the station in the SLO's unit (ms, fraction, per second): Infinity for
 * latencies of an unstable station (load ≥ capacity), NaN for a metric with no formula (max).
 */
export function analyticMetric(station: Station, metric: ScalarMetric): number {
  const mu = 1 / station.serviceMeanMs;
  const lambda = station.ratePerSec / 1000 / station.replicas;
  const stable = lambda < station.cores * mu;
  switch (metric) {
    case 'errorRate':
      return station.errorRate;
    case 'throughput':
      return Math.min(station.ratePerSec, station.cores * mu * 1000 * station.replicas) * (1 - station.errorRate);
    case 'max':
      return NaN;
    case 'wait':
      return stable ? mmcWait(station.cores, lambda, mu) : Infinity;
    case 'mean':
      return stable ? mmcWait(station.cores, lambda, mu) + 1 / mu + station.rttMs : Infinity;
    default:
      return stable ? mmcSojournQuantile(QUANTILES[metric]!, station.cores, lambda, mu) + station.rttMs : Infinity;
  }
}

/** Whether the station meets every SLO (as point values); null when one has no formula. */
export function analyticMeets(station: Station, slos: readonly SloSpec[]): boolean | null {
  for (const slo of slos) {
    if (slo.metric === 'recovery') return null;
    const value = analyticMetric(station, slo.metric);
    if (Number.isNaN(value)) return null;
    if (!compare(value, slo.op, slo.value)) return false;
  }
  return true;
}
