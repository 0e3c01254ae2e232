import { ScenarioError } from '../../models/scenario/errors';
import { EXIT, UsageError } from '../errors';
import { loadScenarioFile } from '../load';

/** `meshsim validate` (registered in validate.ts): loads each file and reports its problems. */
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
