import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCpu, parseMemory, QUANTITY_EXPECTED, QUANTITY_PATTERNS } from '../../../models/scenario/quantities';

const ok = (value: number) => ({ ok: true, value });

describe('parseCpu', () => {
  it('reads cores and millicores as a pod spec does', () => {
    expect(parseCpu('500m')).toEqual(ok(500));
    expect(parseCpu('2')).toEqual(ok(2000));
    expect(parseCpu(2)).toEqual(ok(2000));
    expect(parseCpu(0.25)).toEqual(ok(250));
    expect(parseCpu('0.1')).toEqual(ok(100));
    expect(parseCpu('1.5')).toEqual(ok(1500));
    expect(parseCpu('0')).toEqual(ok(0));
  });

  it('refuses what Kubernetes refuses, saying what to write', () => {
    expect(parseCpu('0.0005')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.cpu, hint: '0.0005 is 0.5 millicores; Kubernetes counts whole millicores (1m is the smallest)' });
    expect(parseCpu('2 cores')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.cpu, hint: 'write 2 (cores) or millicores like 500m' });
    expect(parseCpu('-1')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.cpu, hint: 'CPU cannot be negative' });
    expect(parseCpu(-1)).toEqual({ ok: false, expected: QUANTITY_EXPECTED.cpu, hint: 'CPU cannot be negative' });
    expect(parseCpu('500M').ok).toBe(false);
    expect(parseCpu(true).ok).toBe(false);
  });
});

describe('parseMemory', () => {
  it('reads binary and decimal suffixes and bare bytes', () => {
    expect(parseMemory('256Mi')).toEqual(ok(256 * 2 ** 20));
    expect(parseMemory('1Gi')).toEqual(ok(2 ** 30));
    expect(parseMemory('1.5Gi')).toEqual(ok(1.5 * 2 ** 30));
    expect(parseMemory('500M')).toEqual(ok(5e8));
    expect(parseMemory('128k')).toEqual(ok(128_000));
    expect(parseMemory(1024)).toEqual(ok(1024));
    expect(parseMemory('1048576')).toEqual(ok(1_048_576));
  });

  it('points other tools\' spellings to the Kubernetes one', () => {
    expect(parseMemory('256MiB')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.memory, hint: 'write 256Mi' });
    expect(parseMemory('1GB')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.memory, hint: 'write 1G' });
    expect(parseMemory('2mi')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.memory, hint: 'unknown suffix "mi"; use Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T (powers of 1000)' });
    expect(parseMemory('0.5')).toEqual({ ok: false, expected: QUANTITY_EXPECTED.memory, hint: '0.5 is 0.5 bytes; memory is whole bytes' });
    expect(parseMemory(-1).ok).toBe(false);
  });
});

describe('QUANTITY_PATTERNS (the JSON Schema patterns)', () => {
  const samples = ['500m', '2', '0.5', '0.0005', '1.5Gi', '256Mi', '256MiB', '1GB', '128k', '2 cores', '-1', '1e3', 'm', '', '10Ti', '7T'];
  for (const [kind, parse] of [['cpu', parseCpu], ['memory', parseMemory]] as const) {
    it(`${kind}: the pattern accepts what the parser accepts (whole-unit rules aside)`, () => {
      const pattern = new RegExp(QUANTITY_PATTERNS[kind]);
      for (const input of samples) {
        const parsed = parse(input);
        const notWhole = !parsed.ok && parsed.hint !== undefined && /whole/.test(parsed.hint);
        expect({ input, matches: pattern.test(input) }).toEqual({ input, matches: parsed.ok || notWhole });
      }
    });
  }

  it('whole millicores read back as the same CPU (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), (m) => {
      expect(parseCpu(`${m}m`)).toEqual(ok(m));
      expect(parseCpu(`${m / 1000}`)).toEqual(ok(m));
    }));
  });
});

describe('the cpu and memory fields', () => {
  it('parse in a schema and explain a bad value', async () => {
    const { z } = await import('zod');
    const { cpu, memory } = await import('../../../models/scenario/fields');
    const { validate } = await import('../../../models/scenario/validate');
    const schema = z.strictObject({ cpu, memory });
    expect(validate(schema, { cpu: '250m', memory: '1Gi' })).toEqual({ data: { cpu: 250, memory: 2 ** 30 }, problems: [] });
    expect(validate(schema, { cpu: '2 cores', memory: '1GB' }).problems.map((p) => `${p.path.join('.')}: ${p.message} (${p.hint})`)).toEqual([
      'cpu: expected a CPU quantity in cores or millicores (2, 0.5, 500m), got "2 cores" (write 2 (cores) or millicores like 500m)',
      'memory: expected a memory quantity in bytes (Ki, Mi, Gi, Ti; k, M, G, T), e.g. 256Mi, got "1GB" (write 1G)',
    ]);
  });
});
