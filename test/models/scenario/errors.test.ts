import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policyNames } from '../../../components/balancer/policies';
import { formatProblem, ScenarioError } from '../../../models/scenario/errors';
import { loadScenario } from '../../../planner/scenario-file';
import type { ScenarioOverride } from '../../../models/scenario/overrides';
import { readScenarioFile } from '../../../planner/read-scenario-file';
import { EXAMPLE } from './fixtures';

/** A valid scenario, as lines, that cases extend. */
const BASE = [
  'name: t',
  'seed: 1',
  'duration: 60s',
  'network: { latency: 1ms }',
  'services:',
  '  api: { serviceTime: 10ms }',
  'clients:',
  '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
];

/** The error of loading `lines` as bad.yaml; fails the test if it loads. */
function errorOf(lines: readonly string[], overrides?: readonly ScenarioOverride[]): ScenarioError {
  try {
    loadScenario(lines.join('\n') + '\n', 'bad.yaml', overrides === undefined ? {} : { overrides });
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}

interface BadFile {
  readonly name: string;
  readonly yaml: readonly string[];
  readonly overrides?: readonly ScenarioOverride[];
  /** The formatted problems, exactly, in order. */
  readonly expected: readonly string[];
}

const BAD_FILES: readonly BadFile[] = [
  {
    name: 'unknown key, with did-you-mean',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api:',
      '    replica: 2',
      '    serviceTime: 10ms',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:7:5  services.api.replica: unknown key "replica" (hint: did you mean "replicas"?)',
    ],
  },
  {
    name: 'unknown top-level key: no extra "missing key" for the key it misspells',
    yaml: [
      'name: t',
      'seed: 1',
      'durations: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:3:1  durations: unknown key "durations" (hint: did you mean "duration"?)',
    ],
  },
  {
    name: 'wrong type',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api:',
      '    serviceTime: 10ms',
      '    cores: four',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:8:12  services.api.cores: expected a positive integer up to 100,000, got "four" (hint: cores: 4)',
    ],
  },
  {
    name: 'bare number where a duration needs units',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:3:11  duration: expected a duration with units (us, ms, s, m, h), got 60 (hint: write units, e.g. 60ms or 60s)',
    ],
  },
  {
    name: 'bad units',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10sec, requestSize: 4KB, responseSize: 4kb }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:23  services.api.serviceTime: expected a duration with units (us, ms, s, m, h), got "10sec" (hint: write 10s)',
      'bad.yaml:6:62  services.api.responseSize: expected a size with units (B, KB, MB, GB, KiB, MiB, GiB), got "4kb" (hint: write 4KB)',
    ],
  },
  {
    name: 'negative rate',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: -5/s } }',
    ],
    expected: [
      'bad.yaml:8:59  clients.load.arrival.rate: expected a rate per unit of time (N/s, N/m, N/h), got "-5/s" (hint: rates cannot be negative)',
    ],
  },
  {
    name: 'unknown service as a client target, with did-you-mean',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: apu, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:8:19  clients.load.target: unknown service "apu" (hint: did you mean "api"?)',
    ],
  },
  {
    name: 'unknown service in calls, with did-you-mean',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms, calls: [{ service: dbb }] }',
      '  db: { serviceTime: 1ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:48  services.api.calls.0.service: unknown service "dbb" (hint: did you mean "db"?)',
    ],
  },
  {
    name: 'unknown fault node or service',
    yaml: [
      ...BASE,
      'faults:',
      '  - { at: 10s, crash: api-1 }',
      '  - { at: 10s, slow: dbb, factor: 2 }',
    ],
    expected: [
      'bad.yaml:10:23  faults.0.crash: unknown node "api-1": api has 1 replica(s) (hint: its only node is api-0)',
      'bad.yaml:11:22  faults.1.slow: unknown node or service "dbb" (hint: services: api; node ids are <service>-<index>)',
    ],
  },
  {
    name: 'warmup >= duration',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'warmup: 1m',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:4:9  warmup: warmup "1m" is not shorter than duration "60s" (hint: metrics cover duration minus warmup; shorten warmup or lengthen duration)',
    ],
  },
  {
    name: 'YAML syntax error',
    yaml: [
      'name: t',
      'seed: 1',
      'services:',
      '  api: { serviceTime: 10ms',
      'clients: {}',
    ],
    expected: [
      'bad.yaml:5:1  YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  },
  {
    name: 'prose instead of a scenario: the value quoted cut short',
    yaml: [
      '# Notes',
      'A paragraph of prose,',
      '',
      'and another one that is certainly not a scenario and goes on and on.',
      'and another one that is certainly not a scenario and goes on and on.',
    ],
    expected: [
      'bad.yaml:2:1  expected a scenario mapping (name, seed, duration, network, services, clients, ...), got "A paragraph of prose,\\nand another one th…" (hint: see docs/scenarios.md)',
    ],
  },
  {
    name: 'not YAML at all: the first syntax error only, its quoted text cut short',
    yaml: ['# Notes', '', 'A paragraph of prose', 'on two lines.', '', '## More', '', 'and another one that is certainly not a scenario and goes on and on:', '', 'x'],
    expected: [
      'bad.yaml:8:1  YAML syntax error: Unexpected scalar token in YAML stream: "and another one that is certainly not a …" (hint: 2 more syntax errors may follow from this one; fix it first)',
    ],
  },
  {
    name: 'a count far beyond any scenario (a typo like 1e9) is refused, not allocated',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { replicas: 1e9, serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, instances: 20000, arrival: { process: poisson, rate: 10/s } }',
      'faults:',
      '  - { at: 5s, crash: api-7 }',
    ],
    expected: [
      'bad.yaml:6:20  services.api.replicas: expected a positive integer up to 100,000, got 1000000000 (hint: replicas: 3)',
      'bad.yaml:8:35  clients.load.instances: expected a positive integer up to 10,000, got 20000 (hint: instances: 2)',
    ],
  },
  {
    name: 'missing required fields',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { cores: 2 }',
      'clients:',
      '  load: { arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:3  services.api.serviceTime: missing required key "serviceTime" (hint: serviceTime: 10ms)',
      'bad.yaml:8:3  clients.load.target: missing required key "target" (hint: target: api)',
    ],
  },
  {
    name: 'bad distribution parameters',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: { dist: uniform, min: 5ms, max: 1ms } }',
      'services:',
      '  api: { serviceTime: { dist: exponential, mean: 0s } }',
      '  db: { serviceTime: { dist: erlang, k: 1.5, mean: 1ms } }',
      '  cache: { serviceTime: { dist: empirical, samples: [] } }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:4:53  network.latency.max: expected a duration at least min, got "1ms"',
      'bad.yaml:6:50  services.api.serviceTime.mean: expected a positive duration, got "0s" (hint: mean: 10ms)',
      'bad.yaml:7:41  services.db.serviceTime.k: expected a positive integer up to 1,000, got 1.5 (hint: k: 2)',
      'bad.yaml:8:53  services.cache.serviceTime.samples: expected a non-empty list of durations, got an empty list (hint: samples: [1ms, 2ms, 5ms])',
    ],
  },
  {
    name: 'unknown or missing distribution name',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: { dist: gaussian, mean: 1ms } }',
      '  db: { serviceTime: { mean: 1ms } }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:31  services.api.serviceTime.dist: expected one of constant, exponential, uniform, normal, lognormal, erlang, pareto, empirical, got "gaussian"',
      'bad.yaml:7:9  services.db.serviceTime.dist: missing required key "dist" (hint: dist: constant | exponential | uniform | normal | lognormal | erlang | pareto | empirical)',
    ],
  },
  {
    name: 'unknown service kind: the kinds, without the absent one',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { kind: cache, serviceTime: 1ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: ['bad.yaml:6:16  services.api.kind: expected one of service, kv, gossip, got "cache"'],
  },
  {
    name: 'unknown balancer policy, with did-you-mean',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load:',
      '    target: api',
      '    arrival: { process: poisson, rate: 10/s }',
      '    balancer: { policy: round_robin }',
    ],
    expected: [
      // The list is every registered policy, so it grows as policies are added.
      `bad.yaml:11:25  clients.load.balancer.policy: expected one of ${policyNames().join(', ')}, got "round_robin" (hint: did you mean "round-robin"?)`,
    ],
  },
  {
    name: 'option the policy does not take',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load:',
      '    target: api',
      '    arrival: { process: poisson, rate: 10/s }',
      '    balancer: { policy: random, choices: 2 }',
    ],
    expected: [
      'bad.yaml:11:33  clients.load.balancer.choices: unknown key "choices" (hint: valid keys: policy, panicThreshold)',
    ],
  },
  {
    name: 'bad override paths, and a bad value set by an override',
    yaml: BASE,
    overrides: [{ path: 'services.apu.replicas', value: '2' }, { path: 'services.api.replicas', value: '0' }, { path: 'clients.load.target.x', value: '1' }],
    expected: [
      'bad.yaml:5:1  services.apu.replicas: override services.apu.replicas=2: no key "apu" in services (hint: did you mean "api"?)',
      'bad.yaml:6:3  services.api.replicas: expected a positive integer up to 100,000, got 0 (set by override services.api.replicas=0) (hint: replicas: 3)',
      'bad.yaml:8:11  clients.load.target.x: override clients.load.target.x=1: clients.load.target is not a mapping or a list, so it has no "x"',
    ],
  },
  {
    name: 'call cycles, including a service calling itself',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms, calls: [{ service: auth }] }',
      '  auth: { serviceTime: 1ms, calls: [{ service: db }] }',
      '  db: { serviceTime: 1ms, calls: [{ service: api }] }',
      '  log: { serviceTime: 1ms, calls: [{ service: log }] }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:8:46  services.db.calls.0.service: call cycle api → auth → db → api (hint: requests in a cycle never finish; remove one of these calls)',
      'bad.yaml:9:47  services.log.calls.0.service: call cycle log → log (hint: requests in a cycle never finish; remove one of these calls)',
    ],
  },
  {
    name: 'several problems in one file, reported together in source order',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api:',
      '    replica: 2',
      '    cores: 0',
      '    serviceTime: 10',
      'clients:',
      '  load: { target: apx, arrival: { process: poisson, rate: 10/s } }',
      'faults:',
      '  - { at: 2m, crash: api }',
    ],
    expected: [
      'bad.yaml:7:5  services.api.replica: unknown key "replica" (hint: did you mean "replicas"?)',
      'bad.yaml:8:12  services.api.cores: expected a positive integer up to 100,000, got 0 (hint: cores: 4)',
      'bad.yaml:9:18  services.api.serviceTime: expected a duration with units (us, ms, s, m, h), got 10 (hint: write units, e.g. 10ms or 10s)',
      'bad.yaml:11:19  clients.load.target: unknown service "apx" (hint: did you mean "api"?)',
      'bad.yaml:13:11  faults.0.at: the fault starts at "2m", after the run ends (duration "60s") (hint: start it before 60s, or lengthen duration)',
    ],
  },
  {
    name: 'replicas 0',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { replicas: 0, serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:20  services.api.replicas: expected a positive integer up to 100,000, got 0 (hint: replicas: 3)',
    ],
  },
  {
    name: 'rate steps not starting at 0s or not increasing',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load:',
      '    target: api',
      '    arrival: { process: poisson, rate: [{ at: 5s, rate: 1/s }, { at: 5s, rate: 2/s }] }',
    ],
    expected: [
      'bad.yaml:10:47  clients.load.arrival.rate.0.at: expected the first step at 0s, got "5s" (hint: at: 0s)',
      'bad.yaml:10:70  clients.load.arrival.rate.1.at: expected a time after the previous step, got "5s"',
    ],
  },
  {
    name: 'invalid service names',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  API_v2: { serviceTime: 10ms }',
      '  db-1: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: API_v2, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:6:3  services.API_v2: expected a name like api or auth-v2 (lowercase; each dash-separated word starts with a letter), got "API_v2" (hint: write "api-v2")',
      'bad.yaml:7:3  services.db-1: expected a name like api or auth-v2 (lowercase; each dash-separated word starts with a letter), got "db-1" (hint: write "db1"; "db-1" reads as a node id (replica 1))',
    ],
  },
  {
    name: 'faults of no kind, with a stray key, overlapping partition groups, a bad probability',
    yaml: [
      ...BASE,
      'faults:',
      '  - { at: 10s, for: 5s }',
      '  - { at: 10s, crash: api, factor: 2 }',
      '  - { at: 10s, partition: [[api-0], [api]] }',
      '  - { at: 10s, loss: 5 }',
    ],
    expected: [
      'bad.yaml:10:5  faults.0: expected a fault with one of the keys crash, slow, partition, loss, errors, add-node, remove-node, join or leave, got a mapping (hint: { at: 10s, crash: srv-0, for: 5s })',
      'bad.yaml:11:28  faults.1.factor: unknown key "factor" (hint: valid keys: at, for, crash)',
      'bad.yaml:12:38  faults.2.partition.1.0: node "api-0" is in partition groups 0 and 1 (hint: a node is on one side of a partition only)',
      'bad.yaml:13:22  faults.3.loss: expected a percentage like 0.5% or a number in [0, 1], got 5 (hint: write 5% for a percentage)',
    ],
  },
  {
    name: 'an empty document',
    yaml: [
      '# nothing here',
    ],
    expected: [
      'bad.yaml:1:1  expected a scenario mapping (name, seed, duration, network, services, clients, ...), got null (hint: see docs/scenarios.md)',
    ],
  },
  {
    name: 'unknown arrival process',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 60s',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms }',
      'clients:',
      '  load: { target: api, arrival: { process: open, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:8:44  clients.load.arrival.process: expected one of poisson, constant, closed, got "open"',
    ],
  },
];

