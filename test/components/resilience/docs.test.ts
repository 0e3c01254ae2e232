import { describe, expect, it } from 'vitest';
import { runDocExamples } from '../../support/doc-examples';

describe('docs/components/resilience.md', () => {
  it('every example runs and prints what its comments say', async () => {
    const runs = await runDocExamples('docs/components/resilience.md');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect({ name: run.name, printed: run.printed }).toEqual({ name: run.name, printed: run.expected });
  });
});
