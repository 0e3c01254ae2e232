import type { Command } from 'commander';
import { ScenarioError } from '../../models/scenario/errors';
import { EXIT } from '../errors';
import { loadScenarioFile } from '../load';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check scenario files and report every problem')
    .description('Load each file and report every problem with file:line:column, path, what was expected and a hint. Exit code 2 if any file is invalid.')
    .argument('<files...>', 'scenario files (YAML)')
    .addHelpText('after', '\nExample:\n  meshsim validate scenarios/*.yaml\n')
    .action((files: string[]) => validateCommand(files));
}

export function validateCommand(files: readonly string[]): void {
  let bad = 0;
  for (const file of files) {
    try {
      const scenario = loadScenarioFile(file);
      process.stdout.write(`ok  ${file} (${scenario.name})\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      bad++;
      process.stderr.write(error.format() + '\n');
    }
  }
  if (bad > 0) {
    process.stderr.write(`${bad} of ${files.length} file(s) invalid\n`);
    process.exitCode = EXIT.badInput;
  }
}
