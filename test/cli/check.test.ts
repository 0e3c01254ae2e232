import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'meshsim-check-'));

/** Runs the built CLI with $GITHUB_STEP_SUMMARY set as given ('' when the test does not want one). */
function check(args: string[], summary = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/meshsim.mjs', 'check', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LB = readFileSync('scenarios/ci/lb-regression.yaml', 'utf8');
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
/** The regression scenario with other slo: and expect: blocks. */
const variantOf = (name: string, blocks: string) => write(name, LB.replace(/^slo:[\s\S]*$/m, blocks));

describe('meshsim check', () => {
  it('exit code 0 when every SLO and expectation holds (lb-regression.yaml)', () => {
    const r = check(['scenarios/ci/lb-regression.yaml']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('meshsim check · 1 file(s) · all 6 assertion(s) hold');
    expect(r.stdout).toContain('scenarios/ci/lb-regression.yaml · lb-regression · 2 variants × 5 replication(s) × 2m');
    expect(r.stdout).toMatch(/\n {2}✓ expect least-request\.p99 < random\.p99: [\d.]+ ms vs [\d.]+ ms, difference −[\d.]+ ms, 95% CI \[−[\d.]+ ms, −[\d.]+ ms\]\n/);
    expect(r.stdout).toMatch(/\n {2}✓ slo p50 < 50ms \[random\]: upper 95% bound [\d.]+ ms < 50ms \(mean [\d.]+ ms, 5 replications\)\n/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('OK: all 6 assertion(s) hold');
  });

  it('exit code 1 when one fails, with the reason on each failing line', () => {
    const file = variantOf('failing.yaml', 'slo: [p99 < 10ms]\nexpect:\n  - random.p99 < least-request.p99\n  - least-request.p50 <= random.p50\n');
    const r = check([file, '--duration', '30s', '--replications', '3']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\n {2}✗ slo p99 < 10ms \[random\]: upper 95% bound [\d.,]+ ms is not < 10ms \(mean [\d.,]+ ms, 3 replications\)\n/);
    expect(r.stdout).toMatch(/\n {2}✗ expect random\.p99 < least-request\.p99: [\d.,]+ ms vs [\d.,]+ ms, difference \+[\d.,]+ ms, 95% CI \[.*\] — not significantly lower\n/);
    expect(r.stdout).toMatch(/\n {2}✓ expect least-request\.p50 <= random\.p50: /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('FAILED: 3 of 4 assertion(s) failed');
  });

  it('exit code 2 on bad input, before running anything', () => {
    const cases: [string[], string][] = [
      [[variantOf('grammar.yaml', 'slo: [p98 < 10ms]\n')], `${join(tmp, 'grammar.yaml')}:36:7  slo.0: unknown metric "p98" (hint: did you mean "p90"?)\n`],
      [
        [variantOf('ref.yaml', 'expect: [leastrequest.p99 < random.p99]\n')],
        'meshsim: expect "leastrequest.p99 < random.p99": no variant "leastrequest" (hint: variants: random, least-request)\n',
      ],
      [[variantOf('empty.yaml', '')], `meshsim: check: ${join(tmp, 'empty.yaml')} has nothing to check (no slo: or expect: block) (hint: add e.g. slo: ["p99 < 100ms"]; see docs/planner.md)\n`],
      [['nope.yaml'], 'meshsim: no such file: nope.yaml (hint: the scenarios that ship are in scenarios/, e.g. scenarios/quickstart.yaml)\n'],
      [[variantOf('recovery.yaml', 'slo: [recovery.3.p99 < 10s]\n')], `${join(tmp, 'recovery.yaml')}:36:7  slo.0: recovery.3.p99 < 10s: no fault 3; the scenario has 1 (hint: use an index from 0 to 0)\n`],
    ];
    for (const [args, message] of cases) {
      const r = check(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('prints Markdown with --format md and appends it to $GITHUB_STEP_SUMMARY', () => {
    const summary = join(tmp, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = check(['scenarios/ci/lb-regression.yaml', '--format', 'md', '--duration', '30s'], summary);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '### meshsim check: ✅ all 6 assertion(s) hold',
      '',
      '**scenarios/ci/lb-regression.yaml** (lb-regression): 2 variants × 5 replication(s) × 30s',
      '',
      '| | assertion | variant | result |',
    ]);
    expect(r.stdout).toMatch(/\n\| ✅ \| `least-request\.p99 < random\.p99` \| {2}\| [\d.]+ ms vs /);
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${r.stdout}`);
    const table = check(['scenarios/ci/lb-regression.yaml', '--duration', '30s'], summary);
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${r.stdout}${r.stdout}`); // Markdown whatever --format
    expect(table.stdout).toContain('OK: all 6 assertion(s) hold');
  });

  it('prints the v1 JSON', () => {
    const report = JSON.parse(check(['scenarios/ci/lb-regression.yaml', '--format', 'json', '--duration', '30s']).stdout);
    expect(report).toMatchObject({ schema: 'meshsim.check/v1', ok: true, passed: 6, failed: 0 });
    const file = report.files[0];
    expect(file.variants.map((v: { label: string }) => v.label)).toEqual(['random', 'least-request']);
    expect(file.assertions[0]).toMatchObject({ kind: 'slo', variant: 'random', text: 'errorRate < 0.1%', ok: true, bound: 0.001 });
    expect(file.assertions[4]).toMatchObject({ kind: 'expect', text: 'least-request.p99 < random.p99', ok: true });
    expect(file.assertions[4].ci[1]).toBeLessThan(0);
  });
});
