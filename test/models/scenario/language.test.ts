import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../models/scenario/errors';
import { countUpTo, explained, positiveDuration, probability } from '../../../models/scenario/fields';
import { faultTarget, faultTiming } from '../../../models/scenario/fault-fields';
import { scenarioLanguage } from '../../../models/scenario/language';
import type { ScenarioPart } from '../../../models/scenario/scenario-part';

// A made-up part that uses every hook: a service variant (`kind: cache` with a hit rate), a
// kind of its own that serves no requests (`kind: beacon`), a fault (`pause`), a top-level
// block (`audit`), a cross-check, and work counted in the run-size estimate.
const part: ScenarioPart = {
  name: 'toy',
  serviceVariants: [{ kind: 'cache', description: 'a cache in front of nothing' }],
  serviceFields: { hitRate: probability.optional().meta({ description: 'Share of hits (kind: cache).' }) },
  checkService: (doc, ctx) => {
    if (doc.hitRate !== undefined && doc.kind !== 'cache') ctx.addIssue({ code: 'custom', path: ['hitRate'], message: 'hitRate applies to kind: cache only' });
  },
  normaliseService: (doc) => (doc.kind === 'cache' ? { cache: { hitRate: doc.hitRate ?? 0 } } : {}),
  clientFields: { tag: explained(z.string(), { expected: 'a tag', example: 'blue' }).optional() },
  normaliseClient: (doc, target) => ({ tagged: doc.tag ?? null, targetReplicas: target?.replicas }),
  serviceKinds: [{
    kind: 'beacon',
    schema: z.strictObject({ kind: z.literal('beacon'), replicas: countUpTo(100, 3), every: positiveDuration }),
    expected: 'a beacon { kind: beacon, replicas, every }',
    one: 'a beacon',
    many: 'beacons',
    clientHint: 'beacons only blink',
  }],
  faults: [{ key: 'pause', schema: z.strictObject({ ...faultTiming, pause: faultTarget }) }],
  normaliseFaults: (doc, { nodesOf }) => new Map((doc.faults as { at: number; pause?: string }[]).flatMap((f, i) => (f.pause === undefined ? [] : [[i, { kind: 'pause', atMs: f.at, targets: nodesOf(f.pause) }]])) as never),
  fields: { audit: explained(z.boolean(), { expected: 'true or false', example: 'true' }).optional() },
  normalise: (doc) => ({ audit: doc.audit ?? false, beacons: Object.entries(doc.services as object).filter(([, s]) => s.kind === 'beacon').map(([name]) => name) }),
  crossCheck: (root) => (root.audit === true && root.faults === undefined ? [{ path: ['audit'], at: 'value', message: 'an audit needs faults to audit' }] : []),
  workPerReplication: (scenario) => 1000 * (scenario as unknown as { beacons: string[] }).beacons.length,
};

const toy = scenarioLanguage([part]);
const core = scenarioLanguage([]);

const base = `name: toy
seed: 1
duration: 10s
network: { latency: 1ms }
services:
  api: { serviceTime: 1ms, replicas: 2 }
  front: { kind: cache, serviceTime: 1ms, hitRate: 90% }
  lights: { kind: beacon, replicas: 3, every: 1s }
clients:
  load: { target: api, tag: blue, arrival: { process: constant, rate: 10/s } }
`;

function messages(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('a scenario language of the core and a part', () => {
  it('loads the part\'s fields, kinds, faults and blocks through its hooks', () => {
    const s = toy.load(`${base}faults:\n  - { at: 1s, pause: lights-1 }\n  - { at: 2s, crash: api-0, for: 1s }\naudit: true\n`, 'toy.yaml') as unknown as Record<string, unknown> & { services: Map<string, unknown>; clients: Map<string, unknown>; faults: unknown[] };
    expect([...s.services.keys()]).toEqual(['api', 'front']);
    expect(s.services.get('front')).toMatchObject({ cache: { hitRate: 0.9 } });
    expect(s.clients.get('load')).toMatchObject({ tagged: 'blue', targetReplicas: 2 });
    expect(s.faults).toEqual([{ kind: 'pause', atMs: 1000, targets: ['lights-1'] }, { kind: 'crash', atMs: 2000, forMs: 1000, targets: ['api-0'] }]);
    expect(s).toMatchObject({ audit: true, beacons: ['lights'] });
    // 100 requests of the client and the beacons' 1000 per replication.
    expect(toy.expectedRequests(s as never)).toBe(1100);
  });

  it('reports the part\'s problems beside the core\'s, with the part in the expectations', () => {
    expect(messages(() => toy.load(`${base.replace('tag: blue', 'tag: blue, hitRate: 1%').replace('target: api', 'target: lights')}audit: true\n`, 'toy.yaml'))).toEqual([
      'clients.load.target: client load targets "lights", a beacon, which serves no requests',
      'clients.load.hitRate: unknown key "hitRate"',
      'audit: an audit needs faults to audit',
    ]);
    expect(messages(() => toy.load(`${base}faults:\n  - { at: 1s, pause: nowhere, crash: x }\n`, 'toy.yaml'))).toEqual([
      'faults.0: expected a fault with one of the keys crash, slow, partition, loss, errors or pause, got a mapping',
      'faults.0.crash: unknown node or service "x"',
    ]);
  });

  it('describes the part in the schema: kinds, faults, blocks', () => {
    const json = JSON.stringify(toy.jsonSchema());
    expect(json).toContain('service: CPU work then downstream calls; cache: a cache in front of nothing.');
    expect(json).toContain('required unless the scenario is beacons alone');
    expect(Object.keys((toy.jsonSchema() as { properties: object }).properties).slice(-2)).toEqual(['faults', 'audit']);
  });

  it('the core alone knows none of it', () => {
    expect(messages(() => core.load(base, 'toy.yaml'))).toEqual([
      'services.front.kind: expected one of service, got "cache"',
      'services.lights.kind: expected one of service, got "beacon"',
      'clients.load.tag: unknown key "tag"',
    ]);
  });
});
