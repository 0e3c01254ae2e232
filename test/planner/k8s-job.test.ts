import { describe, expect, it } from 'vitest';
import { jobName, k8sJobManifests, shellWord } from '../../planner/k8s-job';

describe('Kubernetes Indexed Job', () => {
  const [configMap, job] = k8sJobManifests({
    file: 'x.yaml',
    text: 'name: x\n',
    scenario: 'LB regression!',
    command: 'compare',
    shards: 4,
    parallelism: 8,
    image: 'meshsim:0.1.0',
    cpus: 2,
    args: ['--vary', "clients.web.balancer.policy=random,least-request", '--replications', '16'],
  }) as [Record<string, any>, Record<string, any>]; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('carries the scenario in a ConfigMap mounted into every pod', () => {
    expect(configMap).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'meshsim-lb-regression' }, data: { 'scenario.yaml': 'name: x\n' } });
    expect(job.spec.template.spec.volumes).toEqual([{ name: 'scenario', configMap: { name: 'meshsim-lb-regression' } }]);
  });

  it('is an Indexed Job whose pod i runs shard i/N and prints partial JSON', () => {
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    const container = job.spec.template.spec.containers[0];
    expect(container.command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(container.command[2]).toBe(
      'exec meshsim compare /scenario/scenario.yaml --vary clients.web.balancer.policy=random,least-request --replications 16 --workers 2 --quiet --format json --shard "$JOB_COMPLETION_INDEX/4"',
    );
    expect(container.resources.requests.cpu).toBe('2');
  });

  it('names and quotes safely', () => {
    expect(jobName('x'.repeat(80))).toHaveLength(52);
    expect(shellWord("p99 < 100ms's")).toBe(`'p99 < 100ms'\\''s'`);
    expect(shellWord('services.api.replicas=2..8')).toBe('services.api.replicas=2..8');
  });
});
