// Bundle the CLI into dist/cli.mjs and the library into dist/lib/ (run by `npm ci` through
// `prepare`, and by `npm run build`).
// A bundle starts in ~0.35 s; running the TypeScript sources through tsx costs ~1 s more.
// Two more self-contained bundles sit beside it, loaded by file name at run time:
// dist/planner-worker.mjs, the worker thread of `meshsim compare|plan|check`, and
// dist/planner-analytic.mjs, the Erlang C model of `meshsim plan`, apart so that the CLI
// does not load mathjs (~1 s) unless plan needs it. (Code splitting would do the same with
// hashed chunk names, which a concurrent rebuild could delete under a running command.)
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['cli/index.ts'], outfile: 'dist/cli.mjs' }),
  // The library (package.json "exports"): one build with shared chunks, so a class imported
  // from 'meshsim' and from 'meshsim/sim' is the same class.
  build({
    ...common,
    entryPoints: { index: 'index.ts', sim: 'sim/index.ts', components: 'components/index.ts' },
    outdir: 'dist/lib',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({ ...common, entryPoints: ['planner/worker.ts'], outfile: 'dist/planner-worker.mjs' }),
  build({ ...common, entryPoints: ['planner/analytic.ts'], outfile: 'dist/planner-analytic.mjs' }),
]);
