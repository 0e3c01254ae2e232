// When viz/dist is out of date, and how to rebuild it: shared by `npm test`'s pretest
// (scripts/ensure-chromium.mjs) and `meshsim viz`, so both agree on "stale".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders the app bundles (the engine, models and components run in its worker; the scenarios are listed in it). */
const SOURCES = ['viz', 'models', 'sim', 'components', 'scenarios'];

/** Newest modification time (ms) of the files under `dir` (recursively), skipping `skip`. */
function newest(dir, skip) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(path, skip) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * 'missing' when viz/dist has no app, 'stale' when a source it bundles is newer, else 'fresh'.
 * @param {string} root the meshsim package folder
 * @returns {'missing' | 'stale' | 'fresh'}
 */
export function vizBuildState(root) {
  const index = join(root, 'viz', 'dist', 'index.html');
  if (!existsSync(index)) return 'missing';
  const skip = new Set([join(root, 'viz', 'dist')]);
  const sources = SOURCES.map((d) => join(root, d)).filter(existsSync);
  // A packaged install ships viz/dist without the sources: nothing to compare, so fresh.
  return Math.max(0, ...sources.map((d) => newest(d, skip))) > statSync(index).mtimeMs ? 'stale' : 'fresh';
}

/**
 * Build the app into viz/dist with vite (a development dependency).
 * @param {string} root the meshsim package folder
 */
export async function buildViz(root) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'viz', 'vite.config.ts'), logLevel: 'warn' });
}
