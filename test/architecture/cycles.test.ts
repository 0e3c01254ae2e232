import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, fileGraph, files, folderGraph, ROOT } from './import-graph';

const CODE = ['index.ts', 'sim', 'components', 'models', 'planner', 'cli', 'viz'];


describe('import cycles', () => {
  const graph = fileGraph(CODE);

  it('no file imports itself through others', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('no folder imports itself through others (folder indexes aside)', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const loop = new Map([['a/x.ts', new Set(['b/y.ts'])], ['b/y.ts', new Set(['a/x.ts'])], ['c/z.ts', new Set(['a/x.ts'])]]);
    expect(cycles(loop)).toEqual([['a/x.ts', 'b/y.ts']]);
    expect(cycles(folderGraph(loop))).toEqual([['a', 'b']]);
  });
});

describe('the run pipeline names no subsystem', () => {
  // Subsystems (kv, gossip, discovery) live in their own folders and plug in through
  // models/subsystem and the one registry, models/run/subsystems.ts; their scenario fields
  // plug into the scenario language's core (models/scenario) as parts.
  const SHARED = ['models/run', 'models/observe', 'models/request', 'models/subsystem', 'models/report', 'models/sampling', 'models/scenario', 'cli/format', 'viz/app', 'viz/worker', 'viz/views'];
  // The registries name them; a subsystem's views live in viz/views/<subsystem>/ (DOM code
  // stays out of models/), listed by the browser's registry of views.
  const REGISTRY = new Set(['models/run/subsystems.ts', 'viz/views/index.ts']);
  const OWN = /^viz\/views\/(kv|gossip|discovery)\//;
  const SUBSYSTEM_WORDS = /\bkv\b|\bKv[A-Z]\w*|gossip|Gossip|\bdiscovery\b|Registry(Agent|Watcher)\b/;

  it('shared files mention no subsystem in their code', () => {
    const named: string[] = [];
    for (const file of SHARED.flatMap(files)) {
      if (REGISTRY.has(file) || OWN.test(file)) continue;
      // Comments may give a subsystem as an example; code may not depend on one.
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const match = SUBSYSTEM_WORDS.exec(code);
      if (match !== null) named.push(`${file}: ${match[0]}`);
    }
    expect(named).toEqual([]);
  });
});
