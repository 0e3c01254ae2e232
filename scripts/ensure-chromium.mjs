// Before the tests (`npm test` runs it as `pretest`): make sure the browser tests can run.
//
// 1. Chromium at /usr/bin/chromium (playwright-core drives it and never downloads a
//    browser). Missing: as root with apt-get, install it (`apt-get update` first when the
//    package lists are empty or the install fails); otherwise fail with how to install.
// 2. The viz app built into viz/dist, rebuilt when a source it bundles is newer.
//
// `--no-install` only checks for Chromium (the browser tests call it that way).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildViz, vizBuildState } from './viz-build.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => console.log(`ensure-chromium: ${message}`);

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function aptGet(args) {
  say(`running: apt-get ${args.join(' ')}`);
  return spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

function ensureChromium(install) {
  if (existsSync(CHROMIUM)) return;
  const how = 'install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or any Chromium build at /usr/bin/chromium';
  if (!install) fail(`${CHROMIUM} is missing; the browser tests need it: ${how}, or run \`node scripts/ensure-chromium.mjs\` as root`);
  if (process.getuid?.() !== 0) fail(`${CHROMIUM} is missing and this is not root, so it cannot be installed here: ${how}`);
  if (!hasCommand('apt-get')) fail(`${CHROMIUM} is missing and there is no apt-get on this machine: ${how}`);
  say(`${CHROMIUM} is missing; installing Debian's chromium (about 30 s)`);
  const lists = '/var/lib/apt/lists';
  const listsEmpty = !existsSync(lists) || readdirSync(lists).filter((f) => f.endsWith('Packages') || f.endsWith('Packages.lz4')).length === 0;
  if (listsEmpty && !aptGet(['update'])) fail(`apt-get update failed: ${how}`);
  if (!aptGet(['install', '-y', 'chromium'])) {
    if (listsEmpty || !aptGet(['update']) || !aptGet(['install', '-y', 'chromium'])) fail(`apt-get install chromium failed: ${how}`);
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get installed chromium but ${CHROMIUM} is still missing: ${how}`);
  say(`installed ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
}

async function ensureVizBuild() {
  const state = vizBuildState(root);
  if (state === 'fresh') return;
  say(state === 'missing' ? 'building the viz app into viz/dist' : 'rebuilding viz/dist (sources changed)');
  await buildViz(root);
}

ensureChromium(!process.argv.includes('--no-install'));
await ensureVizBuild();
