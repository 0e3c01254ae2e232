#!/usr/bin/env node
// The `meshsim` command. Runs the bundle built on install (`prepare`); if it is missing
// (installed with --ignore-scripts, or a fresh checkout), builds it first.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.mjs');
// The planner's worker is an entry of its own, started by file name.
const bundles = ['cli.mjs', 'planner-worker.mjs'].map((name) => join(root, 'dist', name));
if (!bundles.every((file) => existsSync(file))) {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
await import(pathToFileURL(bundle).href);
