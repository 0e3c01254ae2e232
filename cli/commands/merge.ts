import type { Command } from 'commander';
import { FORMATS } from '../run-options';
import type { MergeFlags } from './merge-command';
import { plannerAction } from './planner-options';

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
    .action(plannerAction(async (parts: string[], flags: MergeFlags) => (await import('./merge-command')).mergeCommand(parts, flags)));
}
