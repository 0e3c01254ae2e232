import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadScenario } from '../planner/scenario-file';
import type { Scenario } from '../models/scenario/types';
import { UsageError } from './errors';

// A command loads a scenario once or a few times: zod's JIT (it compiles a parser per
// object schema on first use) costs more than it saves here, ~20 ms of every command that
// loads one (bench/startup.ts). The results are the same either way.
z.config({ jitless: true });

const SCENARIO_HINT = 'the scenarios that ship are in scenarios/, e.g. scenarios/quickstart.yaml';

/** A file's text, or a one-line UsageError saying why it cannot be read. */
export function readText(file: string, missingHint = SCENARIO_HINT): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such file: ${file}`, missingHint);
    if (code === 'EISDIR') throw new UsageError(`${file} is a directory, not a file`, `name the files, e.g. ${file.replace(/\/$/, '')}/*.yaml`);
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`, 'check that the file is readable');
  }
}

/** Read and load a scenario file, with `--vary`-style overrides applied to the document. */
export function loadScenarioFile(file: string, overrides: readonly { path: string; value: string }[] = []): Scenario {
  return loadScenario(readText(file), file, { overrides });
}
