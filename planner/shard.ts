/**
 * Sharding: `--shard i/N` runs units i, i+N, i+2N, … of a job (i from 0, as Kubernetes
 * numbers the pods of an Indexed Job), so N machines share a sweep; `merge` joins their
 * partial results.
 */
import { PlannerError } from './planner-error';

export interface Shard {
  /** From 0 to count − 1. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw new PlannerError(`--shard: expected i/N, got "${text}"`, 'e.g. --shard 0/4 runs the first of 4 shards; i counts from 0');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new PlannerError(`--shard ${text}: N must be at least 1`, 'e.g. --shard 0/4');
  if (index >= count) throw new PlannerError(`--shard ${text}: i must be below N (shards are 0 to ${count - 1})`, `e.g. --shard ${count - 1}/${count}`);
  return { index, count };
}

/** Indexes of the units of `total` that a shard runs. */
export function shardUnits(total: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let k = shard.index; k < total; k += shard.count) out.push(k);
  return out;
}
