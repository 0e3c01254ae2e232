import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of scenario files')
    .description('Print the JSON Schema of scenario files (also committed as scenarios/schema.json) for editor autocompletion.')
    .addHelpText('after', '\nExample:\n  meshsim schema > schema.json\n')
    .action(async () => {
      const { scenarioJsonSchema } = await import('../../planner/scenario-file');
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
