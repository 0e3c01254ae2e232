/** Loading a scenario from a file (Node only; scenario-file.ts also runs in the browser). */
import { readScenarioText } from '../models/scenario/read-file';
import type { LoadOptions } from '../models/scenario/load';
import type { Scenario } from '../models/scenario/types';
import { loadScenario } from './scenario-file';

/**
 * Reads and loads the scenario file at `path`.
 *
 * @throws ScenarioError for an unreadable file, as for any problem in it
 */
export function readScenarioFile(path: string, opts: LoadOptions = {}): Scenario {
  return loadScenario(readScenarioText(path), path, opts);
}
