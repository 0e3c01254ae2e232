import type { ArrivalSpec, DistSpec, Scenario } from '../../../models/scenario/types';

/** One service of `replicas` replicas fed by one client, zero network latency: the queueing models. */
export function singleStation(opts: {
  arrival: ArrivalSpec;
  serviceTime: DistSpec;
  cores: number;
  discipline: 'fifo' | 'ps';
  /** Customers expected over the run (sets the duration). */
  customers: number;
  lambdaPerSec: number;
  replicas?: number;
  policy?: string;
  policyOptions?: Record<string, unknown>;
}): Scenario {
  const durationMs = (opts.customers / opts.lambdaPerSec) * 1000;
  return {
    name: 'fidelity',
    seed: 1,
    durationMs,
    warmupMs: durationMs / 50,
    replications: 1,
    windowMs: durationMs / 10,
    network: { latency: { dist: 'constant', value: 0 }, loss: 0 },
    faults: [],
    services: new Map([['srv', {
      replicas: opts.replicas ?? 1, cores: opts.cores, discipline: opts.discipline, serviceTime: opts.serviceTime, calls: [],
      balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 }, resilience: {}, errorRate: 0, requestSizeBytes: 0, responseSizeBytes: 0,
    }]]),
    clients: new Map([['load', {
      target: 'srv', instances: 1, arrival: opts.arrival, resilience: {},
      balancer: { policy: opts.policy ?? 'random', options: opts.policyOptions ?? {}, panicThresholdPercent: 50 },
    }]]),
  };
}
