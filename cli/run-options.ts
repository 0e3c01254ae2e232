// The options every running command shares, as commander defines them (loaded at start-up:
// keep it light). What they do to a loaded scenario is in run-flags.ts.
import type { Command } from 'commander';
import { UsageError } from './errors';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

/** Options shared by run, compare, plan and check. */
export interface RunFlags {
  readonly seed?: string;
  readonly replications?: string;
  readonly duration?: string;
  readonly format: Format;
  readonly out?: string;
  readonly quiet?: boolean;
}

/** Add the shared options, so every command spells them the same way. */
export function addRunOptions(command: Command): Command {
  return command
    .option('--seed <n>', 'master seed (default: the scenario\'s seed)')
    .option('--replications <n>', 'independent replications, seeds seed..seed+n-1 (default: the scenario\'s)')
    .option('--duration <d>', 'simulated time, e.g. 60s or 5m (default: the scenario\'s)')
    .option('--format <f>', `output format: ${FORMATS.join('|')}`, 'table')
    .option('--out <file>', 'write the output to this file (default: stdout)')
    .option('--quiet', 'no progress bar');
}

export function checkFormat(format: string): Format {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${format}"`, '--format json');
  }
  return format as Format;
}
