import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../models/scenario/errors';
import { registerCheck } from './commands/check';
import { registerCompare } from './commands/compare';
import { registerFidelity } from './commands/fidelity';
import { registerK8sJob } from './commands/k8s-job';
import { registerMerge } from './commands/merge';
import { registerPlan } from './commands/plan';
import { registerRun } from './commands/run';
import { registerSchema } from './commands/schema';
import { registerValidate } from './commands/validate';
import { registerViz } from './commands/viz';
import { EXIT, oneLineError, UsageError } from './errors';
import { VERSION } from './version';
import { ComponentError } from '../components/errors';

/** The `meshsim` command: parse arguments, run, and turn errors into one-line messages. */
export function buildProgram(): Command {
  const program = new Command('meshsim')
    .description('Deterministic discrete-event simulator and capacity planner for cloud-native systems.')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', `
Exit codes: 0 success · 1 a check failed or an internal error · 2 bad input (scenario or options)

Examples:
  meshsim run scenarios/quickstart.yaml
  meshsim validate scenarios/*.yaml
  meshsim schema > schema.json
  meshsim compare scenarios/ci/lb-regression.yaml
  meshsim plan scenarios/plan-replicas.yaml
  meshsim check scenarios/ci/*.yaml
  meshsim viz scenarios/quickstart.yaml
`);
  registerRun(program);
  registerValidate(program);
  registerSchema(program);
  registerViz(program);
  registerCompare(program);
  registerCheck(program);
  registerPlan(program);
  registerMerge(program);
  registerK8sJob(program);
  registerFidelity(program);
  for (const command of [program, ...program.commands]) {
    plainDefaults(command);
    const usage = command === program ? 'meshsim' : `meshsim ${command.name()}`;
    command.configureOutput({ outputError: (text, write) => write(`${oneLineError(text, usage)}\n`) });
  }
  return program;
}

/** Show string defaults as typed (`table`), not JSON-quoted (`"table"`) as commander does. */
function plainDefaults(command: Command): void {
  for (const option of command.options) {
    if (typeof option.defaultValue === 'string' && option.defaultValueDescription === undefined) {
      option.defaultValueDescription = option.defaultValue;
    }
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return report(error);
  }
}

/** Print a user error as one line (no stack) and choose the exit code. */
export function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are normal exits; commander already printed its message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof ScenarioError) {
    process.stderr.write(error.format() + '\n');
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    process.stderr.write(error.format() + '\n');
    return EXIT.badInput;
  }
  // A component refusing an option or argument the loader let through is still bad input.
  if (error instanceof ComponentError && /^(option|argument)\./.test(error.code)) {
    process.stderr.write(`meshsim: ${error.format()}\n`);
    return EXIT.badInput;
  }
  const err = error as Error;
  process.stderr.write(`meshsim: internal error: ${err.message}\n`);
  if (process.env.MESHSIM_DEBUG) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('(set MESHSIM_DEBUG=1 for a stack trace, and please report it with the scenario and seed)\n');
  return EXIT.failed;
}
