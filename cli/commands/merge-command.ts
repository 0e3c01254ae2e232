import type { Command } from 'commander';
import { loadJob } from '../../planner/job';
import { decodePartial, mergePartials } from '../../planner/partial';
import { writeOutput } from '../output';
import { checkFormat, FORMATS } from '../run-options';
import { finishCheck } from './check';
import { finishCompare } from './compare';
import { readText } from '../load';
import { plannerAction } from './planner-options';

interface MergeFlags {
  readonly format?: string;
  readonly out?: string;
}

const EXAMPLES = `
Examples:
  meshsim compare sweep.yaml --shard 0/2 --out part-0.json
  meshsim compare sweep.yaml --shard 1/2 --out part-1.json
  meshsim merge part-*.json --format md
`;

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .summary('combine the partial results of sharded runs')
    .description(
      'Join the partial JSON written by `meshsim compare|check --shard i/N` (one file per shard, every shard once) and print what the unsharded command prints, byte for byte; a merged check exits as check does.',
    )
    .argument('<parts...>', 'partial result files (JSON)')
    .option('--format <f>', `output format: ${FORMATS.join('|')} (default: the format the shards were given)`)
    .option('--out <file>', 'write the output to this file (default: stdout)')
    .addHelpText('after', EXAMPLES)
    .action(plannerAction((parts: string[], flags: MergeFlags) => mergeCommand(parts, flags)));
}

function mergeCommand(parts: readonly string[], flags: MergeFlags): void {
  const { job, results } = mergePartials(parts.map((file) => ({ file, partial: decodePartial(readText(file, 'pass the files written by --shard i/N'), file) })));
  const format = checkFormat(flags.format ?? job.format);
  const loaded = loadJob(job);
  if (job.command === 'compare') writeOutput(finishCompare(loaded, results, format), flags.out);
  else finishCheck(loaded, results, format, flags.out);
}
