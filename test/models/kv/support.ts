import { loadScenario } from '../../../planner/scenario-file';
import type { Scenario } from '../../../models/scenario/types';

export interface KvScenarioOptions {
  readonly seed?: number;
  readonly duration?: string;
  readonly warmup?: string;
  readonly replicas?: number;
  /** Extra lines of the kv service, e.g. ['w: 1', 'hintedHandoff: false']. */
  readonly service?: readonly string[];
  /** Extra lines of the client. */
  readonly client?: readonly string[];
  readonly rate?: string;
  readonly keys?: string;
  readonly faults?: readonly string[];
}

/** A small kv scenario, written as YAML so the loader is exercised too. */
export function kvScenario(options: KvScenarioOptions = {}): Scenario {
  const lines = [
    'name: kv-test',
    `seed: ${options.seed ?? 1}`,
    `duration: ${options.duration ?? '20s'}`,
    `warmup: ${options.warmup ?? '0s'}`,
    'network: { latency: { dist: exponential, mean: 200us } }',
    'services:',
    '  kv:',
    '    kind: kv',
    `    replicas: ${options.replicas ?? 5}`,
    '    cores: 4',
    '    serviceTime: 20us',
    ...(options.service ?? []).map((line) => `    ${line}`),
    'clients:',
    '  app:',
    '    target: kv',
    '    instances: 2',
    `    arrival: { process: poisson, rate: ${options.rate ?? '1000/s'} }`,
    '    timeout: 2s',
    `    keys: ${options.keys ?? '{ dist: uniform, count: 2000 }'}`,
    '    ops: { get: 0.7, put: 0.3 }',
    '    valueSize: 200B',
    ...(options.client ?? []).map((line) => `    ${line}`),
    ...(options.faults === undefined ? [] : ['faults:', ...options.faults.map((f) => `  - ${f}`)]),
  ];
  return loadScenario(lines.join('\n'), 'kv-test.yaml');
}
