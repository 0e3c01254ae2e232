import type { Command } from 'commander';
import { VIZ_PORT_DEFAULT, type VizFlags } from './viz-options';

export function registerViz(program: Command): void {
  program
    .command('viz')
    .summary('open the browser app: watch a scenario run, scrub, compare, share')
    .description(
      'Serve the browser app on 127.0.0.1 and open it. The simulation runs in the page (a Web Worker) with the same engine ' +
        'and models as the CLI, so a run there gives the same result JSON. The app is built into viz/dist on first use, and rebuilt when its sources change.',
    )
    .argument('[file]', 'scenario file to open (YAML); reloading the page reads it again')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', String(VIZ_PORT_DEFAULT))
    .option('--no-open', 'do not open a browser, only print the URL')
    .option('--build', 'rebuild the app (viz/dist) before serving')
    .addHelpText('after', '\nExamples:\n  meshsim viz\n  meshsim viz scenarios/quickstart.yaml --port 8080 --no-open\n')
    .action(async (file: string | undefined, flags: VizFlags) => (await import('./viz-command')).vizCommand(file, flags));
}
