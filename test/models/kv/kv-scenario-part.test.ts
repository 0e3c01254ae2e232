import { describe, expect, it } from 'vitest';
import { KV_CLIENT_DEFAULTS, KV_DEFAULTS } from '../../../models/kv/kv-defaults';
import { ScenarioError } from '../../../models/scenario/errors';
import { loadScenario } from '../../../planner/scenario-file';
import { kvScenario } from './support';

function problems(yaml: string[]): string[] {
  try {
    loadScenario(yaml.join('\n'), 'bad.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.format().split('\n');
  }
}

const BASE = ['name: kv', 'seed: 1', 'duration: 60s', 'network: { latency: 1ms }'];

describe('kv scenario fields', () => {
  it('have the documented defaults', () => {
    expect(KV_DEFAULTS).toMatchObject({ replication: 3, vnodes: 160, placement: 'ring', balanceFactor: 1.25, storageTime: '20us', diskBandwidth: '1Gbps', streamBandwidth: '200Mbps', replicaTimeout: '500ms', hintedHandoff: true, readRepair: true, preload: true });
    expect(KV_CLIENT_DEFAULTS).toEqual({ ops: { get: 0.9, put: 0.1 }, valueSize: '1KB' });
    const scenario = loadScenario([...BASE, 'services:', '  kv: { kind: kv, replicas: 3, serviceTime: 1ms }', 'clients:', '  app: { target: kv, arrival: { process: poisson, rate: 1/s }, keys: { dist: uniform, count: 10 } }'].join('\n'), 'kv.yaml');
    expect(scenario.services.get('kv')!.kv).toEqual({
      replication: 3,
      writeQuorum: 2,
      readQuorum: 2,
      vnodes: 160,
      placement: 'ring',
      balanceFactor: 1.25,
      storageTime: { dist: 'constant', value: 0.02 },
      disk: { fsync: { dist: 'lognormal', median: 1, p99: 5 }, bandwidthBps: 1e9 },
      streamBandwidthBps: 2e8,
      replicaTimeoutMs: 500,
      hintedHandoff: true,
      readRepair: true,
      preload: true,
    });
    expect(scenario.clients.get('app')!.kv).toEqual({ ops: { get: 0.9, put: 0.1 }, valueSizeBytes: 1000 });
  });

  it('quorums default to the majority of replication', () => {
    const scenario = kvScenario({ service: ['replication: 5'] });
    expect(scenario.services.get('kv')!.kv).toMatchObject({ replication: 5, writeQuorum: 3, readQuorum: 3 });
  });

  it('membership faults get node ids in time order', () => {
    const scenario = kvScenario({ faults: ['{ at: 9s, remove-node: kv-5 }', '{ at: 2s, add-node: kv }', '{ at: 4s, add-node: kv }', '{ at: 6s, remove-node: kv-0 }'] });
    expect(scenario.faults).toEqual([
      { kind: 'remove-node', atMs: 9_000, service: 'kv', node: 'kv-5' },
      { kind: 'add-node', atMs: 2_000, service: 'kv', node: 'kv-5' },
      { kind: 'add-node', atMs: 4_000, service: 'kv', node: 'kv-6' },
      { kind: 'remove-node', atMs: 6_000, service: 'kv', node: 'kv-0' },
    ]);
  });

  it('explain every mistake at its place', () => {
    expect(problems([
      ...BASE,
      'services:',
      '  api: { serviceTime: 1ms, replication: 3 }',
      '  kv: { kind: kv, replicas: 2, w: 4, balanceFactor: 2, serviceTime: 1ms, calls: [{ service: api }] }',
      'clients:',
      '  a: { target: api, arrival: { process: poisson, rate: 1/s }, ops: { get: 1 } }',
      '  b: { target: kv, arrival: { process: poisson, rate: 1/s }, ops: { get: 0.5, put: 0.2 } }',
      '  c: { target: kv, arrival: { process: poisson, rate: 1/s }, keys: { dist: uniform, count: 2000000 } }',
      'faults:',
      '  - { at: 1s, add-node: api }',
      '  - { at: 2s, remove-node: kv-7 }',
      '  - { at: 3s, remove-node: kv-0 }',
    ])).toEqual([
      'bad.yaml:6:41  services.api.replication: replication applies to kind: kv services only (hint: add kind: kv, or remove it)',
      'bad.yaml:7:29  services.kv.replicas: expected replication (3) at most replicas (2), got 2 (hint: replicas: 3)',
      'bad.yaml:7:35  services.kv.w: expected an integer from 1 to 3 (the replication), got 4 (hint: w: 2)',
      'bad.yaml:7:81  services.kv.calls: a kv service makes no downstream calls (hint: remove calls, or use a plain service in front of it)',
      'bad.yaml:9:63  clients.a.ops: ops applies to clients of a kind: kv service; "api" is not one (hint: remove it, or target a kv service)',
      'bad.yaml:10:16  clients.b.target: a client of kv service "kv" needs keys (hint: keys: { dist: uniform, count: 10000 })',
      'bad.yaml:10:67  clients.b.ops: the shares add up to 0.7, not 1 (hint: { get: 0.9, put: 0.1 })',
      'bad.yaml:11:92  clients.c.keys.count: preloading 2000000 keys × replication is 6000000 copies, more than 3000000 (hint: use fewer keys, or preload: false on kv)',
      'bad.yaml:13:25  faults.0.add-node: add-node needs a kind: kv service, got "api" (hint: kv services: kv)',
      'bad.yaml:14:28  faults.1.remove-node: remove-node needs a current node of a kind: kv service, got "kv-7" (hint: nodes then: kv-0, kv-1)',
      'bad.yaml:15:28  faults.2.remove-node: removing kv-0 would leave 1 node(s), fewer than replication 3 (hint: add a node first, or lower replication)',
    ]);
  });
});
