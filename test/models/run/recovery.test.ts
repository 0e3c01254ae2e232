import { describe, expect, it } from 'vitest';
import type { FaultInterval } from '../../../models/subsystem/fault-interval';
import { recoveries } from '../../../models/run/recovery';
import type { WindowPoint } from '../../../models/run/time-series';

const W = 1000;

/** One window per entry: [p99 ms, failed], 100 requests each. */
function series(windows: readonly (readonly [number | null, number])[]): WindowPoint[] {
  return windows.map(([p99, failed], i) => ({ tMs: i * W, sent: 100, completed: 100 - failed, failed, p50Ms: p99 === null ? null : p99 / 2, p99Ms: p99 }));
}

const fault = (startMs: number, endMs: number): FaultInterval => ({ kind: 'crash', startMs, endMs, targets: ['api-0'] }) as FaultInterval;

describe('recoveries', () => {
  it('measures from the fault start to the end of the first window of three healthy ones', () => {
    // Healthy 0–4 s, the fault 4–6 s (p99 and errors up), healthy again from 7 s.
    const points = series([[10, 0], [10, 0], [11, 0], [10, 0], [50, 30], [60, 40], [30, 0], [10, 0], [10, 0], [11, 0], [10, 0]]);
    const [r] = recoveries([fault(4000, 6000)], points, W, 0);
    expect(r!.baseline).toEqual({ p99Ms: 11, errorRate: 0 });
    expect(r!.errorRateRecoveryMs).toBe(3000); // window 6 s (errors 0) ends at 7 s
    expect(r!.p99RecoveryMs).toBe(4000); // window 7 s ends at 8 s
  });

  it('says never (null) for a metric that does not settle', () => {
    const points = series([[10, 0], [10, 0], [10, 0], [50, 30], [50, 30], [50, 30], [50, 30], [50, 30]]);
    const [r] = recoveries([fault(3000, 4000)], points, W, 0);
    expect(r!.baseline).not.toBeNull();
    expect(r!.p99RecoveryMs).toBeNull();
    expect(r!.errorRateRecoveryMs).toBeNull();
  });

  it('has no baseline for a fault that starts before a whole window after the warm-up', () => {
    const points = series([[10, 0], [50, 30], [50, 30], [10, 0], [10, 0], [10, 0]]);
    for (const startMs of [0, 1000, 1500]) {
      const [r] = recoveries([fault(startMs, 3000)], points, W, 1000);
      expect(r).toMatchObject({ baseline: null, p99RecoveryMs: null, errorRateRecoveryMs: null });
    }
    expect(recoveries([fault(2000, 3000)], points, W, 1000)[0]!.baseline).not.toBeNull();
  });
});

describe('a fault the run ends in', () => {
  it('is marked ongoing, so "not back" reads as "run ended during it", not "never"', () => {
    const points = series([[10, 0], [10, 0], [11, 0], [10, 0], [50, 30], [60, 40]]);
    const [inside] = recoveries([fault(4000, 6000)], points, W, 0, 6000);
    expect(inside!.ongoing).toBe(true);
    expect(inside!.errorRateRecoveryMs).toBeNull();
    const [over] = recoveries([fault(4000, 5000)], points, W, 0, 6000);
    expect(over!.ongoing).toBe(false);
    // An event (add-node) has no length: never ongoing.
    expect(recoveries([fault(6000, 6000)], points, W, 0, 6000)[0]!.ongoing).toBe(false);
  });
});
