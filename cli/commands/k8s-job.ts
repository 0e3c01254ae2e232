import type { Command } from 'commander';
import { VERSION } from '../version';
import type { K8sJobFlags } from './k8s-job-command';
import { plannerAction, varyOption } from './planner-options';

const EXAMPLES = `
Examples:
  meshsim k8s-job scenarios/ci/lb-regression.yaml --shards 8 --replications 64 > job.yaml
  kubectl apply -f job.yaml && kubectl wait --for=condition=complete job/meshsim-lb-regression --timeout=1h
  for i in $(seq 0 7); do
    kubectl logs -l job-name=meshsim-lb-regression,batch.kubernetes.io/job-completion-index=$i > part-$i.json
  done
  meshsim merge part-*.json --format md

The recipe, with the image to build, is in docs/planner.md.
`;

export function registerK8sJob(program: Command): void {
  program
    .command('k8s-job')
    .summary('print a Kubernetes Indexed Job that runs a sweep in shards')
    .description('Print a ConfigMap (the scenario) and an Indexed Job whose pod i runs `meshsim compare|check … --shard i/N` and prints its partial JSON, for `meshsim merge`.')
    .argument('<file>', 'scenario file (YAML)')
    .requiredOption('--shards <n>', 'number of shards, one pod each (required)')
    .option('--command <name>', 'the sweep to run: compare or check', 'compare')
    .option('--image <ref>', 'container image with meshsim on its PATH', `meshsim:${VERSION}`)
    .option('--name <name>', 'name of the Job and ConfigMap (default: meshsim-<scenario name>)')
    .option('--parallelism <n>', 'pods running at once (default: all shards)')
    .option('--cpus <n>', 'CPUs per pod, also its --workers', '1')
    .addOption(varyOption())
    .option('--seed <n>', "master seed (default: the scenario's seed)")
    .option('--replications <n>', "replications per variant (default: the scenario's)")
    .option('--duration <d>', "simulated time, e.g. 60s (default: the scenario's)")
    .option('--out <file>', 'write the manifest to this file (default: stdout)')
    .addHelpText('after', EXAMPLES)
    .action(plannerAction(async (file: string, flags: K8sJobFlags) => (await import('./k8s-job-command')).k8sJobCommand(file, flags)));
}
