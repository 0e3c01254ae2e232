import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meshsim } from '../support/cli';

const LB = 'scenarios/ci/lb-regression.yaml';
const SHORT = ['--duration', '30s', '--replications', '4'];

describe('meshsim compare', () => {
  it('prints the v1 JSON: variants with run summaries, paired differences to the baseline, winners', () => {
    const r = meshsim('compare', LB, ...SHORT, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('meshsim.compare/v1');
    expect(report.baseline).toBe('clients.web.balancer.policy=random');
    expect(report.variants.map((v: { name: string }) => v.name)).toEqual(['clients.web.balancer.policy=random', 'clients.web.balancer.policy=least-request']);
    const [random, lr] = report.variants;
    expect(lr.values).toEqual({ 'clients.web.balancer.policy': 'least-request' });
    const run = JSON.parse(meshsim('run', LB, ...SHORT, '--format', 'json').stdout);
    expect(Object.keys(lr.summary)).toEqual(Object.keys(run.summary));
    expect(random.summary).toEqual(run.summary); // the baseline is the scenario as written, same seeds
    expect(Object.keys(lr.vsBaseline)).toEqual(['throughput', 'errorRate', 'mean', 'p50', 'p99']);
    expect(Object.keys(lr.vsBaseline.p99)).toEqual(['diff', 'ci95', 'pValue', 'significant']);
    expect(lr.vsBaseline.p99.significant).toBe(true);
    expect(lr.vsBaseline.p99.ci95[1]).toBeLessThan(0);
    expect(report.winner.p99).toBe('clients.web.balancer.policy=least-request');
    expect(report.winner.errorRate).toBeNull();
  });

  it('two identical variants differ by exactly 0 (common random numbers) and nobody wins', () => {
    const r = meshsim('compare', LB, ...SHORT, '--vary', 'clients.web.balancer.policy=random,"random"', '--format', 'json', '--metric', 'mean,p99');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.variants[1].vsBaseline.p99).toEqual({ diff: 0, ci95: [0, 0], pValue: 1, significant: false });
    expect(report.winner).toEqual({ mean: null, p99: null });
  });

  it('prints a table with CIs and a winner line per metric, and Markdown for CI', () => {
    const table = meshsim('compare', LB, ...SHORT, '--metric', 'p99,errorRate');
    expect(table.stdout).toContain('meshsim compare · lb-regression · 4 replication(s) × 30s per variant');
    expect(table.stdout).toContain('common random numbers: every variant ran seeds 1–4, so differences are paired');
    expect(table.stdout).toMatch(/least-request\s+−[\d,.]+ \[−[\d,.]+, −[\d,.]+\] better/);
    expect(table.stdout).toMatch(/\n {2}p99: least-request \([\d.]+; −[\d,.]+ vs random, 95% CI/);
    expect(table.stdout).toContain('errorRate: no difference (0.00% in every variant)');
    const md = meshsim('compare', LB, ...SHORT, '--metric', 'p99', '--format', 'md', '--baseline', 'least-request');
    expect(md.stdout).toContain('### meshsim compare: lb-regression');
    expect(md.stdout).toContain('| variant | p99 (ms) |');
    expect(md.stdout).toContain('| least-request (baseline) |');
    expect(md.stdout).toMatch(/\| random \| \*\*\+[\d,.]+ \[\+[\d,.]+, \+[\d,.]+\] worse\*\* \|/);
    const csv = meshsim('compare', LB, ...SHORT, '--metric', 'p99', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('variant,name,metric,mean,ciLow,ciHigh,diff,diffCiLow,diffCiHigh,pValue,significant,winner');
    expect(csv.stdout.split('\n')).toHaveLength(4);
  }, 180_000);

  it('warns that latency covers successful requests when the error rates differ', () => {
    const args = ['--duration', '25s', '--replications', '2', '--metric', 'p99'];
    const differ = meshsim('compare', 'scenarios/lb-policies.yaml', ...args, '--vary', 'clients.web.balancer.policy=round-robin,least-request');
    expect(differ.stdout).toMatch(/\n {2}note: latency covers successful requests only, and the error rates differ \(round-robin \d+\.\d\d%, least-request 0\.00%\): read latency beside the error rate\n/);
    expect(meshsim('compare', LB, ...args).stdout).not.toContain('note: latency covers');
  });

  it('bad input is one line with a hint and exit code 2', () => {
    const cases: [string[], string][] = [
      [['compare', 'scenarios/mm1.yaml'], 'meshsim: compare: scenarios/mm1.yaml has no sweep: block and no --vary was given (hint: e.g. --vary clients.web.balancer.policy=round-robin,least-request)\n'],
      [['compare', 'scenarios/mm1.yaml', '--vary', 'services.srv.cores=2'], 'meshsim: compare: only one variant to compare (hint: give each varied path two or more values)\n'],
      [['compare', LB, '--vary', 'clients.web.balancer.policy'], 'meshsim: --vary "clients.web.balancer.policy": expected PATH=V1,V2,... or PATH=LO..HI (hint: e.g. --vary clients.web.balancer.policy=random,least-request or --vary services.api.replicas=2..8)\n'],
      [['compare', LB, '--baseline', 'leastrequest'], 'meshsim: --baseline: no variant "leastrequest" (hint: variants: random, least-request)\n'],
      [['compare', LB, '--metric', 'p98'], 'meshsim: --metric: unknown metric "p98" (hint: did you mean "p90"?)\n'],
      [['compare', LB, '--alpha', '5'], 'meshsim: --alpha: expected a number between 0 and 0.5, got "5" (hint: e.g. --alpha 0.01)\n'],
      [['compare', LB, '--workers', '0'], 'meshsim: --workers: expected an integer >= 1, got "0" (hint: e.g. --workers 4)\n'],
      [['compare', LB, '--shard', '3/3'], 'meshsim: --shard 3/3: i must be below N (shards are 0 to 2) (hint: e.g. --shard 2/3)\n'],
      [['compare', LB, '--vary', 'clients.web.balancer.policy=random,random'], 'meshsim: the sweep has variant "clients.web.balancer.policy=random" twice (hint: list each value of a path once)\n'],
    ];
    for (const [args, message] of cases) {
      const r = meshsim(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('a variant that does not load is reported at its place in the file, with the override', () => {
    const r = meshsim('compare', LB, '--vary', 'services.api.replicas=2,0');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('scenarios/ci/lb-regression.yaml:23:5  services.api.replicas: expected a positive integer up to 100,000, got 0 (set by override services.api.replicas=0) (hint: replicas: 3)\n');
  });

  it('help shows the purpose, every option with its default, and examples', () => {
    const help = meshsim('compare', '--help').stdout;
    expect(help).toContain('Usage: meshsim compare [options] <file>');
    for (const option of ['--vary', '--baseline', '--metric', '--alpha', '--workers', '--shard', '--seed', '--replications', '--duration', '--format', '--out', '--quiet']) expect(help).toContain(option);
    expect(help).toContain('(default: 0.05)');
    expect(help).toMatch(/\(default: the first\s+variant\)/);
    expect(help).toContain('Examples:');
    expect(readFileSync(LB, 'utf8').startsWith('# yaml-language-server')).toBe(true);
  });
});
