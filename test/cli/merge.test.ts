import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'meshsim-merge-'));
const LB = 'scenarios/ci/lb-regression.yaml';
const SHORT = ['--duration', '15s', '--replications', '3'];

function meshsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/meshsim.mjs', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sharding and merge', () => {
  it('the merge of 3 shards equals the unsharded JSON byte for byte', () => {
    const whole = meshsim('compare', LB, ...SHORT, '--format', 'json');
    expect(whole.status).toBe(0);
    const parts = [0, 1, 2].map((i) => {
      const out = join(tmp, `part-${i}.json`);
      const r = meshsim('compare', LB, ...SHORT, '--format', 'json', '--shard', `${i}/3`, '--out', out, '--workers', '1');
      expect(r.status).toBe(0);
      return out;
    });
    expect(JSON.parse(readFileSync(parts[1]!, 'utf8'))).toMatchObject({ schema: 'meshsim.partial/v1', shard: { index: 1, count: 3 }, unitCount: 6 });
    const merged = meshsim('merge', parts[2]!, parts[0]!, parts[1]!);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(meshsim('merge', ...parts, '--format', 'md').stdout).toContain('### meshsim compare: lb-regression');
  });

  it('results are identical with 1 and 2 workers', () => {
    const one = meshsim('compare', LB, ...SHORT, '--format', 'json', '--workers', '1');
    const two = meshsim('compare', LB, ...SHORT, '--format', 'json', '--workers', '2');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('a merged check prints and exits as the unsharded check does', () => {
    const file = join(tmp, 'failing.yaml');
    writeFileSync(file, readFileSync(LB, 'utf8').replace('p50 < 50ms', 'p50 < 1ms'));
    const whole = meshsim('check', file, ...SHORT);
    expect(whole.status).toBe(1);
    const parts = [0, 1].map((i) => {
      const out = join(tmp, `check-${i}.json`);
      expect(meshsim('check', file, ...SHORT, '--shard', `${i}/2`, '--out', out).status).toBe(0);
      return out;
    });
    const merged = meshsim('merge', ...parts);
    expect(merged.status).toBe(1);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('refuses incomplete or foreign parts with exit code 2', () => {
    const a = join(tmp, 'a.json');
    meshsim('compare', LB, ...SHORT, '--shard', '0/2', '--out', a);
    const other = join(tmp, 'other.json');
    expect(meshsim('compare', LB, '--duration', '12s', '--replications', '3', '--shard', '1/2', '--out', other).status).toBe(0);
    expect(meshsim('merge', a).stderr).toBe('meshsim: merge: missing shard(s) 1 of 2 (hint: pass every part, e.g. parts/*.json)\n');
    expect(meshsim('merge', a, other).stderr).toBe(
      `meshsim: merge: ${other} is a part of another run than ${a} (hint: merge the parts of one command (same files, --vary and settings))\n`,
    );
    const notPartial = join(tmp, 'result.json');
    writeFileSync(notPartial, meshsim('run', LB, '--duration', '15s', '--replications', '1', '--format', 'json').stdout);
    const r = meshsim('merge', notPartial);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`meshsim: ${notPartial}: not a partial result (schema "meshsim.result/v1", expected "meshsim.partial/v1") (hint: pass the files written by --shard i/N)\n`);
  });

  it('k8s-job prints a ConfigMap and an Indexed Job running one shard per pod', () => {
    const r = meshsim('k8s-job', LB, '--shards', '4', '--replications', '16');
    expect(r.status).toBe(0);
    const [configMap, job] = parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(configMap.data['scenario.yaml']).toBe(readFileSync(LB, 'utf8'));
    expect(job).toMatchObject({ kind: 'Job', metadata: { name: 'meshsim-lb-regression' }, spec: { completionMode: 'Indexed', completions: 4, parallelism: 4 } });
    expect(job.spec.template.spec.containers[0].command[2]).toBe(
      'exec meshsim compare /scenario/scenario.yaml --replications 16 --workers 1 --quiet --format json --shard "$JOB_COMPLETION_INDEX/4"',
    );
    expect(meshsim('k8s-job', LB).stderr).toBe("meshsim: required option '--shards <n>' not specified (hint: meshsim k8s-job --help)\n");
  });
});
