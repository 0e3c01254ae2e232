import { main } from './main';

// Entry point of the bundled CLI (dist/cli.mjs) and of `tsx cli/index.ts`.

// A reader that stops early (`meshsim run … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
