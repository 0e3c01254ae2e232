/**
 * Partial results of a shard, and their merge. A partial holds the whole job (scenario
 * texts included), the shard, and the replication results of its units, so `merge`
 * needs nothing but the parts and reproduces exactly what an unsharded run prints.
 *
 * Numbers survive the JSON round trip exactly (JavaScript prints the shortest decimal
 * that reads back as the same double); NaN and ±Infinity, which JSON lacks, are written
 * as tagged strings.
 */
import type { ReplicationResult } from '../models/run/result';
import type { Job } from './job';
import { PlannerError } from './planner-error';
import type { Shard } from './shard';

export const PARTIAL_SCHEMA = 'meshsim.partial/v1';

export interface Partial {
  readonly schema: typeof PARTIAL_SCHEMA;
  readonly job: Job;
  readonly shard: Shard;
  /** Units in the whole job. */
  readonly unitCount: number;
  readonly results: readonly { readonly unit: number; readonly result: ReplicationResult }[];
}

const NON_FINITE = '\u0000number:';

export function encodePartial(partial: Partial): string {
  return JSON.stringify(partial, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? `${NON_FINITE}${value}` : value)) + '\n';
}

/**
 * Reads one part.
 * @throws PlannerError when the text is not a partial result
 */
export function decodePartial(text: string, file: string): Partial {
  let data: unknown;
  try {
    data = JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' && value.startsWith(NON_FINITE) ? Number(value.slice(NON_FINITE.length)) : value));
  } catch (error) {
    throw new PlannerError(`${file}: not JSON (${(error as Error).message})`, 'pass the files written by --shard i/N');
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  if (schema !== PARTIAL_SCHEMA) {
    throw new PlannerError(`${file}: not a partial result (schema ${JSON.stringify(schema ?? null)}, expected "${PARTIAL_SCHEMA}")`, 'pass the files written by --shard i/N');
  }
  return data as Partial;
}

/**
 * Joins the parts of one job: every shard exactly once, all of the same job.
 * @returns the job and the results of all its units, in unit order
 * @throws PlannerError naming the part that does not fit, or the shards missing
 */
export function mergePartials(parts: readonly { readonly file: string; readonly partial: Partial }[]): { job: Job; results: ReplicationResult[] } {
  if (parts.length === 0) throw new PlannerError('merge: no parts given', 'e.g. meshsim merge parts/*.json');
  const first = parts[0]!;
  const jobText = JSON.stringify(first.partial.job);
  const count = first.partial.shard.count;
  const seen = new Map<number, string>();
  for (const { file, partial } of parts) {
    if (JSON.stringify(partial.job) !== jobText) throw new PlannerError(`merge: ${file} is a part of another run than ${first.file}`, 'merge the parts of one command (same files, --vary and settings)');
    if (partial.shard.count !== count) throw new PlannerError(`merge: ${file} is shard ${partial.shard.index}/${partial.shard.count}, but ${first.file} is one of ${count}`, 'merge the parts of one sharded run');
    const other = seen.get(partial.shard.index);
    if (other !== undefined) throw new PlannerError(`merge: ${file} and ${other} are both shard ${partial.shard.index}/${count}`, 'pass each shard once');
    seen.set(partial.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new PlannerError(`merge: missing shard(s) ${missing.join(', ')} of ${count}`, 'pass every part, e.g. parts/*.json');
  const results: ReplicationResult[] = new Array(first.partial.unitCount);
  for (const { partial } of parts) for (const { unit, result } of partial.results) results[unit] = result;
  const absent = results.findIndex((r) => r === undefined);
  if (results.length !== first.partial.unitCount || absent >= 0) throw new PlannerError(`merge: the parts lack unit ${absent}`, 'the parts may have been edited; rerun the shards');
  return { job: first.partial.job, results };
}
