import type { Command } from 'commander';
import { ScenarioError } from '../../models/scenario/errors';
import { EXIT, UsageError } from '../errors';
import { loadScenarioFile } from '../load';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check scenario files and report every problem')
    .description('Load each file and report every problem with file:line:column, path, what was expected and a hint. Exit code 2 if any file is invalid.')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--quiet', 'print only the problems, not a line per valid file')
    .addHelpText('after', '\nExamples:\n  meshsim validate scenarios/*.yaml\n  meshsim validate --quiet scenarios/**/*.yaml   # in CI: silent unless something is wrong\n')
    .action((files: string[], flags: { quiet?: boolean }) => validateCommand(files, flags.quiet ?? false));
}

export function validateCommand(files: readonly string[], quiet = false): void {
  let bad = 0;
  for (const file of files) {
    // Every file is checked, even after one that cannot be read.
    try {
      const scenario = loadScenarioFile(file);
      if (!quiet) process.stdout.write(`ok  ${file} (${scenario.name})\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError || error instanceof UsageError)) throw error;
      bad++;
      process.stderr.write(error.format() + '\n');
    }
  }
  if (bad > 0) {
    process.stderr.write(`${bad} of ${files.length} file(s) invalid\n`);
    process.exitCode = EXIT.badInput;
  }
}
