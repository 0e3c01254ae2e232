import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { INPUT_LIMITS, LIST_LIMITS } from '../../../models/scenario/limits';
import { LOOSEST_LIST_RULE } from '../../../models/scenario/list-lengths';
import { parseSource } from '../../../models/scenario/parse-source';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseSource', () => {
  it('gives the document parseDocument gives, positions included', () => {
    for (const file of ['scenarios/quickstart.yaml', 'scenarios/hot-keys.yaml', 'scenarios/ci/lb-regression.yaml']) {
      const text = readFileSync(file, 'utf8');
      const lineCounter = new LineCounter();
      const parsed = parseSource(text, { lineCounter });
      if (!('doc' in parsed)) throw new Error(`${file}: ${parsed.problem.message}`);
      const expected = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
      expect(parsed.doc.toJS()).toEqual(expected.toJS());
      expect(parsed.doc.contents!.range).toEqual(expected.contents!.range);
      expect(lineCounter.linePos(text.lastIndexOf('clients:'))).toEqual({ line: text.slice(0, text.lastIndexOf('clients:')).split('\n').length, col: 1 });
    }
  });

  it('leaves syntax errors in the document, as parseDocument does', () => {
    const parsed = parseSource('a: [1, 2\nb: 3\n');
    expect('doc' in parsed && parsed.doc.errors.map((e) => e.code)).toEqual(parseDocument('a: [1, 2\nb: 3\n').errors.map((e) => e.code));
  });

  it('accepts nesting at the limit and stops one level deeper, at the collection that opens it', () => {
    expect('doc' in parseSource(`a: ${nested(INPUT_LIMITS.nestingDepth - 1)}`)).toBe(true);
    expect(parseSource(`a: ${nested(INPUT_LIMITS.nestingDepth)}`)).toEqual({
      problem: expect.objectContaining({ offset: 3 + INPUT_LIMITS.nestingDepth - 1, path: ['a'], message: 'nesting too deep (limit 64)' }),
    });
  });

  it('stops 100,000 nested [ without a stack overflow', () => {
    expect(parseSource(`a: ${'['.repeat(100_000)}`)).toEqual({ problem: expect.objectContaining({ message: 'nesting too deep (limit 64)' }) });
  });

  it('counts the levels above a text set at a path (an override\'s value)', () => {
    expect('doc' in parseSource(nested(INPUT_LIMITS.nestingDepth - 3), { at: ['a', 'b', 'c'] })).toBe(true);
    expect('problem' in parseSource(nested(INPUT_LIMITS.nestingDepth - 2), { at: ['a', 'b', 'c'] })).toBe(true);
  });

  it('stops at the start of a second document', () => {
    const text = '# one\na: 1\n---\nb: 2\n';
    expect(parseSource(text)).toEqual({ problem: expect.objectContaining({ offset: text.indexOf('---'), message: 'one YAML document per scenario file: a second document starts here' }) });
    expect('doc' in parseSource('---\na: 1\n...\n# the end\n')).toBe(true);
  });

  it('stops a list far over its bound while parsing, at the list', () => {
    const text = `faults: [${'{},'.repeat(20_000)}]`;
    expect(parseSource(text)).toEqual({ problem: expect.objectContaining({ offset: text.indexOf('['), path: ['faults'], message: 'too many faults: a list of more than 10,000 (limit 10,000)' }) });
  });

  it('holds a list inside flow collections, whose path it cannot tell, to the loosest bound', () => {
    // 2,048 samples under services: not "too many services" (1,000).
    const text = `services: { api: { serviceTime: { dist: empirical, samples: [${'1ms, '.repeat(2048)}] } } }`;
    expect('doc' in parseSource(text)).toBe(true);
    expect(LOOSEST_LIST_RULE.max).toBe(Math.max(...Object.values(LIST_LIMITS)));
  });
});
