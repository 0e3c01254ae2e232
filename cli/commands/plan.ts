import { Option, type Command } from 'commander';
import { addRunOptions } from '../run-options';
import type { PlanFlags } from './plan-command';
import { plannerAction, varyOption } from './planner-options';

const EXAMPLES = `
Examples:
  meshsim plan scenarios/plan-replicas.yaml
  meshsim plan scenarios/mmc.yaml --slo "wait<1s" --vary services.srv.cores=1..32 --duration 20000s
  meshsim plan scenarios/plan-replicas.yaml --vary services.api.replicas=1..16 --vary services.api.cores=1..4 \\
      --cost "services.api.replicas * services.api.cores * 0.045"
  meshsim plan scenarios/plan-replicas.yaml --vary services.api.replicas=8 --load 500/s..8000/s

SLOs: <metric><op><value>, metric p50|p90|p99|p999|mean|max|wait|errorRate|throughput, op < <= > >=,
e.g. "p99<100ms", "errorRate<0.1%", "throughput>=1900/s". An SLO holds when its 95% confidence bound does.
`;

export function registerPlan(program: Command): void {
  const command = program
    .command('plan')
    .summary('find the smallest capacity (or the highest load) that meets SLOs')
    .description(
      'Find the smallest value of a path (replicas, cores) whose SLOs hold with the upper 95% confidence bound, by a monotone search ' +
        '(bracket, then bisect) with every replication at each probe, verifying that the value below fails; with --cost, the cheapest ' +
        'configuration over several paths; with --load, the highest sustainable arrival rate (the knee). M/M/c services get the Erlang C answer beside it.',
    )
    .argument('<file>', 'scenario file (YAML)');
  addRunOptions(command)
    .addOption(new Option('--slo <slo>', 'an SLO, e.g. "p99<100ms"; repeatable').argParser((v: string, prev: string[]) => [...prev, v]).default([], "the scenario's slo: block"))
    .addOption(varyOption('the path to search, PATH=LO..HI (e.g. services.api.replicas=1..32); with --cost, several paths and lists; PATH=V fixes a value').default([], "the scenario's sweep: block, else services.<its only service>.replicas=1..1024"))
    .option('--load <rate>', 'search the arrival rate instead: HI or LO..HI, e.g. 5000/s or 100/s..5000/s (default LO: HI/1000); reports the knee')
    .option('--cost <expr>', 'a mathjs expression over the scenario to minimise, e.g. "services.api.replicas * services.api.cores * 0.045" (default: none)')
    .option('--workers <n>', 'worker threads running a probe\'s replications in parallel; results do not depend on it (default: the number of CPUs)')
    .addHelpText('after', EXAMPLES)
    .action(plannerAction(async (file: string, flags: PlanFlags) => (await import('./plan-command')).planCommand(file, flags)));
}
