import type { Command } from 'commander';
import type { FidelityFlags } from './fidelity-command';

export function registerFidelity(program: Command): void {
  program
    .command('fidelity')
    .summary('run every validation case against theory and write the fidelity report')
    .description('Run every validation case (queueing, balancing, hashing, storage, gossip, planning) for its replications, compare with the published reference and write a report with 95% CIs. Exit code 1 if a case is out of tolerance.')
    .option('--scale <x>', 'size of each case relative to the published report (0.1 is a quick check)', '1')
    .option('--format <f>', 'output format: md|json', 'md')
    .option('--out <file>', 'write the report to this file (default: stdout)')
    .option('--workers <n>', 'worker threads; results do not depend on it (default: the number of CPUs)')
    .option('--only <area>', 'run one area: queueing, balancing, hashing, storage, gossip or planning (default: every area)')
    .option('--quiet', 'no progress bar')
    .addHelpText('after', '\nExamples:\n  meshsim fidelity --out docs/fidelity.md\n  meshsim fidelity --scale 0.1 --only queueing\n')
    // Loaded when the command runs: the cases import mathjs (through planner/theory/queueing.ts).
    .action(async (flags: FidelityFlags) => (await import('./fidelity-command')).fidelityCommand(flags));
}
