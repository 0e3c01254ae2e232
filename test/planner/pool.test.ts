import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../planner/pool';
import type { UnitRequest } from '../../planner/run-unit';

const text = readFileSync('scenarios/ci/lb-regression.yaml', 'utf8');
const requests: UnitRequest[] = [0, 1, 2].flatMap((replication) =>
  ['random', 'least-request'].map((policy) => ({
    text,
    file: 'lb-regression.yaml',
    overrides: [{ path: 'clients.web.balancer.policy', value: policy }],
    settings: { durationMs: 15_000 },
    replication,
  })),
);

describe('unit pool', () => {
  it('worker threads return the same results, in request order, as the calling thread', async () => {
    const inThread = createRunner(1);
    const pool = createRunner(2);
    const progress: number[] = [];
    try {
      const expected = await inThread.run(requests);
      const got = await pool.run(requests, (done) => progress.push(done));
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
      expect(got.map((r) => r.seed)).toEqual([1, 1, 2, 2, 3, 3]);
      expect(progress.at(-1)).toBe(6);
      // A second batch reuses the threads.
      expect(JSON.stringify(await pool.run(requests.slice(0, 1)))).toBe(JSON.stringify(expected.slice(0, 1)));
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('reports a failing unit as an error', async () => {
    const pool = createRunner(2);
    try {
      await expect(pool.run([{ ...requests[0]!, text: 'name: [' }])).rejects.toThrow(/YAML syntax error/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
