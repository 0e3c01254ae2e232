import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../models/run/result';
import type { Job } from '../../planner/job';
import { decodePartial, encodePartial, mergePartials, PARTIAL_SCHEMA, type Partial } from '../../planner/partial';
import { parseShard, shardUnits } from '../../planner/shard';

const job: Job = { command: 'compare', format: 'json', settings: {}, options: { alpha: 0.05 }, files: [{ file: 'a.yaml', text: 'name: a', variants: [] }] };
const result = (seed: number) => ({ seed, latencyMs: { mean: seed === 2 ? NaN : seed, max: Infinity } }) as unknown as ReplicationResult;

function part(index: number, count: number, total = 5, of: Job = job): { file: string; partial: Partial } {
  const units = shardUnits(total, { index, count });
  return { file: `part-${index}.json`, partial: { schema: PARTIAL_SCHEMA, job: of, shard: { index, count }, unitCount: total, results: units.map((unit) => ({ unit, result: result(unit) })) } };
}

describe('shards', () => {
  it('--shard i/N takes units i, i+N, … with i from 0', () => {
    expect(shardUnits(7, parseShard('1/3'))).toEqual([1, 4]);
    expect(shardUnits(7, parseShard('0/3'))).toEqual([0, 3, 6]);
    expect(shardUnits(2, parseShard('2/3'))).toEqual([]);
  });

  it('rejects shards that do not exist', () => {
    expect(() => parseShard('3/3')).toThrow('--shard 3/3: i must be below N (shards are 0 to 2)');
    expect(() => parseShard('1/0')).toThrow('N must be at least 1');
    expect(() => parseShard('one/3')).toThrow('--shard: expected i/N, got "one/3"');
  });
});

describe('partial results', () => {
  it('survive the JSON round trip exactly, NaN and Infinity included', () => {
    const p = part(0, 1).partial;
    const back = decodePartial(encodePartial(p), 'p.json');
    expect(back).toEqual(p);
    expect(back.results[2]!.result.latencyMs.mean).toBeNaN();
    expect(back.results[0]!.result.latencyMs.max).toBe(Infinity);
  });

  it('merge in unit order whatever the order of the parts', () => {
    const merged = mergePartials([part(2, 3), part(0, 3), part(1, 3)]);
    expect(merged.results.map((r) => r.seed)).toEqual([0, 1, 2, 3, 4]);
    expect(merged.job).toEqual(job);
  });

  it('refuse missing, repeated and foreign parts', () => {
    expect(() => mergePartials([part(0, 3), part(2, 3)])).toThrow('merge: missing shard(s) 1 of 3');
    expect(() => mergePartials([part(0, 2), part(0, 2), part(1, 2)])).toThrow('are both shard 0/2');
    expect(() => mergePartials([part(0, 2), part(1, 3)])).toThrow('is shard 1/3, but part-0.json is one of 2');
    expect(() => mergePartials([part(0, 2), { ...part(1, 2, 5, { ...job, settings: { seed: 9 } }) }])).toThrow('merge: part-1.json is a part of another run than part-0.json');
    expect(() => mergePartials([])).toThrow('merge: no parts given');
    expect(() => decodePartial('{"schema":"meshsim.compare/v1"}', 'c.json')).toThrow('c.json: not a partial result (schema "meshsim.compare/v1", expected "meshsim.partial/v1")');
    expect(() => decodePartial('nope', 'n.json')).toThrow('n.json: not JSON');
  });
});