const withRate = (rate: string) => BASE.map((line) => line.replace('rate: 10/s', `rate: ${rate}`));
const replaced = (from: string, to: string) => BASE.map((line) => line.replace(from, to));
const faultLines = (count: number) => ['faults:', ...Array.from({ length: count }, () => '  - { at: 1s, crash: api }')];

/** Files over a limit of limits.ts: each message says the limit, and the hint why. */
const OVER_LIMITS: readonly BadFile[] = [
  {
    name: 'a rate over 10,000,000/s',
    yaml: withRate('999999999999999999999/s'),
    expected: [
      'bad.yaml:8:59  clients.load.arrival.rate: expected a rate up to 10,000,000/s, got "999999999999999999999/s" (hint: 10,000,000/s is the highest rate: one simulated second at that rate is 10 million requests, 5 to 30 s of CPU)',
    ],
  },
  {
    name: 'durations over 720h: the run, a fault time',
    yaml: [...replaced('duration: 60s', 'duration: 99999999999999999999h'), 'faults:', '  - { at: 1s, crash: api, for: 1000h }'],
    expected: [
      'bad.yaml:3:11  duration: expected a duration up to 720h (30 days), got "99999999999999999999h" (hint: 720h (30 days) is the longest duration: a month covers daily and weekly cycles, and the clock stays finer than a nanosecond)',
      'bad.yaml:10:32  faults.0.for: expected a duration up to 720h (30 days), got "1000h" (hint: 720h (30 days) is the longest duration: a month covers daily and weekly cycles, and the clock stays finer than a nanosecond)',
    ],
  },
  {
    name: 'replications over 1,000',
    yaml: [...BASE, 'replications: 1000000000'],
    expected: [
      'bad.yaml:9:15  replications: expected a positive integer up to 1,000, got 1000000000 (hint: 1,000 replications is the limit: intervals narrow as 1/√n, and every replication is kept in memory until the run ends)',
    ],
  },
  {
    name: 'a run of more than 10^10 expected requests',
    yaml: withRate('1000000/s').map((line) => line.replace('duration: 60s', 'duration: 700h')),
    expected: [
      'bad.yaml:3:11  duration: the run would simulate about 2.5e12 requests (rates × duration × 1 replication(s), with downstream calls), over the limit of 1e10 (hint: 10^10 requests is hours of CPU at 0.3 to 2 million simulated requests per second; shorten duration, lower the rates or run fewer replications)',
    ],
  },
  {
    name: 'a run of more than 10^10 expected requests through its call graph',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 300h',
      'network: { latency: 1ms }',
      'services:',
      '  api: { serviceTime: 10ms, calls: [{ service: db, count: 1000 }] }',
      '  db: { serviceTime: 1ms, calls: [{ service: cache, count: 1000 }] }',
      '  cache: { serviceTime: 1ms }',
      'clients:',
      '  load: { target: api, arrival: { process: poisson, rate: 10/s } }',
    ],
    expected: [
      'bad.yaml:3:11  duration: the run would simulate about 1.1e13 requests (rates × duration × 1 replication(s), with downstream calls), over the limit of 1e10 (hint: 10^10 requests is hours of CPU at 0.3 to 2 million simulated requests per second; shorten duration, lower the rates or run fewer replications)',
    ],
  },
  {
    name: 'more than 10^7 time-series windows over the replications',
    yaml: [...withRate('0.001/s').map((line) => line.replace('duration: 60s', 'duration: 700h')), 'window: 1s', 'replications: 200'],
    expected: [
      'bad.yaml:3:11  duration: the run would keep 2e7 time-series windows (200 replications × duration / window), over the limit of 1e7 (hint: each window is about 80 bytes kept until the run ends, so 10^7 is about 800 MB; widen window, shorten duration or run fewer replications)',
    ],
  },
  {
    name: 'closed-loop users that never let the clock advance',
    yaml: [
      'name: t',
      'seed: 1',
      'duration: 1s',
      'network: { latency: 0ms }',
      'services:',
      '  api: { serviceTime: 0ms }',
      'clients:',
      '  load: { target: api, arrival: { process: closed, users: 2, thinkTime: 0ms } }',
    ],
    expected: [
      'bad.yaml:8:73  clients.load.arrival.thinkTime: closed-loop users with no think time, network latency or service time loop without the clock advancing (hint: the run would never end; e.g. thinkTime: 1s)',
    ],
  },
  {
    name: 'a seed past 2^53 − 1',
    yaml: replaced('seed: 1', 'seed: 99999999999999999999'),
    expected: [
      'bad.yaml:2:7  seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got 100000000000000000000 (hint: larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed)',
    ],
  },
  {
    name: 'replications whose seeds pass 2^53 − 1',
    yaml: [...replaced('seed: 1', 'seed: 9007199254740990'), 'replications: 4'],
    expected: [
      'bad.yaml:2:7  seed: replications would use seeds 9007199254740990 to 9007199254740990 + 3, past 9007199254740991 (2^53 − 1) (hint: larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed)',
    ],
  },
  {
    name: 'two YAML documents',
    yaml: [...BASE, '---', ...BASE],
    expected: [
      'bad.yaml:9:1  one YAML document per scenario file: a second document starts here (hint: a scenario file holds one YAML document; split it into two files, or remove this "---")',
    ],
  },
  {
    name: '100,000 nested [',
    yaml: [...BASE, `description: ${'['.repeat(100_000)}`],
    expected: [
      'bad.yaml:9:77  description: nesting too deep (limit 64) (hint: no scenario field is nested more than 6 levels deep, and deeper nesting would overflow the parser)',
    ],
  },
  {
    name: 'block mappings nested too deep',
    yaml: [...BASE, ...Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`), `${' '.repeat(70)}x: 1`],
    expected: [
      'bad.yaml:73:65  k0.k1.k2.k3.k4.k5.…: nesting too deep (limit 64) (hint: no scenario field is nested more than 6 levels deep, and deeper nesting would overflow the parser)',
    ],
  },
  {
    name: 'a file over 1 MiB',
    yaml: [...BASE, `description: ${'x'.repeat(1024 * 1024)}`],
    expected: [
      'bad.yaml:1:1  the file is 1.0 MiB (1,048,761 bytes), over the limit of 1 MiB for a scenario (hint: scenarios are written by hand (the largest shipped one is under 6 KiB); much larger files take minutes and gigabytes to load)',
    ],
  },
  {
    name: 'more than 10,000 faults',
    yaml: [...BASE, ...faultLines(10_001)],
    expected: [
      'bad.yaml:10:3  faults: too many faults: a list of 10,001 (limit 10,000) (hint: a fault every 10 s for a day is 8,640; longer lists take seconds to validate and are typos or generated data)',
    ],
  },
  {
    name: 'a flow list of 300,000 faults, stopped while parsing',
    yaml: [...BASE, `faults: [${'{},'.repeat(300_000)}]`],
    expected: [
      'bad.yaml:9:9  faults: too many faults: a list of more than 10,000 (limit 10,000) (hint: a fault every 10 s for a day is 8,640; longer lists take seconds to validate and are typos or generated data)',
    ],
  },
  {
    name: 'more than 1,000 services',
    yaml: [...BASE.slice(0, 6), ...Array.from({ length: 1_000 }, (_, i) => `  s${i}x: { serviceTime: 1ms }`), ...BASE.slice(6)],
    expected: [
      'bad.yaml:6:3  services: too many services: a mapping of 1,001 (limit 1,000) (hint: a model of a whole microservice estate fits in 1,000 services; longer lists take seconds to validate and are typos or generated data)',
    ],
  },
  {
    name: 'an override value over 1 MiB',
    yaml: BASE,
    overrides: [{ path: 'description', value: 'x'.repeat(1024 * 1024 + 1) }],
    expected: [
      `bad.yaml:1:1  description: override description=${'x'.repeat(40)}…: the value is 1.0 MiB (1,048,577 bytes), over the limit of 1 MiB for a scenario (hint: scenarios are written by hand (the largest shipped one is under 6 KiB); much larger files take minutes and gigabytes to load)`,
    ],
  },
  {
    name: 'an override value nested too deep',
    yaml: BASE,
    overrides: [{ path: 'services.api.serviceTime', value: '['.repeat(100) }],
    expected: [
      'bad.yaml:6:10  services.api.serviceTime: override services.api.serviceTime=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…: the value: nesting too deep (limit 64) (hint: no scenario field is nested more than 6 levels deep, and deeper nesting would overflow the parser)',
    ],
  },
];

describe('ScenarioError: bad files and their exact messages', () => {
  it('the base file is valid', () => {
    expect(() => loadScenario(BASE.join('\n'), 'base.yaml')).not.toThrow();
  });

  it.each(BAD_FILES.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    expect(errorOf(file.yaml, file.overrides).format().split('\n')).toEqual(file.expected);
  });
});

describe('ScenarioError: files over a limit, each with the limit and why', () => {
  it.each(OVER_LIMITS.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    expect(errorOf(file.yaml, file.overrides).format().split('\n')).toEqual(file.expected);
  });
});

/** Every path in a parsed document, containers included. */
function pathsOf(node: unknown, prefix: string[] = []): string[][] {
  if (node === null || typeof node !== 'object') return [prefix];
  const children = Object.entries(node).flatMap(([key, value]) => pathsOf(value, [...prefix, key]));
  return prefix.length === 0 ? children : [prefix, ...children];
}

describe('wrong values anywhere', () => {
  const paths = pathsOf(parse(EXAMPLE)).map((path) => path.join('.'));

  it.each(['true', '[1]', '{ x: 1 }'])('are explained in the loader\'s words, at their path, when set to %s', (value) => {
    for (const path of paths) {
      let error: ScenarioError | undefined;
      try {
        loadScenario(EXAMPLE, 'example.yaml', { overrides: [{ path, value }] });
      } catch (e) {
        error = e as ScenarioError;
      }
      if (error === undefined) continue; // e.g. parallel: true is valid
      expect(error).toBeInstanceOf(ScenarioError);
      for (const problem of error.problems) {
        expect({ path, message: problem.message }).toEqual({ path, message: expect.stringMatching(/^(expected|unknown key|missing required key|unknown)/) });
      }
      expect(error.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`))).toBe(true);
    }
  });
});

