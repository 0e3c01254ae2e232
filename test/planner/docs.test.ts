// The planner blocks shown in docs/planner.md and docs/scenarios.md load, and their
// expectations name variants their sweeps have, so the docs cannot drift from the loader.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../models/scenario/load';
import { checkReferences } from '../../planner/check';
import { variantsOf } from '../../planner/variants';
import { axesFromSweep } from '../../planner/vary';

const BASE = `name: doc
seed: 1
duration: 60s
network: { latency: 1ms }
services:
  api: { replicas: 3, serviceTime: 5ms }
clients:
  web: { target: api, arrival: { process: poisson, rate: 100/s } }
faults:
  - { at: 10s, crash: api-0, for: 5s }
`;

const blocks = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

describe('planner docs', () => {
  const planner = blocks('docs/planner.md');
  const scenarios = blocks('docs/scenarios.md');
  const plannerBlocks = [...planner, ...scenarios].filter((b) => b.lang === 'yaml' && /^(sweep|slo|expect):/m.test(b.text) && !/^name:/m.test(b.text));

  it('has planner blocks to check', () => {
    expect(plannerBlocks.length).toBeGreaterThanOrEqual(3);
  });

  for (const [index, block] of plannerBlocks.entries()) {
    it(`planner block ${index + 1} loads and names existing variants`, () => {
      const scenario = loadScenario(BASE + block.text, `block-${index + 1}.yaml`);
      checkReferences(scenario.expect ?? [], variantsOf(axesFromSweep(scenario.sweep)));
    });
  }

  it('every YAML block of planner.md parses (the workflow, the Job)', () => {
    for (const block of planner.filter((b) => b.lang === 'yaml')) {
      for (const doc of parseAllDocuments(block.text)) expect(doc.errors).toEqual([]);
    }
  });

  it('the shipped planner scenarios load', () => {
    for (const file of ['scenarios/plan-replicas.yaml', 'scenarios/ci/lb-regression.yaml']) {
      const scenario = loadScenario(readFileSync(file, 'utf8'), file);
      expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server[^\n]*\n#\n# \S/);
      checkReferences(scenario.expect ?? [], variantsOf(axesFromSweep(scenario.sweep)));
    }
  });
});
