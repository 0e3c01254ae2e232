/**
 * Keeps the command outputs shown in the docs true: every ```sh block holding one
 * `meshsim` command, followed by a ```text block that starts with "meshsim ", gets that
 * text block replaced by what the built CLI prints (`--quiet`). Blocks that show a shape
 * rather than an output (the JSON skeletons) do not start with "meshsim " and are left alone.
 *
 *   npx tsx scripts/doc-outputs.ts            rewrite docs/planner.md
 *   npx tsx scripts/doc-outputs.ts --check    exit 1 and name the stale blocks instead
 *
 * Run `npm run build` first. test/planner/docs.test.ts runs the check.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const DOCS_WITH_OUTPUTS = ['docs/planner.md'];

/** One command and the output block shown after it. */
export interface ShownOutput {
  readonly doc: string;
  readonly line: number;
  readonly args: readonly string[];
  readonly shown: string;
  /** Where the shown text sits in the document. */
  readonly start: number;
  readonly end: number;
}

const PAIR = /```sh\n((?:(?!```)[\s\S])*?)```\n\n```text\n(meshsim (?:(?!```)[\s\S])*?)```/g;

export function shownOutputs(doc: string): ShownOutput[] {
  const text = readFileSync(doc, 'utf8');
  const out: ShownOutput[] = [];
  for (const match of text.matchAll(PAIR)) {
    const command = match[1]!.replace(/\\\n\s*/g, ' ').replace(/\s+#.*$/gm, '').trim();
    if (command.includes('\n') || !command.startsWith('meshsim ')) continue;
    const start = match.index + match[0].length - 3 - match[2]!.length;
    out.push({ doc, line: text.slice(0, match.index).split('\n').length, args: shellWords(command).slice(1), shown: match[2]!, start, end: start + match[2]!.length });
  }
  return out;
}

/** What the built CLI prints for the command. */
export function realOutput(args: readonly string[]): string {
  return execFileSync(process.execPath, ['bin/meshsim.mjs', ...args, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** Split a command line written with single or double quotes (no escapes inside quotes). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const doc of DOCS_WITH_OUTPUTS) {
    let text = readFileSync(doc, 'utf8');
    // From the end, so earlier offsets stay valid while later blocks are replaced.
    for (const shown of shownOutputs(doc).reverse()) {
      const real = realOutput(shown.args);
      if (real === shown.shown) continue;
      stale++;
      if (check) console.log(`${doc}:${shown.line}: the output of meshsim ${shown.args.join(' ')} has changed`);
      text = text.slice(0, shown.start) + real + text.slice(shown.end);
    }
    if (!check) writeFileSync(doc, text);
  }
  if (check && stale > 0) process.exit(1);
  console.log(check ? 'doc outputs are current' : `rewrote ${stale} output block(s)`);
}
