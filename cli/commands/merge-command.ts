import { loadJob } from '../../planner/job';
import { decodePartial, mergePartials } from '../../planner/partial';
import { writeOutput } from '../output';
import { checkFormat } from '../run-options';
import { finishCheck } from './check-command';
import { finishCompare } from './compare-command';
import { readText } from '../load';

export interface MergeFlags {
  readonly format?: string;
  readonly out?: string;
}

/** `meshsim merge` (registered in merge.ts). */
export function mergeCommand(parts: readonly string[], flags: MergeFlags): void {
  const { job, results } = mergePartials(parts.map((file) => ({ file, partial: decodePartial(readText(file, 'pass the files written by --shard i/N'), file) })));
  const format = checkFormat(flags.format ?? job.format);
  const loaded = loadJob(job);
  if (job.command === 'compare') writeOutput(finishCompare(loaded, results, format), flags.out);
  else finishCheck(loaded, results, format, flags.out);
}
