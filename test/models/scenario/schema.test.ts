import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyNames } from '../../../components/balancer/policies';
import { RUN_DEFAULTS, SERVICE_DEFAULTS } from '../../../models/scenario/defaults';
import { scenarioJsonSchema } from '../../../planner/scenario-file';
import { UNIT_PATTERNS } from '../../../models/scenario/units';

type Json = Record<string, unknown>;

const schema = scenarioJsonSchema();

/** Every sub-schema, with its JSON pointer-ish location. */
function* walk(node: unknown, at = '#'): Generator<[string, Json]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${at}/${i}`);
    return;
  }
  yield [at, node as Json];
  for (const [key, value] of Object.entries(node)) yield* walk(value, `${at}/${key}`);
}

/** The schema of a service entry: the request-serving kind (the first of the kinds). */
const serviceKinds = (((schema.properties as Json).services as Json).additionalProperties as Json).oneOf as Json[];
const service = serviceKinds[0]!;
const serviceProperties = service.properties as Record<string, Json>;

describe('scenarios/schema.json', () => {
  it('is the generated JSON Schema (run `npx tsx scripts/write-schema.ts` after changing the format)', () => {
    const committed = readFileSync(new URL('../../../scenarios/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(JSON.stringify(schema, null, 2) + '\n');
  });
});

describe('scenarioJsonSchema', () => {
  it('is draft-07, which yaml-language-server supports', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every field, so editors show help on hover', () => {
    const undescribed: string[] = [];
    for (const [at, node] of walk(schema)) {
      if (node.properties === undefined || typeof node.properties !== 'object') continue;
      for (const [key, field] of Object.entries(node.properties as Record<string, Json>)) {
        if (typeof field.description !== 'string' || field.description === '') undescribed.push(`${at}/properties/${key}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('rejects unknown keys in every object', () => {
    for (const [at, node] of walk(schema)) {
      if (node.type === 'object' && node.properties !== undefined) expect({ at, additionalProperties: node.additionalProperties }).toEqual({ at, additionalProperties: false });
    }
  });

  it('checks unit strings with the patterns of units.ts', () => {
    const patterns = new Set([...walk(schema)].map(([, node]) => node.pattern).filter((p) => p !== undefined));
    for (const unit of ['duration', 'rate', 'size', 'bandwidth', 'percent'] as const) expect(patterns).toContain(UNIT_PATTERNS[unit]);
    expect(serviceProperties.serviceTime!.anyOf).toBeDefined();
  });

  it('shows the defaults of defaults.ts', () => {
    const top = schema.properties as Record<string, Json>;
    expect(top.warmup!.default).toBe(RUN_DEFAULTS.warmup);
    expect(top.replications!.default).toBe(RUN_DEFAULTS.replications);
    expect(serviceProperties.requestSize!.default).toBe(SERVICE_DEFAULTS.requestSize);
    expect(serviceProperties.cores!.default).toBe(SERVICE_DEFAULTS.cores);
  });

  it('offers every registered balancing policy', () => {
    const variants = (serviceProperties.balancer!.oneOf as Json[]).map((variant) => ((variant.properties as Record<string, Json>).policy!.const as string));
    expect(variants).toEqual(policyNames());
  });

  it('requires what the loader requires', () => {
    // `clients` may be left out for a scenario of gossip clusters alone (a cross-check).
    expect(schema.required).toEqual(['name', 'seed', 'duration', 'network', 'services']);
    expect(service.required).toEqual(['serviceTime']);
    expect(serviceKinds[1]!.required).toEqual(['kind', 'replicas']);
  });
});
