import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors';
import { applyRunFlags } from '../../cli/run-flags';
import type { RunFlags } from '../../cli/run-options';
import { loadScenario } from '../../planner/scenario-file';

const quickstart = loadScenario(readFileSync('scenarios/quickstart.yaml', 'utf8'), 'scenarios/quickstart.yaml');

/** The one-line error of applying `flags` to the quickstart. */
function errorOf(flags: Partial<RunFlags>): string {
  try {
    applyRunFlags(quickstart, { format: 'table', ...flags });
  } catch (error) {
    if (error instanceof UsageError) return error.format();
    throw error;
  }
  throw new Error('expected a UsageError, but the flags applied');
}

const apply = (flags: Partial<RunFlags>) => applyRunFlags(quickstart, { format: 'table', ...flags });

describe('applyRunFlags', () => {
  it('applies seeds up to 2^53 − 1 exactly', () => {
    expect(apply({ seed: '0' }).seed).toBe(0);
    expect(apply({ seed: '9007199254740988' }).seed).toBe(9007199254740988);
  });

  it('refuses seeds that are not safe integers, or whose digits would not read back', () => {
    const tooBig = 'larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed';
    expect(errorOf({ seed: '99999999999999999999' })).toBe(`meshsim: --seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got "99999999999999999999" (hint: ${tooBig})`);
    expect(errorOf({ seed: '9007199254740993' })).toBe(`meshsim: --seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got "9007199254740993" (hint: ${tooBig})`);
    for (const seed of ['1.5', '-1', '1e3', '0x10', ' 7', '']) {
      expect(errorOf({ seed })).toBe(`meshsim: --seed: expected an integer from 0 to 9007199254740991 (2^53 − 1), got "${seed}" (hint: e.g. --seed 7)`);
    }
  });

  it('refuses a seed whose replications would pass 2^53 − 1 (the quickstart runs 4)', () => {
    expect(apply({ seed: '9007199254740988' }).replications).toBe(4);
    expect(errorOf({ seed: '9007199254740989' })).toBe(
      'meshsim: --seed 9007199254740989: replications would use seeds 9007199254740989 to 9007199254740989 + 3, past 9007199254740991 (2^53 − 1) (hint: larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed)',
    );
  });

  it('bounds --replications at 1,000, saying why', () => {
    expect(apply({ replications: '1000' }).replications).toBe(1000);
    expect(errorOf({ replications: '1000000000' })).toBe(
      'meshsim: --replications: expected an integer from 1 to 1,000, got "1000000000" (hint: 1,000 replications is the limit: intervals narrow as 1/√n, and every replication is kept in memory until the run ends)',
    );
    expect(errorOf({ replications: '2.5' })).toBe('meshsim: --replications: expected an integer from 1 to 1,000, got "2.5" (hint: e.g. --replications 8)');
  });

  it('bounds --duration at 720h, saying why', () => {
    expect(apply({ duration: '720h' }).durationMs).toBe(720 * 3_600_000);
    expect(errorOf({ duration: '99999999999999999999h' })).toBe(
      'meshsim: --duration: expected a duration up to 720h (30 days), got "99999999999999999999h" (hint: 720h (30 days) is the longest duration: a month covers daily and weekly cycles, and the clock stays finer than a nanosecond)',
    );
  });

  it('checks the run the flags make: each flag within its bound, their product over the requests limit', () => {
    // The quickstart sends 300/s: 720 h × 1,000 replications is 7.8e11 requests.
    expect(errorOf({ duration: '720h', replications: '1000' })).toBe(
      'meshsim: --replications 1000 --duration 720h: the run would simulate about 7.8e11 requests (rates × duration × 1000 replication(s), with downstream calls), over the limit of 1e10 (hint: 10^10 requests is hours of CPU at 0.3 to 2 million simulated requests per second; shorten duration, lower the rates or run fewer replications)',
    );
  });
});
