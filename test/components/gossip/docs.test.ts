import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gossipLanProfile } from '../../../components/gossip/index';

const doc = readFileSync(new URL('../../../docs/components/gossip.md', import.meta.url), 'utf8');

describe('docs/components/gossip.md', () => {
  it.each(Object.entries(gossipLanProfile))('documents option %s with its default', (field, value) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
    expect(row, `no parameter row for ${field}`).toBeDefined();
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    expect(row!.replaceAll(',', '')).toContain(`| ${typeof value === 'string' ? `\`${shown}\`` : shown} |`);
  });

  it('holds the generated fidelity tables between their markers', () => {
    const begin = doc.indexOf('<!-- gossip-tables:begin');
    const end = doc.indexOf('<!-- gossip-tables:end -->');
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const tables = doc.slice(begin, end);
    for (const caption of ['Push rumour spreading', 'SWIM: probe periods', 'Load per member', 'False positives']) expect(tables).toContain(caption);
  });
});
