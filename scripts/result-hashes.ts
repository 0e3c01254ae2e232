/**
 * A fingerprint of every shipped scenario's result: the SHA-256 of `meshsim run --format
 * json` (scenarios/, scenarios/ci/, viz/examples/). A refactor that must not change
 * behaviour proves it by leaving this file unchanged:
 *
 *   npx tsx scripts/result-hashes.ts           write scripts/result-hashes.json
 *   npx tsx scripts/result-hashes.ts --check   exit 1 and name the scenarios whose result changed
 *
 * When a change is meant to alter results, rewrite the file in the same commit and say why.
 * Run `npm run build` first: it runs the built CLI, as users do.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { promisify } from 'node:util';

const HASHES = 'scripts/result-hashes.json';
const FOLDERS = ['scenarios', 'scenarios/ci', 'viz/examples'];

const files = FOLDERS.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${folder}/${f}`));
const run = promisify(execFile);

async function hashOf(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/meshsim.mjs', 'run', file, '--format', 'json', '--quiet'], { maxBuffer: 1 << 28 });
  return createHash('sha256').update(stdout).digest('hex');
}

/** Every file's hash, a few at a time (one per core). */
async function hashAll(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      out[file] = await hashOf(file);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker));
  return Object.fromEntries(files.map((f) => [f, out[f]!]));
}

const hashes = await hashAll();
if (process.argv.includes('--check')) {
  const recorded = JSON.parse(readFileSync(HASHES, 'utf8')) as Record<string, string>;
  const changed = files.filter((f) => recorded[f] !== hashes[f]);
  for (const f of changed) console.log(`${f}: ${recorded[f] === undefined ? 'not recorded' : 'result changed'}`);
  for (const f of Object.keys(recorded).filter((f) => !files.includes(f))) console.log(`${f}: recorded but no longer shipped`);
  if (changed.length > 0 || Object.keys(recorded).length !== files.length) process.exit(1);
  console.log(`${files.length} results unchanged`);
} else {
  writeFileSync(HASHES, JSON.stringify(hashes, null, 2) + '\n');
  console.log(`wrote ${HASHES} (${files.length} scenarios)`);
}
