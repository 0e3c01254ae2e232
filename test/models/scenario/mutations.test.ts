import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../models/scenario/errors';
import { loadScenario } from '../../../planner/scenario-file';

// Whatever a user types into a scenario, the loader answers with a scenario or a
// ScenarioError (file:line:column messages): never another exception, never a hang or an
// out-of-memory on a typo like `replicas: 1e9`.
const files = [...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`), 'scenarios/ci/lb-regression.yaml'];
const texts = files.map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n') }));
const VALUES = ['0', '-1', '1e9', '1e300', 'null', '[]', '{}', 'abc', '10ms', '100%', '2/s', '1.5', 'true', '~', '"', '.nan', '.inf', '-5s', '0/s', '1KiB', '[1, 2]', '{ dist: pareto }', '*x', '&a b'];

describe('the scenario loader under mutation', () => {
  it('answers every one-line change of a shipped scenario with a scenario or a ScenarioError', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.constantFrom(...VALUES), fc.boolean(), (f, at, value, remove) => {
        const { file, lines } = texts[f]!;
        const changed = [...lines];
        const i = at % changed.length;
        const key = /^(\s*-?\s*[\w-]+:\s*)/.exec(changed[i]!);
        if (remove) changed.splice(i, 1);
        else changed[i] = key === null ? value : key[1] + value;
        try {
          loadScenario(changed.join('\n'), file);
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
        }
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
