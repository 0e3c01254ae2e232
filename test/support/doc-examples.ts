import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** One ```ts block of a document, run: what its `// → ` comments promise and what it printed. */
export interface DocExampleRun {
  /** "docs/components/balancers.md example 2 (line 40)". */
  readonly name: string;
  readonly expected: readonly string[];
  readonly printed: readonly string[];
}

/**
 * Runs every ```ts block of the Markdown file `docPath` (relative to the repository root)
 * as a module, so documentation examples are tested rather than trusted. Relative imports
 * are resolved against the document's folder, as a reader would read them. Each
 * `console.log(...)` line may end with `// → text`; the runner returns those promises
 * beside what was printed, for the test to compare. Blocks are written to a temporary
 * folder, removed afterwards.
 */
export async function runDocExamples(docPath: string, options: { readonly printAs?: 'text' | 'json' } = {}): Promise<DocExampleRun[]> {
  const absoluteDoc = resolve(docPath);
  const text = readFileSync(absoluteDoc, 'utf8');
  const directory = mkdtempSync(join(tmpdir(), 'meshsim-doc-'));
  const runs: DocExampleRun[] = [];
  try {
    for (const [index, match] of [...text.matchAll(/```ts\n([\s\S]*?)```/g)].entries()) {
      const source = match[1]!
        .replace(/from '(\.{1,2}\/[^']+)'/g, (_, path: string) => `from '${resolve(dirname(absoluteDoc), path)}'`)
        // The package's own entry points, as a user imports them, run from the sources.
        .replace(/from 'meshsim(\/sim|\/components)?'/g, (_, entry: string | undefined) => `from '${resolve(entry === undefined ? 'index.ts' : `${entry.slice(1)}/index.ts`)}'`);
      const file = join(directory, `example-${index + 1}.ts`);
      writeFileSync(file, source);
      const line = text.slice(0, match.index).split('\n').length;
      runs.push({
        name: `${docPath} example ${index + 1} (line ${line})`,
        expected: [...source.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!.trim()),
        printed: await runCapturingLog(file, options.printAs ?? 'text'),
      });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return runs;
}

/** Imports the module at `file` and returns what it printed with console.log. */
/** Runs the module, collecting what it logs: as text (String), or as JSON for pages whose comments show values as JSON. */
async function runCapturingLog(file: string, printAs: 'text' | 'json'): Promise<string[]> {
  const printed: string[] = [];
  const log = console.log;
  const show = printAs === 'json' ? (x: unknown) => JSON.stringify(x) : String;
  console.log = (...args: unknown[]) => printed.push(args.map(show).join(' '));
  try {
    await import(file);
  } finally {
    console.log = log;
  }
  return printed;
}
