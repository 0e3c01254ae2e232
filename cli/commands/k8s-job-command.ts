import type { Command } from 'commander';
import { stringify } from 'yaml';
import { k8sJobManifests } from '../../planner/k8s-job';
import { UsageError } from '../errors';
import { writeOutput } from '../output';
import { VERSION } from '../version';
import { loadBase, parseAxes, plannerAction, settingsOf, varyOption } from './planner-options';
import { readText } from '../load';

interface K8sJobFlags {
  readonly shards: string;
  readonly command: string;
  readonly image: string;
  readonly name?: string;
  readonly parallelism?: string;
  readonly cpus: string;
  readonly vary: string[];
  readonly seed?: string;
  readonly replications?: string;
  readonly duration?: string;
  readonly out?: string;
}

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
    .action(plannerAction((file: string, flags: K8sJobFlags) => k8sJobCommand(file, flags)));
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected an integer >= 1, got "${text}"`, `e.g. ${flag} 8`);
  return n;
}

function k8sJobCommand(file: string, flags: K8sJobFlags): void {
  const shards = positive('--shards', flags.shards);
  if (flags.command !== 'compare' && flags.command !== 'check') throw new UsageError(`--command: expected compare or check, got "${flags.command}"`, '--command check');
  const text = readText(file);
  const base = loadBase(file, text);
  parseAxes(flags.vary); // reject a bad --vary here rather than in every pod
  if (flags.command === 'check' && (base.slo ?? []).length === 0 && (base.expect ?? []).length === 0) {
    throw new UsageError(`k8s-job --command check: ${file} has nothing to check (no slo: or expect: block)`, 'use --command compare, or add an slo: block');
  }
  settingsOf({ ...flags, format: 'json' }, base);
  const args = [
    ...flags.vary.flatMap((spec) => ['--vary', spec]),
    ...(flags.seed === undefined ? [] : ['--seed', flags.seed]),
    ...(flags.replications === undefined ? [] : ['--replications', flags.replications]),
    ...(flags.duration === undefined ? [] : ['--duration', flags.duration]),
  ];
  const manifests = k8sJobManifests({
    file,
    text,
    scenario: base.name,
    command: flags.command,
    shards,
    parallelism: flags.parallelism === undefined ? shards : positive('--parallelism', flags.parallelism),
    image: flags.image,
    ...(flags.name === undefined ? {} : { name: flags.name }),
    cpus: positive('--cpus', flags.cpus),
    args,
  });
  writeOutput(manifests.map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'), flags.out);
}
