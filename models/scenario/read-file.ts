/**
 * Reading a scenario file (Node only; the rest of the loader also runs in the browser, so
 * it is not re-exported by index.ts).
 */
import { readFileSync } from 'node:fs';
import { ScenarioError } from './errors';

/**
 * The text of the scenario file at `path`.
 *
 * @throws ScenarioError for an unreadable file, placed as any problem in it would be
 */
export function readScenarioText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ScenarioError([{ file: path, line: 0, column: 0, path: '', message: `cannot read the file: ${reason}` }]);
  }
}
