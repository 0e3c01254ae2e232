import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { beginMarker, docPath, endMarker, ringTables, withTables } from '../../../scripts/ring-tables';

// docs/components/ring.md is checked, not trusted: its example runs and prints what the
// doc says, and its measured tables equal a fresh run of scripts/ring-tables.ts.
const doc = readFileSync(docPath, 'utf8');
const workDir = mkdtempSync(join(tmpdir(), 'ring-docs-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('docs/components/ring.md', () => {
  it('has an example whose output is the documented output', async () => {
    const block = /<!-- example:begin -->\n```ts\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```\n<!-- example:end -->/.exec(doc);
    expect(block, 'example block between the markers').not.toBeNull();
    const [, code, output] = block!;
    // It imports the package as a user does; run it against the sources.
    const indexPath = join(import.meta.dirname, '../../../components/index.ts');
    expect(code).toContain("from 'meshsim/components'");
    const file = join(workDir, 'example.ts');
    writeFileSync(file, code!.replace("'meshsim/components'", JSON.stringify(indexPath)));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    expect(`${lines.join('\n')}\n`).toBe(output);
  });

  it('has measured tables equal to a fresh run of scripts/ring-tables.ts', () => {
    expect(doc).toContain(beginMarker);
    expect(doc).toContain(endMarker);
    expect(withTables(doc, ringTables())).toBe(doc);
  });
});
