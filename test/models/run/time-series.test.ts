import { describe, expect, it } from 'vitest';
import { TimeSeries, windowWidthMs } from '../../../models/run/time-series';

describe('TimeSeries', () => {
  it('closes whole windows as time passes, and the partial last one at the end', () => {
    const series = new TimeSeries(1000);
    series.requestEnded(500, true, 10);
    series.requestEnded(1500, true, 20);
    series.requestEnded(2200, false, 0);
    series.finish(2500);
    expect(series.points.map((p) => [p.tMs, p.completed, p.failed])).toEqual([[0, 1, 0], [1000, 1, 0], [2000, 0, 1]]);
  });

  it('adds no empty window when the run ends on a window boundary', () => {
    const series = new TimeSeries(1000);
    series.requestSent(10);
    series.finish(2000);
    expect(series.points.map((p) => p.tMs)).toEqual([0, 1000]);
  });

  it('gives the time a window covers, so a rate over the last one is not diluted', () => {
    const point = { tMs: 2000, sent: 0, completed: 40, failed: 0, p50Ms: 1, p99Ms: 2 };
    expect(windowWidthMs(point, 1000, 2500)).toBe(500);
    expect(windowWidthMs(point, 1000, 9000)).toBe(1000);
  });
});
