import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meshsim } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'meshsim-plan-'));
// M/M/c with λ = 40/s and mean service 100 ms: Erlang C says 6 cores keep the mean wait under 50 ms.
const MMC = join(tmp, 'mmc-plan.yaml');
writeFileSync(
  MMC,
  `name: mmc-plan
seed: 1
duration: 200s
warmup: 10s
replications: 3
network: { latency: 0ms }
services:
  api: { replicas: 1, cores: 1, serviceTime: { dist: exponential, mean: 100ms } }
clients:
  load: { target: api, arrival: { process: poisson, rate: 40/s }, balancer: { policy: random } }
`,
);

describe('meshsim plan', () => {
  it('finds the Erlang C answer on M/M/c and prints the v1 JSON', () => {
    const r = meshsim('plan', MMC, '--slo', 'wait<50ms', '--vary', 'services.api.cores=1..64', '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      schema: 'meshsim.plan/v1',
      slo: ['wait < 50ms'],
      vary: { 'services.api.cores': [1, 64] },
      answer: { 'services.api.cores': 6 },
      analytic: { 'services.api.cores': 6 },
      verified: true,
      cost: null,
    });
    expect(report.probes.map((p: { values: object; met: boolean }) => [p.values, p.met])).toEqual([
      [{ 'services.api.cores': 6 }, true],
      [{ 'services.api.cores': 5 }, false],
    ]);
    expect(report.probes[0].summary).toHaveProperty('latencyMs');
  });

  it('prints the answer beside the analytic one, and the probes', () => {
    const r = meshsim('plan', MMC, '--slo', 'wait<50ms', '--slo', 'errorRate<0.1%', '--vary', 'services.api.cores=1..64', '--workers', '1');
    expect(r.stdout).toContain('SLOs (upper 95% confidence bound): wait < 50ms, errorRate < 0.1%');
    expect(r.stdout).toContain('answer: services.api.cores = 6 (simulated; services.api.cores = 5 fails)');
    expect(r.stdout).toContain('analytic: services.api.cores = 6 (M/M/c, Erlang C, service api) · agrees');
    expect(r.stdout).toMatch(/\n {2}2\s+5\s+no\s+✗ [\d.]+\s+✓ 0\.000\n/);
  });

  it('reads the SLOs from the scenario and sizes its only service by default (plan-replicas.yaml)', () => {
    const r = meshsim('plan', 'scenarios/plan-replicas.yaml', '--duration', '15s', '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.slo).toEqual(['p99 < 100ms']);
    expect(report.vary).toEqual({ 'services.api.replicas': [1, 1024] });
    expect(report.analytic).toEqual({ 'services.api.replicas': 14 });
    expect(report.answer['services.api.replicas']).toBeGreaterThanOrEqual(13);
    expect(report.answer['services.api.replicas']).toBeLessThanOrEqual(16);
    expect(report.probes.length).toBeLessThanOrEqual(6);
  });

  it('bad input is one line with a hint and exit code 2', () => {
    const cases: [string[], string][] = [
      [['plan', MMC, '--slo', 'p98<1ms', '--vary', 'services.api.cores=1..8'], 'meshsim: --slo "p98<1ms": unknown metric "p98" (hint: did you mean "p90"?)\n'],
      [['plan', MMC, '--slo', 'p99<100', '--vary', 'services.api.cores=1..8'], 'meshsim: --slo "p99<100": p99 needs a duration with units (us, ms, s, m, h), got "100" (hint: write units, e.g. 100ms or 100s)\n'],
      [['plan', MMC, '--vary', 'services.api.cores=1..8'], 'meshsim: plan: no SLO to plan for (hint: add --slo "p99<100ms" or an slo: block to the scenario)\n'],
      [['plan', MMC, '--slo', 'p99<1s', '--vary', 'services.api.cores=2,4'], 'meshsim: plan: no range to search: services.api.cores lists values to compare, not a range to search (hint: fix it to one value (--vary services.api.cores=…) and give a range, e.g. --vary services.api.replicas=1..32; or use meshsim compare)\n'],
      [['plan', MMC, '--slo', 'p99<1s', '--load', 'fast'], 'meshsim: --load: expected a rate or a range of rates LO..HI, got "fast" (hint: e.g. --load 5000/s or --load 100/s..5000/s)\n'],
      [['plan', MMC, '--slo', 'p99<1s', '--vary', 'services.api.cores=1..8', '--cost', '3 +'], 'meshsim: --cost "3 +": Unexpected end of expression (char 4) (hint: e.g. --cost "services.api.replicas * services.api.cores * 0.045")\n'],
      [
        ['plan', MMC, '--slo', 'p99<1s', '--vary', 'services.api.cores=1..8', '--cost', 'services.web.cores'],
        'meshsim: --cost "services.web.cores": services.web is not in the scenario (hint: services has api)\n',
      ],
      [
        ['plan', MMC, '--slo', 'p99<1s', '--vary', 'services.api.cores=1..8', '--cost', 'services.api.core * 2'],
        'meshsim: --cost "services.api.core * 2": services.api.core is not in the scenario (hint: did you mean services.api.cores?)\n',
      ],
    ];
    for (const [args, message] of cases) {
      const r = meshsim(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
    }
  });

  it('help shows every option with its default and examples', () => {
    const help = meshsim('plan', '--help').stdout;
    for (const option of ['--slo', '--vary', '--load', '--cost', '--workers', '--seed', '--replications', '--duration', '--format', '--out', '--quiet']) expect(help).toContain(option);
    expect(help).toContain('Examples:');
    expect(help).toMatch(/\(default: the\s+scenario's slo: block\)/);
  });
});
