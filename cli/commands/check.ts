import type { Command } from 'commander';
import { addRunOptions } from '../run-options';
import { addSweepOptions, plannerAction, type SweepFlags } from './planner-options';

const EXAMPLES = `
Examples:
  meshsim check scenarios/ci/*.yaml
  meshsim check scenarios/ci/lb-regression.yaml --format md --replications 8
  meshsim check scenarios/ci/*.yaml --shard 1/3 --out part-1.json   # then: meshsim merge part-*.json

In GitHub Actions the Markdown summary is appended to $GITHUB_STEP_SUMMARY.
`;

export function registerCheck(program: Command): void {
  const command = program
    .command('check')
    .summary('check the SLOs and expectations of scenarios (exit code 1 if one fails)')
    .description(
      'Run each scenario (every variant of its sweep:) and evaluate its slo: block on every variant and its expect: block between variants. ' +
        'Exit code 0 when all hold, 1 when any fails (with the reason of each), 2 on bad input.',
    )
    .argument('<files...>', 'scenario files (YAML) with an slo: or expect: block');
  addSweepOptions(addRunOptions(command), true)
    .addHelpText('after', EXAMPLES)
    .action(plannerAction(async (files: string[], flags: SweepFlags) => (await import('./check-command')).checkCommand(files, flags)));
}
