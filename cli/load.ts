import { readFileSync } from 'node:fs';
import { loadScenario } from '../models/scenario/load';
import type { Scenario } from '../models/scenario/types';
import { UsageError } from './errors';

/** Read and load a scenario file, with `--vary`-style overrides applied to the document. */
export function loadScenarioFile(file: string, overrides: readonly { path: string; value: string }[] = []): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such file: ${file}`, 'the scenarios that ship are in scenarios/, e.g. scenarios/quickstart.yaml');
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return loadScenario(text, file, { overrides });
}
