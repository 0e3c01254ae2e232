import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What each command loads before it runs, read from the bundle that test/global-setup.ts
// builds: the static imports of an output file are loaded with it, its import() calls only
// when reached. esbuild marks the code of each package with a `// node_modules/<pkg>/...`
// comment, so the packages in a closure can be read off its text.

const DIST = 'dist';

function text(file: string): string {
  return readFileSync(join(DIST, file), 'utf8');
}

/** The output files an output file imports statically (`import … from "./x.mjs"`, `import "./x.mjs"`). */
function staticImports(file: string): string[] {
  return [...text(file).matchAll(/^(?:import\s+"\.\/([^"]+)"|}\s+from\s+"\.\/([^"]+)"|import\s+[\w$]+\s+from\s+"\.\/([^"]+)")/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Files loaded with `file`, itself included. */
function closure(file: string): string[] {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imported of staticImports(next)) stack.push(imported);
  }
  return [...seen];
}

/** The packages whose code `files` contain. */
function packages(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    for (const m of text(file).matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) names.add(m[1]!);
  }
  return [...names].sort();
}

/** The chunk that `cli.mjs` imports when the command whose module is `name` runs. */
function commandChunk(name: string): string {
  const match = new RegExp(`import\\("\\./(${name}-[A-Z0-9]{8}\\.mjs)"\\)`).exec(text('cli.mjs'));
  if (match === null) throw new Error(`cli.mjs has no import() of ${name}`);
  return match[1]!;
}

function loadedBy(command: string): string[] {
  return packages([...closure('cli.mjs'), ...closure(commandChunk(command))]);
}

describe('the bundled CLI loads what a command needs and no more', () => {
  it('--help (and every command before its action runs) loads commander alone', () => {
    expect(packages(closure('cli.mjs'))).toEqual(['commander']);
  });

  it('validate adds the scenario language (yaml, zod) and the subsystems whose parts it has, not mathjs', () => {
    // The language's parts come with their subsystems from the registry (models/run), and
    // with those the engine's seeded streams; bench/startup.ts keeps the cost in view.
    expect(loadedBy('validate-command')).toEqual(['commander', 'seedrandom', 'yaml', 'zod']);
  });

  it("leaves out zod's message translations but English", () => {
    const files = [...closure('cli.mjs'), ...closure(commandChunk('validate-command'))];
    const locales = files.flatMap((file) => [...text(file).matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)].map((m) => m[1]!));
    // index.js is there as the build's stand-in, which exports English alone.
    expect(locales.filter((name) => name !== 'index')).toEqual(['en']);
  });

  it('run adds the engine, not mathjs', () => {
    expect(loadedBy('run-command')).not.toContain('mathjs');
    expect(loadedBy('run-command')).toContain('seedrandom');
  });

  it('the planner worker loads mathjs only for fidelity units', () => {
    expect(packages(closure('planner-worker.mjs'))).not.toContain('mathjs');
    expect(loadedBy('compare-command')).not.toContain('mathjs');
    expect(loadedBy('fidelity-command')).toContain('mathjs');
  });
});
