import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kvDefaults } from '../../../components/kv/kv-defaults';
import { runScenario } from '../../../models/run/run-scenario';
import { loadScenario } from '../../../planner/scenario-file';

const doc = readFileSync(new URL('../../../docs/components/kv.md', import.meta.url), 'utf8');

describe('docs/components/kv.md', () => {
  it.each(Object.entries(kvDefaults))('documents option %s with its default', (field, value) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
    expect(row, `no parameter row for ${field}`).toBeDefined();
    expect(row).toContain(`| ${String(value)} |`);
  });

  it('runs its example and shows its real summary.kv', () => {
    const example = /```yaml\n(# file: kv-example\.yaml\n[\s\S]*?)```/.exec(doc)![1]!;
    const shown = /```json\n("kv": [\s\S]*?)```/.exec(doc)![1]!;
    const result = runScenario(loadScenario(example, 'kv-example.yaml'));
    expect(result.summary.kv).toEqual(JSON.parse(`{${shown}}`).kv);
  });
});
