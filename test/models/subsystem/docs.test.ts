import { describe, expect, it } from 'vitest';
import { runDocExamples } from '../../support/doc-examples';

// docs/architecture.md: the public API example and the worked Subsystem example run, and
// print what their comments say.
describe('docs/architecture.md', () => {
  it('every example runs and prints what its comments say', async () => {
    const runs = await runDocExamples('docs/architecture.md');
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      if (run.expected.length > 0) expect({ name: run.name, printed: run.printed }).toEqual({ name: run.name, printed: run.expected });
    }
  }, 120_000);
});
