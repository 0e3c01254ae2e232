// The examples of docs/scenarios.md are run, so the reference cannot drift from the loader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyNames } from '../../../components/balancer/policies';
import { ScenarioError } from '../../../models/scenario/errors';
import { scenarioJsonSchema } from '../../../planner/scenario-file';
import { COUNT_LIMITS } from '../../../models/scenario/fields';
import { INPUT_LIMITS, LIST_LIMITS, RUN_LIMITS, SEED_MAX } from '../../../models/scenario/limits';
import { loadScenario } from '../../../planner/scenario-file';
import type { LoadOptions } from '../../../models/scenario/load';

const doc = readFileSync(new URL('../../../docs/scenarios.md', import.meta.url), 'utf8');

/** The fenced blocks of the doc, in order. */
const blocks = [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

/** YAML blocks with a `# file: <name>` line: complete scenarios. */
const files = blocks.flatMap((block, index) => {
  const name = /^# file: (\S+)$/m.exec(block.text)?.[1];
  return block.lang === 'yaml' && name !== undefined ? [{ name, text: block.text, next: blocks[index + 1] }] : [];
});

/** The formatted problems of loading `text`, or [] if it loads. */
function problems(text: string, name: string, opts?: LoadOptions): string[] {
  try {
    loadScenario(text, name, opts);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.format().split('\n');
  }
}

describe('docs/scenarios.md', () => {
  it('has complete examples to check', () => {
    expect(files.map((f) => f.name)).toEqual(['mmc-example.yaml', 'minimal.yaml', 'steps.yaml', 'faults.yaml', 'checkout.yaml', 'too-big.yaml']);
  });

  for (const file of files) {
    const errors = file.next?.lang === 'text' && file.next.text.startsWith(`${file.name}:`) ? file.next.text.trimEnd().split('\n') : [];
    it(`${file.name} ${errors.length === 0 ? 'loads' : 'gives the errors shown after it'}`, () => {
      expect(problems(file.text, file.name)).toEqual(errors);
    });
  }

  it('shows the real errors of bad overrides', () => {
    const example = files[0]!;
    const shown = blocks.find((b) => b.text.includes('set by override'))!.text.trimEnd().split('\n');
    const overrides = [
      { path: 'services.db.replicas', value: '0' },
      { path: 'services.nope.replicas', value: '3' },
    ];
    const withoutCommentLines = example.text.replace(/^#.*\n/gm, '');
    expect(problems(withoutCommentLines, 'scenario.yaml', { overrides })).toEqual(shown);
  });

  it('documents every field of the schema', () => {
    const names = new Set<string>();
    const collect = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      if (properties !== undefined && !Array.isArray(node)) for (const key of Object.keys(properties)) names.add(key);
      Object.values(node).forEach(collect);
    };
    collect(scenarioJsonSchema());
    expect([...names].filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });

  it('lists every limit, with its reason, in its Limits section', () => {
    const section = doc.slice(doc.indexOf('## Limits'), doc.indexOf('## JSON Schema and editors'));
    const cells = [...section.matchAll(/^\| [^|]+ \| ([^|]+) \| ([^|]*) \|$/gm)].map((m) => ({ limit: m[1]!.trim(), why: m[2]!.trim() }));
    const counts = [...Object.values(COUNT_LIMITS), ...Object.values(LIST_LIMITS), RUN_LIMITS.replications].map((n) => n.toLocaleString('en-US'));
    const others = ['1 MiB', '64 levels', '`720h` (30 days)', '`10000000/s`', '10^10 over all replications', '10^7 over all replications', '2^53 − 1, for `seed + replications − 1` too', '1,048,576', '3,000,000 copies (keys × replication)', '10,000,000'];
    const limits = cells.map((c) => c.limit);
    expect([...counts, ...others].filter((limit) => !limits.includes(limit))).toEqual([]);
    expect(cells.filter((c) => c.why === '' && c.limit !== 'Limit')).toEqual([]);
    expect(INPUT_LIMITS.fileBytes).toBe(1024 * 1024);
    expect(INPUT_LIMITS.nestingDepth).toBe(64);
    expect([RUN_LIMITS.durationMs, RUN_LIMITS.ratePerSec, RUN_LIMITS.requests, RUN_LIMITS.windows, SEED_MAX]).toEqual([720 * 3_600_000, 1e7, 1e10, 1e7, 2 ** 53 - 1]);
  });

  it('documents every balancing policy', () => {
    expect(policyNames().filter((name) => !doc.includes(`| \`${name}\``))).toEqual([]);
  });
});
