import { describe, expect, it } from 'vitest';
import { runDocExamples } from '../support/doc-examples';

// The component pages without a folder test of their own: their examples import through
// 'meshsim/components', as a user's code does; an example with `// →` comments prints what
// they say, one without only has to run (a declaration block, a sketch).
// (ring.md's example is checked against its output block by ring/ring-docs.test.ts.)
describe.each([
  ['docs/components/btree.md', 'json'],
  ['docs/components/proxy.md', 'text'],
] as const)('%s', (doc, printAs) => {
  it('every example runs and prints what its comments say', async () => {
    const runs = await runDocExamples(doc, { printAs });
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      if (run.expected.length > 0) expect({ name: run.name, printed: run.printed }).toEqual({ name: run.name, printed: run.expected });
    }
  });
});
