import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BPlusTree, WriteBuffer } from '../../../components/btree';

// Runs the example of docs/components/btree.md so that the doc cannot drift from the code:
// every `console.log(x); // → json` line must print exactly that JSON.

const docPath = new URL('../../../docs/components/btree.md', import.meta.url);

function exampleSource(): string {
  const doc = readFileSync(docPath, 'utf8');
  const section = doc.slice(doc.indexOf('## Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('docs/components/btree.md: no ```ts block under "## Example"');
  return match[1]!;
}

describe('docs/components/btree.md example', () => {
  it('prints what its // → comments say', () => {
    const source = exampleSource();
    const expected = source
      .split('\n')
      .filter((line) => line.includes('console.log('))
      .map((line) => {
        const arrow = line.indexOf('// → ');
        if (arrow < 0) throw new Error(`example line without "// → expected": ${line}`);
        return line.slice(arrow + '// → '.length).trim();
      });
    expect(expected.length).toBeGreaterThan(5);
    const body = source.replace(/^import .*$/gm, '');
    const js = transformSync(body, { loader: 'ts' }).code;
    const printed: string[] = [];
    const console = { log: (value: unknown) => printed.push(JSON.stringify(value)) };
    new Function('BPlusTree', 'WriteBuffer', 'console', js)(BPlusTree, WriteBuffer, console);
    expect(printed).toEqual(expected);
  });
});
