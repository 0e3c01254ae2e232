import type { Command } from 'commander';
import { SCALAR_METRICS } from '../../planner/blocks/types';
import { COMPARE_METRICS_DEFAULT } from '../../planner/compare-defaults';
import { addRunOptions } from '../run-options';
import type { CompareFlags } from './compare-command';
import { addSweepOptions, plannerAction } from './planner-options';

const EXAMPLES = `
Examples:
  meshsim compare scenarios/ci/lb-regression.yaml
  meshsim compare scenarios/quickstart.yaml --vary clients.web.balancer.policy=round-robin,least-request,peak-ewma --metric p99
  meshsim compare scenarios/quickstart.yaml --vary services.api.replicas=3..5 --replications 8 --format md >> "$GITHUB_STEP_SUMMARY"
  meshsim compare big-sweep.yaml --shard 0/4 --out part-0.json   # then: meshsim merge part-*.json
`;

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .summary('compare variants of a scenario with paired statistics')
    .description(
      'Run every variant (the cross product of --vary and the scenario\'s sweep:) for the same replications and seeds (common random numbers), ' +
        'and report throughput, error rate and latency with 95% CIs, the paired difference to the baseline with its CI and significance, and a winner per metric.',
    )
    .argument('<file>', 'scenario file (YAML)');
  addSweepOptions(addRunOptions(command), true)
    .option('--baseline <name>', 'variant the others are compared with, by name (path=value,...) or by its values (default: the first variant)')
    .option('--metric <list>', `metrics to compare, comma-separated, of ${SCALAR_METRICS.join(', ')}`, COMPARE_METRICS_DEFAULT.join(','))
    .addHelpText('after', EXAMPLES)
    .action(plannerAction(async (file: string, flags: CompareFlags) => (await import('./compare-command')).compareCommand(file, flags)));
}
