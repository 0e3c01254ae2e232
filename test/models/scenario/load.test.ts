import { describe, expect, it } from 'vitest';
import { policyNames } from '../../../components/balancer/policies';
import { BALANCER_POLICY_OPTIONS } from '../../../models/scenario/balancer-options';
import { ScenarioError } from '../../../models/scenario/errors';
import { loadScenario } from '../../../planner/scenario-file';
import type { LoadOptions } from '../../../models/scenario/load';
import type { Scenario } from '../../../models/scenario/types';
import { EXAMPLE, MINIMAL } from './fixtures';

const load = (text: string, opts?: LoadOptions): Scenario => loadScenario(text, 'test.yaml', opts);

/** MINIMAL with `lines` appended under `services.api` (indented by the caller). */
const withApi = (lines: string): string => MINIMAL.replace('  api: { serviceTime: 10ms }', `  api:\n    serviceTime: 10ms\n${lines}`);

describe('loadScenario: the v1 example', () => {
  const scenario = load(EXAMPLE);

  it('reads the run settings in normalised units', () => {
    expect(scenario.name).toBe('mmc-example');
    expect(scenario.description).toBe('optional free text');
    expect(scenario.seed).toBe(7);
    expect(scenario.durationMs).toBe(2_000_000);
    expect(scenario.warmupMs).toBe(100_000);
    expect(scenario.replications).toBe(4);
    expect(scenario.windowMs).toBe(1000);
    expect(scenario.network).toEqual({ latency: { dist: 'constant', value: 0 }, bandwidthBps: 1e10, loss: 0 });
  });

  it('reads services in file order, with units parsed and defaults filled', () => {
    expect([...scenario.services.keys()]).toEqual(['srv', 'db', 'cache']);
    expect(scenario.services.get('srv')).toEqual({
      replicas: 1,
      cores: 4,
      discipline: 'fifo',
      queueLimit: 100,
      serviceTime: { dist: 'exponential', mean: 1000 },
      calls: [
        { service: 'db', count: 2, parallel: true },
        { service: 'cache', count: 1, parallel: false },
      ],
      balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
      callTimeoutMs: 1000,
      resilience: {},
      errorRate: 0.001,
      requestSizeBytes: 1024,
      responseSizeBytes: 1024,
    });
    expect(scenario.services.get('db')!.replicas).toBe(2);
    expect(scenario.services.get('db')!.serviceTime).toEqual({ dist: 'constant', value: 5 });
    expect(scenario.services.get('cache')!.serviceTime).toEqual({ dist: 'constant', value: 0.2 });
  });

  it('reads the client', () => {
    expect(scenario.clients.get('load')).toEqual({
      target: 'srv',
      instances: 1,
      arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 3.2 }] },
      timeoutMs: 60_000,
      balancer: { policy: 'random', options: {}, panicThresholdPercent: 50 },
      resilience: {},
    });
  });

  it('reads faults with targets as node ids', () => {
    expect(scenario.faults).toEqual([
      { kind: 'crash', atMs: 500_000, forMs: 10_000, targets: ['srv-0'] },
      { kind: 'slow', atMs: 600_000, forMs: 60_000, targets: ['srv-0'], factor: 5 },
      { kind: 'partition', atMs: 700_000, forMs: 30_000, groups: [['srv-0'], ['db-0', 'db-1']] },
      { kind: 'loss', atMs: 800_000, forMs: 10_000, probability: 0.05 },
    ]);
  });
});

describe('loadScenario: resilience', () => {
  it('maps retries, hedging, breaker, outlier detection and health checks to component options in ms', () => {
    const scenario = load(MINIMAL.replace('  load: { target: api, arrival: { process: poisson, rate: 10/s } }\n', `  load:
    target: api
    arrival: { process: poisson, rate: 10/s }
    perTryTimeout: 200ms
    retries: { max: 2, retryOn: [5xx, timeout], baseBackoff: 10ms, budget: 20% }
    circuitBreaker: { maxRequests: 100 }
    outlierDetection: { consecutive5xx: 3, baseEjectionTime: 10s, maxEjectionPercent: 50% }
    healthCheck: { interval: 2s }
`));
    expect(scenario.clients.get('load')!.resilience).toEqual({
      perTryTimeoutMs: 200,
      retries: { max: 2, retryOn: ['5xx', 'timeout'], baseBackoffMs: 10, budgetPercent: 20 },
      circuitBreaker: { maxRequests: 100 },
      outlierDetection: { consecutive5xx: 3, baseEjectionTimeMs: 10_000, maxEjectionPercent: 50 },
      healthCheck: { intervalMs: 2000 },
    });
  });

  it('reads an errors fault', () => {
    const scenario = load(MINIMAL + 'faults:\n  - { at: 1s, errors: api, rate: 100%, for: 2s }\n');
    expect(scenario.faults).toEqual([{ kind: 'errors', atMs: 1000, forMs: 2000, targets: ['api-0'], probability: 1 }]);
  });
});

