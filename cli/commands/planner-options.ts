/**
 * Options shared by the planner's commands (compare, plan, check, merge, k8s-job):
 * `--vary`, `--workers`, `--alpha`, `--shard`, and turning planner mistakes into usage
 * errors. What the options become (axes, a worker pool, settings) is in planner-flags.ts,
 * loaded with each command's action, so that `--help` does not load the planner.
 */
import { Option, type Command } from 'commander';
import { PlannerError } from '../../planner/planner-error';
import { UsageError } from '../errors';
import type { RunFlags } from '../run-options';

export interface SweepFlags extends RunFlags {
  readonly vary: string[];
  readonly workers?: string;
  readonly alpha: string;
  readonly shard?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--vary`, repeatable. */
export function varyOption(description = 'vary a dotted path: PATH=V1,V2,... or an integer range PATH=LO..HI; repeatable, the variants are the cross product'): Option {
  return new Option('--vary <spec>', description).argParser(collect).default([], "the scenario's sweep: block");
}

/** `--workers`, `--alpha` and, for sweeps that can be split over machines, `--shard`. */
export function addSweepOptions(command: Command, shardable: boolean): Command {
  command
    .addOption(varyOption())
    .option('--workers <n>', 'worker threads running replications in parallel; results do not depend on it (default: the number of CPUs)')
    .option('--alpha <p>', 'significance level of the paired t-tests', '0.05');
  if (shardable) command.option('--shard <i/N>', 'run only units i, i+N, i+2N, … (i from 0) and print partial JSON for `meshsim merge` (default: all units)');
  return command;
}

/** Runs a command action, turning planner mistakes into one-line usage errors (exit code 2). */
export function plannerAction<A extends unknown[]>(action: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      // eslint-disable-next-line no-restricted-syntax -- forwards a command's few fixed arguments
      await action(...args);
    } catch (error) {
      if (error instanceof PlannerError) throw new UsageError(error.message, error.hint);
      throw error;
    }
  };
}