describe('ScenarioError', () => {
  const error = errorOf(BAD_FILES.find((file) => file.name.startsWith('several'))!.yaml);

  it('has the stable code E_SCENARIO and one problem per mistake', () => {
    expect(error.code).toBe('E_SCENARIO');
    expect(error.name).toBe('ScenarioError');
    expect(error.problems).toHaveLength(5);
    expect(error.message).toBe(error.format());
  });

  it('gives each problem its place, path, expectation and hint as fields', () => {
    expect(error.problems[1]).toEqual({
      file: 'bad.yaml',
      line: 8,
      column: 12,
      path: 'services.api.cores',
      message: 'expected a positive integer up to 100,000, got 0',
      expected: 'a positive integer up to 100,000',
      hint: 'cores: 4',
    });
  });

  it('lists problems in source order', () => {
    const lines = error.problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('formatProblem', () => {
  it('prints file:line:column, the path, the message and the hint', () => {
    const line = formatProblem({ file: 'scenarios/bad.yaml', line: 7, column: 12, path: 'services.srv.cores', message: 'expected a positive integer, got "four"', hint: 'cores: 4' });
    expect(line).toBe('scenarios/bad.yaml:7:12  services.srv.cores: expected a positive integer, got "four" (hint: cores: 4)');
  });

  it('leaves out what a problem does not have: a place, a path, a hint', () => {
    expect(formatProblem({ file: 'x.yaml', line: 0, column: 0, path: '', message: 'cannot read the file: no such file' })).toBe(
      'x.yaml  cannot read the file: no such file',
    );
  });
});

describe('readScenarioFile', () => {
  it('reports a missing file as a ScenarioError, not a Node error', () => {
    expect(() => readScenarioFile('no/such/file.yaml')).toThrow(ScenarioError);
    try {
      readScenarioFile('no/such/file.yaml');
    } catch (error) {
      expect((error as ScenarioError).format()).toBe('no/such/file.yaml  cannot read the file: no such file');
    }
  });
});