describe('loadScenario: defaults', () => {
  it('has the expected defaults for everything optional', () => {
    const scenario = load(MINIMAL);
    expect(scenario.warmupMs).toBe(0);
    expect(scenario.replications).toBe(1);
    expect(scenario.windowMs).toBe(1000);
    expect(scenario.network).toEqual({ latency: { dist: 'constant', value: 1 }, loss: 0 });
    expect('bandwidthBps' in scenario.network).toBe(false);
    expect(scenario.services.get('api')).toEqual({
      replicas: 1,
      cores: 1,
      discipline: 'fifo',
      serviceTime: { dist: 'constant', value: 10 },
      calls: [],
      balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
      resilience: {},
      errorRate: 0,
      requestSizeBytes: 1024,
      responseSizeBytes: 1024,
    });
    expect(scenario.clients.get('load')).toEqual({
      target: 'api',
      instances: 1,
      arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 10 }] },
      balancer: { policy: 'round-robin', options: {}, panicThresholdPercent: 50 },
      resilience: {},
    });
    expect(scenario.faults).toEqual([]);
    expect('description' in scenario).toBe(false);
  });
});

describe('loadScenario: distributions', () => {
  const serviceTime = (yaml: string) => load(withApi(`    cores: 1\n`).replace('serviceTime: 10ms', `serviceTime: ${yaml}`)).services.get('api')!.serviceTime;

  it.each([
    ['10ms', { dist: 'constant', value: 10 }],
    ['{ dist: constant, value: 2ms }', { dist: 'constant', value: 2 }],
    ['{ dist: exponential, mean: 1.5s }', { dist: 'exponential', mean: 1500 }],
    ['{ dist: uniform, min: 1ms, max: 3ms }', { dist: 'uniform', min: 1, max: 3 }],
    ['{ dist: normal, mean: 10ms, sd: 2ms }', { dist: 'normal', mean: 10, sd: 2 }],
    ['{ dist: lognormal, median: 10ms, p99: 80ms }', { dist: 'lognormal', median: 10, p99: 80 }],
    ['{ dist: erlang, k: 3, mean: 9ms }', { dist: 'erlang', k: 3, mean: 9 }],
    ['{ dist: pareto, scale: 1ms, shape: 1.5 }', { dist: 'pareto', scale: 1, shape: 1.5 }],
    ['{ dist: empirical, samples: [1ms, 250us, 2s] }', { dist: 'empirical', samples: [1, 0.25, 2000] }],
  ])('%s normalises to %j', (yaml, spec) => {
    expect(serviceTime(yaml)).toEqual(spec);
  });
});

describe('loadScenario: clients', () => {
  const arrival = (yaml: string) => load(MINIMAL.replace('{ process: poisson, rate: 10/s }', yaml)).clients.get('load')!.arrival;

  it('reads rate steps in ms and per second', () => {
    expect(arrival('{ process: poisson, rate: [{ at: 0s, rate: 100/s }, { at: 1m, rate: 30/m }] }')).toEqual({
      process: 'poisson',
      steps: [
        { atMs: 0, ratePerSec: 100 },
        { atMs: 60_000, ratePerSec: 0.5 },
      ],
    });
  });

  it('reads constant and closed arrivals', () => {
    expect(arrival('{ process: constant, rate: 100/s }')).toEqual({ process: 'constant', steps: [{ atMs: 0, ratePerSec: 100 }] });
    expect(arrival('{ process: closed, users: 20, thinkTime: { dist: exponential, mean: 1s } }')).toEqual({
      process: 'closed',
      users: 20,
      thinkTime: { dist: 'exponential', mean: 1000 },
    });
  });
});

