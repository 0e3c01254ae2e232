import { stringify } from 'yaml';
import { k8sJobManifests } from '../../planner/k8s-job';
import { UsageError } from '../errors';
import { writeOutput } from '../output';
import { loadBase, parseAxes, settingsOf } from './planner-flags';
import { readText } from '../load';

export interface K8sJobFlags {
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

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected an integer >= 1, got "${text}"`, `e.g. ${flag} 8`);
  return n;
}

/** `meshsim k8s-job` (registered in k8s-job.ts). */
export function k8sJobCommand(file: string, flags: K8sJobFlags): void {
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
