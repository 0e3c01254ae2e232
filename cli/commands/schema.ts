import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../models/scenario/json-schema';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of scenario files')
    .description('Print the JSON Schema of scenario files (also committed as scenarios/schema.json) for editor autocompletion.')
    .addHelpText('after', '\nExample:\n  meshsim schema > schema.json\n')
    .action(() => {
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
