import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .summary('check scenario files and report every problem')
    .description('Load each file and report every problem with file:line:column, path, what was expected and a hint. Exit code 2 if any file is invalid.')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--quiet', 'print only the problems, not a line per valid file')
    .addHelpText('after', '\nExamples:\n  meshsim validate scenarios/*.yaml\n  meshsim validate --quiet scenarios/**/*.yaml   # in CI: silent unless something is wrong\n')
    .action(async (files: string[], flags: { quiet?: boolean }) => (await import('./validate-command')).validateCommand(files, flags.quiet ?? false));
}