describe('loadScenario: balancers', () => {
  it('passes policy options with units parsed and reads panicThreshold in percent', () => {
    const scenario = load(withApi('    balancer: { policy: peak-ewma, decay: 2s, defaultRtt: 30ms, panicThreshold: 25% }\n'));
    expect(scenario.services.get('api')!.balancer).toEqual({ policy: 'peak-ewma', options: { decay: 2000, defaultRtt: 30 }, panicThresholdPercent: 25 });
  });

  it('has an option table entry only for registered policies', () => {
    for (const policy of Object.keys(BALANCER_POLICY_OPTIONS)) expect(policyNames()).toContain(policy);
  });

  it('accepts every registered policy', () => {
    for (const policy of policyNames()) {
      expect(load(withApi(`    balancer: { policy: ${policy} }\n`)).services.get('api')!.balancer.policy).toBe(policy);
    }
  });
});

describe('loadScenario: faults', () => {
  const faults = (yaml: string) => load(`${withApi('    replicas: 3\n')}faults:\n${yaml}`).faults;

  it('expands a service name to all its replicas, in index order', () => {
    expect(faults('  - { at: 1s, crash: api }\n')).toEqual([{ kind: 'crash', atMs: 1000, targets: ['api-0', 'api-1', 'api-2'] }]);
  });

  it('expands services inside partition groups and drops repeats', () => {
    expect(faults('  - { at: 0s, partition: [[api-0, api-0], [api-1, api-2]], for: 1s }\n')).toEqual([
      { kind: 'partition', atMs: 0, forMs: 1000, groups: [['api-0'], ['api-1', 'api-2']] },
    ]);
  });
});

describe('loadScenario: overrides', () => {
  it('sets a value, read as YAML (8 is a number)', () => {
    const scenario = load(EXAMPLE, { overrides: [{ path: 'services.srv.replicas', value: '8' }] });
    expect(scenario.services.get('srv')!.replicas).toBe(8);
  });

  it('sets nested and new keys, and whole mappings', () => {
    const scenario = load(EXAMPLE, {
      overrides: [
        { path: 'clients.load.balancer.policy', value: 'least-request' },
        { path: 'clients.load.balancer.choices', value: '3' },
        { path: 'services.db.serviceTime', value: '{ dist: uniform, min: 1ms, max: 3ms }' },
        { path: 'faults.0.at', value: '10s' },
      ],
    });
    expect(scenario.clients.get('load')!.balancer).toEqual({ policy: 'least-request', options: { choices: 3 }, panicThresholdPercent: 50 });
    expect(scenario.services.get('db')!.serviceTime).toEqual({ dist: 'uniform', min: 1, max: 3 });
    expect(scenario.faults[0]!.atMs).toBe(10_000);
  });

  it('applies overrides in order, the last one winning', () => {
    const overrides = [
      { path: 'seed', value: '1' },
      { path: 'seed', value: '2' },
    ];
    expect(load(MINIMAL, { overrides }).seed).toBe(2);
  });

  it('rejects a path through a missing key', () => {
    expect(() => load(EXAMPLE, { overrides: [{ path: 'services.nope.replicas', value: '3' }] })).toThrow(ScenarioError);
  });
});

describe('loadScenario: determinism', () => {
  it('gives equal results for equal input', () => {
    expect(load(EXAMPLE)).toEqual(load(EXAMPLE));
  });
});

describe('loadScenario: resilience rules', () => {
  it('rejects retries and hedging together', () => {
    const text = MINIMAL.replace('  load: { target: api, arrival: { process: poisson, rate: 10/s } }\n',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s }, retries: { max: 1 }, hedging: { delay: 5ms } }\n');
    expect(() => load(text)).toThrow(/either retries or hedging, not both/);
  });

  it('maps hedging, and null switches a mechanism off', () => {
    const text = MINIMAL.replace('  load: { target: api, arrival: { process: poisson, rate: 10/s } }\n',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s }, hedging: { delay: 50ms, maxHedges: 2 }, retries: null }\n');
    expect(load(text).clients.get('load')!.resilience).toEqual({ hedging: { delayMs: 50, maxHedges: 2 } });
  });
});
