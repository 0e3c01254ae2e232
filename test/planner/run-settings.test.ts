import { describe, expect, it } from 'vitest';
import { PlannerError } from '../../planner/planner-error';
import { withSettings } from '../../planner/run-settings';
import { client, scenario } from '../support/scenario';

// A variant that raises the rate (--vary) passes the loader, and a --duration passes alone;
// together they may make a run far over the limit, which must not start.
const fast = scenario({ durationMs: 60_000, clients: { load: client({ arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: 1e6 }] } }) } });

describe('withSettings', () => {
  it('applies the settings', () => {
    expect(withSettings(fast, { seed: 5, replications: 3, durationMs: 1000 })).toMatchObject({ seed: 5, replications: 3, durationMs: 1000 });
  });

  it('refuses settings that make a run over the limits, naming the flags', () => {
    expect(() => withSettings(fast, { durationMs: 720 * 3_600_000 })).toThrow(PlannerError);
    expect(() => withSettings(fast, { durationMs: 720 * 3_600_000 })).toThrow('test with --duration: the run would simulate about 2.6e12 requests');
    expect(() => withSettings(fast, { seed: Number.MAX_SAFE_INTEGER, replications: 2 })).toThrow('test with --seed, --replications: replications would use seeds');
  });
});
