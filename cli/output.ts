import { writeFileSync } from 'node:fs';
import { UsageError } from './errors';

/** Write command output to `--out FILE` or stdout. */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`, 'check that its folder exists and is writable');
  }
}
