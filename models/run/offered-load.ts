import { moments } from '../sampling/distributions';
import { SUBSYSTEMS } from './subsystems';
import type { Scenario, ServiceSpec } from '../scenario/types';

/**
 * The load a scenario offers each service, worked out from the file before anything runs:
 * the open clients' peak rates, multiplied down the call graph, times the mean service
 * time, against the service's capacity (replicas × cores). When ρ = λ·E[S] / (r·c) ≥ 1 no
 * balancer or queue discipline can keep up: the queue grows for as long as the peak lasts.
 *
 * Closed-loop clients are left out (they cannot offer more than they get back), and so are
 * retries and hedges (the run shows those: see the backlog warning in warnings.ts). kv services are left out
 * too: their cost per operation depends on the quorum and the keys, not on serviceTime.
 */
export interface OfferedLoad {
  readonly service: string;
  /** Requests per second reaching the service at the clients' peak rates. */
  readonly ratePerSec: number;
  readonly meanServiceTimeMs: number;
  /** Replicas × cores. */
  readonly cores: number;
  /** ρ = ratePerSec × meanServiceTimeMs / 1000 / cores. */
  readonly utilization: number;
}

export function offeredLoads(scenario: Scenario): OfferedLoad[] {
  const rates = new Map<string, number>();
  const add = (service: string, ratePerSec: number): void => {
    rates.set(service, (rates.get(service) ?? 0) + ratePerSec);
    // The loader rejects call cycles, so this walk ends.
    for (const call of scenario.services.get(service)?.calls ?? []) add(call.service, ratePerSec * call.count);
  };
  for (const client of scenario.clients.values()) {
    if (client.arrival.process === 'closed') continue;
    let peak = 0;
    for (const step of client.arrival.steps) peak = Math.max(peak, step.ratePerSec);
    if (peak > 0) add(client.target, peak);
  }
  const out: OfferedLoad[] = [];
  for (const [service, spec] of scenario.services) {
    const ratePerSec = rates.get(service);
    if (ratePerSec === undefined || SUBSYSTEMS.some((subsystem) => subsystem.ownsService?.(spec) === true)) continue;
    out.push(loadOf(service, spec, ratePerSec));
  }
  return out;
}

function loadOf(service: string, spec: ServiceSpec, ratePerSec: number): OfferedLoad {
  const meanServiceTimeMs = moments(spec.serviceTime).mean;
  const cores = spec.replicas * spec.cores;
  return { service, ratePerSec, meanServiceTimeMs, cores, utilization: (ratePerSec * meanServiceTimeMs) / 1000 / cores };
}
