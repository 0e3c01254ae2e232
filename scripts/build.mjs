// Bundle the CLI into dist/ and the library into dist/lib/ (run by `npm ci` through
// `prepare`, and by `npm run build`).
//
// The CLI is one build with code splitting: dist/cli.mjs (the command) and
// dist/planner-worker.mjs (the worker thread of `meshsim compare|plan|check|fidelity`,
// started by file name) share chunks, and every command's action is a dynamic import, so
// a command loads only what it runs: `--help` loads commander alone, `validate` adds the
// scenario loader (yaml, zod), and only `plan` and `fidelity` load mathjs (about 1 s).
// Its dependencies are bundled too: resolving and reading a package's many files one by
// one cost more than parsing them in one (zod and yaml: ~0.2 s of `validate`, see
// docs/performance.md). The chunks sit flat beside the entries because planner/pool.ts
// finds the worker from its own import.meta.url.
//
// A rebuild writes new chunks under new (content-hashed) names and leaves the old ones
// for a command that is still running; old ones are pruned once they are an hour old.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
const split = { ...common, splitting: true, outExtension: { '.js': '.mjs' }, metafile: true };
// Bundled CommonJS packages (commander, seedrandom, yaml's node build) call require() for
// Node's built-in modules, which an ES module has to create.
const requireShim = "import { createRequire as __meshsimCreateRequire } from 'node:module'; const require = __meshsimCreateRequire(import.meta.url);";

// zod translates its messages into ~40 languages (366 KB of its 750), all compiled by every
// command that loads a scenario, ~50 ms (bench/startup.ts). meshsim writes its own messages
// and uses zod's English only, so the CLI bundle keeps just that one (z.locales.en).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const results = await Promise.all([
  build({
    ...split,
    entryPoints: { cli: 'cli/index.ts', 'planner-worker': 'planner/worker.ts' },
    outdir: 'dist',
    chunkNames: '[name]-[hash]',
    packages: 'bundle',
    external: ['vite'], // optional, only to build the viz app (`meshsim viz`)
    banner: { js: requireShim },
    plugins: [zodEnglishOnly],
  }),
  // The library (package.json "exports"): one build with shared chunks, so a class imported
  // from 'meshsim' and from 'meshsim/sim' is the same class.
  build({
    ...split,
    entryPoints: { index: 'index.ts', sim: 'sim/index.ts', components: 'components/index.ts' },
    outdir: 'dist/lib',
    chunkNames: 'chunks/[name]-[hash]',
  }),
]);

const PRUNE_AFTER_MS = 60 * 60 * 1000;
const written = new Set(results.flatMap((r) => Object.keys(r.metafile.outputs)).map((file) => relative('.', file)));
for (const dir of ['dist', 'dist/lib/chunks']) pruneChunks(dir);

/** Deletes chunks (`<name>-<hash>.mjs` and their maps) of earlier builds older than PRUNE_AFTER_MS. */
function pruneChunks(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const file = join(dir, name);
    if (!/-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name) || written.has(file) || written.has(file.replace(/\.map$/, ''))) continue;
    if (now - statSync(file).mtimeMs > PRUNE_AFTER_MS) unlinkSync(file);
  }
}
