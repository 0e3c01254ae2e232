import type { ClientSpec, Scenario, ServiceSpec } from '../../models/scenario/types';

/** Build normalised scenarios in tests without YAML: defaults plus overrides. */
export function service(overrides: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    replicas: 1,
    cores: 1,
    discipline: 'fifo',
    serviceTime: { dist: 'exponential', mean: 1000 },
    calls: [],
    balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
    errorRate: 0,
    resilience: {},
    requestSizeBytes: 1024,
    responseSizeBytes: 1024,
    ...overrides,
  };
}

export function client(overrides: Partial<ClientSpec> = {}): ClientSpec {
  return {
    target: 'srv',
    instances: 1,
    arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 0.8 }] },
    balancer: { policy: 'random', options: {}, panicThresholdPercent: 50 },
    resilience: {},
    ...overrides,
  };
}

export function scenario(
  overrides: Partial<Omit<Scenario, 'services' | 'clients'>> & {
    services?: Record<string, ServiceSpec>;
    clients?: Record<string, ClientSpec>;
  } = {},
): Scenario {
  const { services, clients, ...rest } = overrides;
  return {
    name: 'test',
    seed: 1,
    durationMs: 100_000,
    warmupMs: 0,
    replications: 1,
    windowMs: 1000,
    network: { latency: { dist: 'constant', value: 0 }, loss: 0 },
    faults: [],
    ...rest,
    services: new Map(Object.entries(services ?? { srv: service() })),
    clients: new Map(Object.entries(clients ?? { load: client() })),
  };
}
