/**
 * A Kubernetes Indexed Job that runs a sweep sharded over pods: pod i runs
 * `meshsim <command> … --shard i/N` (its index comes from JOB_COMPLETION_INDEX) and
 * prints its partial JSON to stdout, where `kubectl logs` collects it for `meshsim merge`.
 * The scenario travels in a ConfigMap beside the Job, so the image needs only meshsim.
 */

export interface K8sJobOptions {
  /** The scenario file's name (for the ConfigMap key) and text. */
  readonly file: string;
  readonly text: string;
  /** The scenario's name, for the Job's name. */
  readonly scenario: string;
  readonly command: 'compare' | 'check';
  readonly shards: number;
  /** Pods at once; at most `shards`. */
  readonly parallelism: number;
  readonly image: string;
  /** Job and ConfigMap name; derived from the scenario's when absent. */
  readonly name?: string;
  /** CPUs requested per pod, also its `--workers`. */
  readonly cpus: number;
  /** More arguments for meshsim, e.g. ['--vary', 'services.api.replicas=2..8', '--replications', '8']. */
  readonly args: readonly string[];
}

/** Job names are DNS labels; Indexed Job pod hostnames add a suffix, so keep them short. */
const NAME_MAX = 52;

export function jobName(scenario: string): string {
  const name = `meshsim-${scenario}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, NAME_MAX)
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'meshsim' : name;
}

/** A word for `sh -c`: single-quoted unless plainly safe. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The ConfigMap and the Job, as objects in document order. */
export function k8sJobManifests(options: K8sJobOptions): Record<string, unknown>[] {
  const name = options.name ?? jobName(options.scenario);
  const labels = { 'app.kubernetes.io/name': 'meshsim', 'app.kubernetes.io/instance': name };
  const key = 'scenario.yaml';
  const words = ['meshsim', options.command, `/scenario/${key}`, ...options.args, '--workers', String(options.cpus), '--quiet', '--format', 'json'].map(shellWord);
  const script = `exec ${words.join(' ')} --shard "$JOB_COMPLETION_INDEX/${options.shards}"`;
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { [key]: options.text } },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, labels },
      spec: {
        completionMode: 'Indexed',
        completions: options.shards,
        parallelism: Math.min(options.parallelism, options.shards),
        backoffLimit: options.shards,
        template: {
          metadata: { labels },
          spec: {
            restartPolicy: 'Never',
            containers: [
              {
                name: 'meshsim',
                image: options.image,
                command: ['sh', '-c', script],
                resources: { requests: { cpu: String(options.cpus) }, limits: { cpu: String(options.cpus) } },
                volumeMounts: [{ name: 'scenario', mountPath: '/scenario', readOnly: true }],
              },
            ],
            volumes: [{ name: 'scenario', configMap: { name } }],
          },
        },
      },
    },
  ];
}
