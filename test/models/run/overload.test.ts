import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import { loadScenario } from '../../../planner/scenario-file';

describe('scenarios/overload.yaml (one replica at 200% load for 30 minutes)', () => {
  it('runs to the end: throughput at capacity, half the requests still queued, both warnings', () => {
    const result = runScenario(loadScenario(readFileSync('scenarios/overload.yaml', 'utf8'), 'scenarios/overload.yaml'));
    const { requests, inFlight, throughputPerSec, nodes } = result.summary;
    expect(throughputPerSec).toBeGreaterThan(97);
    expect(throughputPerSec).toBeLessThan(103);
    // About 180,000 requests (100/s × 1,800 s) waiting at the end.
    expect(inFlight).toBeGreaterThan(170_000);
    expect(requests.sent).toBe(requests.completed + requests.failed + inFlight);
    expect(nodes['api-0']!.utilization).toBeGreaterThan(0.999);
    expect(result.warnings.map((w) => w.kind)).toEqual(['overload', 'backlog']);
    // A request's wait grows with the queue: the last windows' p99 is near the run's length.
    const last = result.timeseries.points.at(-1)!;
    expect(last.p99Ms!).toBeGreaterThan(800_000);
  }, 60_000);
});
