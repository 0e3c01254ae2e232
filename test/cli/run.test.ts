import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meshsim } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'meshsim-cli-'));

describe('meshsim run', () => {
  it('prints the table for the quickstart, with the crash visible in the time series', () => {
    const r = meshsim('run', 'scenarios/quickstart.yaml', '--duration', '40s', '--replications', '2');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(r.stdout).toContain('meshsim run · quickstart · seed 1 · 2 replications');
    expect(r.stdout).toMatch(/latency at the client/);
    expect(r.stdout).toMatch(/api-0\s+\d+\.\d%/);
    expect(r.stdout).toContain('⚡ fault');
  });

  it('writes byte-identical JSON for the same seed, with the v1 keys', () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    expect(meshsim('run', 'scenarios/quickstart.yaml', '--duration', '30s', '--format', 'json', '--out', a).status).toBe(0);
    expect(meshsim('run', 'scenarios/quickstart.yaml', '--duration', '30s', '--format', 'json', '--out', b).status).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(text);
    const result = JSON.parse(text);
    expect(result.schema).toBe('meshsim.result/v1');
    expect(Object.keys(result.summary.requests)).toEqual(['sent', 'completed', 'failed', 'timedOut', 'rejected']);
    expect(Object.keys(result.summary.latencyMs)).toEqual(['mean', 'p50', 'p90', 'p99', 'p999', 'max']);
    expect(result.summary.ci95.latencyMeanMs).toHaveLength(2);
    expect(result.summary.ci95.p99Ms).toHaveLength(2);
    expect(Object.keys(result.summary.nodes['api-0'])).toEqual(expect.arrayContaining(['utilization', 'meanQueueLength', 'completed']));
    expect(result.summary.services.api.latencyMs).toHaveProperty('p99');
    expect(result.replicationResults[0]).toHaveProperty('seed', 1);
    expect(result.timeseries.windowMs).toBe(1000);
    expect(result.timeseries.points[0]).toEqual(expect.objectContaining({ tMs: 0, completed: expect.any(Number), failed: 0 }));
  });

  it('--seed changes the result; csv and md render', () => {
    const a = meshsim('run', 'scenarios/quickstart.yaml', '--duration', '10s', '--replications', '1', '--format', 'csv');
    const b = meshsim('run', 'scenarios/quickstart.yaml', '--duration', '10s', '--replications', '1', '--format', 'csv', '--seed', '2');
    expect(a.status).toBe(0);
    // The quickstart's crash at 20 s is past a 10 s run: said, not silently dropped.
    expect(a.stderr).toBe('meshsim: note: fault 0 (crash at 20s) starts after the run ends (10s), so it does not happen\n');
    expect(a.stdout.split('\n')[0]).toBe('replication,seed,sent,completed,failed,timedOut,rejected,throughputPerSec,latencyMeanMs,p50Ms,p90Ms,p99Ms,p999Ms,maxMs,inFlight');
    expect(a.stdout).not.toBe(b.stdout);
    const md = meshsim('run', 'scenarios/quickstart.yaml', '--duration', '25s', '--replications', '1', '--format', 'md');
    expect(md.stdout).toContain('|  | mean | p50 | p90 | p99 | p99.9 | max |');
    // The same sections as the table, faults and recovery included.
    expect(md.stdout).toContain('**faults, and recovery:');
    expect(md.stdout).toMatch(/\n\| crash \| 20s \| 25s \| api-1 \| /);
    // The crash lasts until the run ends: not "never" recovered, there was no after.
    expect(md.stdout).toMatch(/\| api-1 \| [^|]+ \| run ended \| - \|/);
    expect(md.stdout).toContain('run ended: the run ended during the fault');
  });

  it('bad options are one line with a hint and exit code 2', () => {
    const cases: [string[], string][] = [
      [['run', 'nope.yaml'], 'meshsim: no such file: nope.yaml (hint: the scenarios that ship are in scenarios/, e.g. scenarios/quickstart.yaml)\n'],
      [['run', 'scenarios/mm1.yaml', '--format', 'xml'], 'meshsim: --format: expected one of table, json, csv, md, got "xml" (hint: --format json)\n'],
      [['run', 'scenarios/mm1.yaml', '--duration', '10'], 'meshsim: --duration: expected a positive duration with units, got "10" (hint: e.g. --duration 60s)\n'],
      [['run', 'scenarios/mm1.yaml', '--replications', '0'], 'meshsim: --replications: expected an integer from 1 to 1,000, got "0" (hint: e.g. --replications 8)\n'],
    ];
    for (const [args, message] of cases) {
      const r = meshsim(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('values past the limits are one line saying the limit and why, exit code 2, before anything runs', () => {
    const seedHint = '(hint: larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed)';
    const cases: [string[], string][] = [
      [['--seed', '99999999999999999999'], `meshsim: --seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got "99999999999999999999" ${seedHint}\n`],
      [['--seed', '9007199254740993'], `meshsim: --seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got "9007199254740993" ${seedHint}\n`],
      [['--seed', '9007199254740991', '--replications', '2'], `meshsim: --seed 9007199254740991 --replications 2: replications would use seeds 9007199254740991 to 9007199254740991 + 1, past 9007199254740991 (2^53 − 1) ${seedHint}\n`],
      [['--replications', '1000000000'], 'meshsim: --replications: expected an integer from 1 to 1,000, got "1000000000" (hint: 1,000 replications is the limit: intervals narrow as 1/√n, and every replication is kept in memory until the run ends)\n'],
      [['--duration', '99999999999999999999h'], 'meshsim: --duration: expected a duration up to 720h (30 days), got "99999999999999999999h" (hint: 720h (30 days) is the longest duration: a month covers daily and weekly cycles, and the clock stays finer than a nanosecond)\n'],
      [['--vary', 'clients.web.arrival.rate=999999999999999999999/s'], 'scenarios/quickstart.yaml:25:34  clients.web.arrival.rate: expected a rate up to 10,000,000/s, got "999999999999999999999/s" (set by override clients.web.arrival.rate=999999999999999999999/s) (hint: 10,000,000/s is the highest rate: one simulated second at that rate is 10 million requests, 5 to 30 s of CPU)\n'],
    ];
    for (const [args, message] of cases) {
      const r = meshsim('run', 'scenarios/quickstart.yaml', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('a file of two documents, or nested 100,000 deep, is one located line, never a stack trace', () => {
    const twoDocs = join(tmp, 'two.yaml');
    writeFileSync(twoDocs, `${readFileSync('scenarios/mm1.yaml', 'utf8')}---\nname: second\n`);
    const lines = readFileSync('scenarios/mm1.yaml', 'utf8').split('\n').length;
    expect(meshsim('validate', twoDocs)).toEqual({
      status: 2,
      stdout: '',
      stderr: `${twoDocs}:${lines}:1  one YAML document per scenario file: a second document starts here (hint: a scenario file holds one YAML document; split it into two files, or remove this "---")\n1 of 1 file(s) invalid\n`,
    });
    const deep = join(tmp, 'deep.yaml');
    writeFileSync(deep, `name: ${'['.repeat(100_000)}\n`);
    const r = meshsim('run', deep);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${deep}:1:70  name: nesting too deep (limit 64) (hint: no scenario field is nested more than 6 levels deep, and deeper nesting would overflow the parser)\n`);
  });

  it('a malformed scenario gives file:line:column and exit code 2, never a stack trace', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'name: bad\nseed: 1\nduration: 10s\nnetwork: { latency: 0ms }\nservices:\n  srv:\n    replica: 2\n    serviceTime: 1ms\nclients:\n  c: { target: srv, arrival: { process: poisson, rate: 1/s } }\n');
    const r = meshsim('run', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${file}:7:5  services.srv.replica: unknown key "replica" (hint: did you mean "replicas"?)\n`);
    expect(r.stderr).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
  });
});

describe('meshsim validate, schema, help, version', () => {
  it('validate reports ok per file, and problems with exit code 2', () => {
    const ok = meshsim('validate', 'scenarios/quickstart.yaml', 'scenarios/mm1.yaml');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('ok  scenarios/quickstart.yaml (quickstart)\nok  scenarios/mm1.yaml (mm1)\n');
    const file = join(tmp, 'bad2.yaml');
    writeFileSync(file, 'name: x\nduration: 10s\nservices: {}\n');
    const bad = meshsim('validate', 'scenarios/mm1.yaml', file);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('1 of 2 file(s) invalid');
    // A missing file is one more problem; the files after it are still checked. --quiet prints problems only.
    const quiet = meshsim('validate', '--quiet', 'nope.yaml', 'scenarios/mm1.yaml', file);
    expect(quiet.status).toBe(2);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/^meshsim: no such file: nope\.yaml \(hint: [^\n]+\)\n[^\n]*bad2\.yaml:/);
    expect(quiet.stderr).toContain('2 of 3 file(s) invalid');
  });

  it('schema prints the committed JSON Schema', () => {
    const r = meshsim('schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync('scenarios/schema.json', 'utf8'));
  });

  it('help lists every command with a purpose, and the exit codes', () => {
    const r = meshsim('--help');
    expect(r.status).toBe(0);
    for (const command of ['run', 'validate', 'schema']) expect(r.stdout).toMatch(new RegExp(`\\n  ${command}\\b.*\\s{2,}\\S`));
    expect(r.stdout).toContain('Exit codes: 0 success');
    const run = meshsim('run', '--help');
    expect(run.stdout).toContain('(default: table)');
    expect(run.stdout).toContain('Examples:');
  });

  it('--version prints the package version', () => {
    const r = meshsim('--version');
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
