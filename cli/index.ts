import { main } from './main';

// Entry point of the bundled CLI (dist/cli.mjs) and of `tsx cli/index.ts`.
process.exitCode = await main(process.argv.slice(2));
