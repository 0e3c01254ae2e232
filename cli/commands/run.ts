import { Option, type Command } from 'commander';
import { addRunOptions, type RunFlags } from '../run-options';

export function registerRun(program: Command): void {
  addRunOptions(
    program
      .command('run')
      .summary('run a scenario and report latency, throughput and load')
      .description('Run a scenario file for its replications and print the pooled result.')
      .argument('<file>', 'scenario file (YAML)')
      .addOption(new Option('--vary <path=value>', 'override a value of the scenario, e.g. clients.web.balancer.policy=random (repeatable)').argParser(collect).default([], 'none')),
  )
    .addHelpText('after', '\nExamples:\n  meshsim run scenarios/quickstart.yaml\n  meshsim run scenarios/mmc.yaml --replications 8 --format json --out result.json\n  meshsim run scenarios/hedging.yaml --vary clients.web.hedging=null\n')
    .action(async (file: string, flags: RunFlags & { vary: string[] }) => (await import('./run-command')).runCommand(file, flags));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
