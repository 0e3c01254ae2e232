/**
 * Loading a scenario from a file (Node only; the rest of the loader also runs in the
 * browser, so it is not re-exported by index.ts).
 */
import { readFileSync } from 'node:fs';
import { ScenarioError } from './errors';
import { loadScenario, type LoadOptions } from './load';
import type { Scenario } from './types';

/**
 * Reads and loads the scenario file at `path`.
 *
 * @throws ScenarioError for an unreadable file, as for any problem in it
 */
export function readScenarioFile(path: string, opts: LoadOptions = {}): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ScenarioError([{ file: path, line: 0, column: 0, path: '', message: `cannot read the file: ${reason}` }]);
  }
  return loadScenario(text, path, opts);
}
