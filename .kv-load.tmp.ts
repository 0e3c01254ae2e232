import { readFileSync } from 'node:fs';
import { loadScenario } from './models/scenario/load';
import { ScenarioError } from './models/scenario/errors';
try { loadScenario(readFileSync(process.argv[2]!, 'utf8'), 'bad.yaml'); console.log('loaded'); } catch (e) { if (e instanceof ScenarioError) console.log(e.format()); else throw e; }
