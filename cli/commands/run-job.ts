/**
 * Running a job's units for `compare` and `check`: all of them in parallel on worker
 * threads, or, with `--shard i/N`, every N-th one, written as partial JSON for `merge`.
 */
import type { ReplicationResult } from '../../models/run/result';
import { unitRequest, type LoadedJob } from '../../planner/job';
import { encodePartial, PARTIAL_SCHEMA } from '../../planner/partial';
import { shardUnits, type Shard } from '../../planner/shard';
import { runnerFor, unitProgress } from './planner-flags';

export interface JobRunOptions {
  readonly shard?: Shard;
  readonly workers: number;
  readonly quiet?: boolean;
  /** Shown before the progress bar. */
  readonly label: string;
}

export type JobOutcome = { readonly kind: 'partial'; readonly text: string } | { readonly kind: 'done'; readonly results: ReplicationResult[] };

/** Runs the job's units (or a shard's), with a progress bar over units on a terminal. */
export async function runJob(loaded: LoadedJob, options: JobRunOptions): Promise<JobOutcome> {
  const indexes = options.shard === undefined ? loaded.units.map((_, i) => i) : shardUnits(loaded.units.length, options.shard);
  const runner = runnerFor(options.workers, indexes.length);
  const bar = unitProgress(options.quiet, options.label, indexes.length, runner.workers);
  let results: ReplicationResult[];
  try {
    results = await runner.run(
      indexes.map((i) => unitRequest(loaded, loaded.units[i]!)),
      (done) => bar.update(done),
    );
  } finally {
    bar.stop();
    await runner.close();
  }
  if (options.shard === undefined) return { kind: 'done', results };
  const text = encodePartial({
    schema: PARTIAL_SCHEMA,
    job: loaded.job,
    shard: options.shard,
    unitCount: loaded.units.length,
    results: indexes.map((unit, k) => ({ unit, result: results[k]! })),
  });
  return { kind: 'partial', text };
}
