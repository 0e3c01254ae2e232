import { describe, expect, it } from 'vitest';
import {
  parseBandwidth,
  parseDuration,
  parsePercent,
  parseProbability,
  parseRate,
  parseSize,
  UNIT_PATTERNS,
  type UnitResult,
} from '../../../models/scenario/units';
import { LIMIT_REASONS, RUN_LIMITS } from '../../../models/scenario/limits';

type Parser = (raw: unknown) => UnitResult;

/** [input, value] pairs that parse. */
const good: Record<string, { parse: Parser; cases: [unknown, number][] }> = {
  duration: {
    parse: parseDuration,
    cases: [
      ['250us', 0.25],
      ['10ms', 10],
      ['2s', 2000],
      ['1.5s', 1500],
      ['1.1s', 1100],
      ['5m', 300_000],
      ['1h', 3_600_000],
      ['0.5us', 0.0005],
      ['720h', 2_592_000_000],
      ['43200m', 2_592_000_000],
      ['0ms', 0],
      [0, 0],
      ['0', 0],
    ],
  },
  rate: {
    parse: parseRate,
    cases: [
      ['600/s', 600],
      ['3.2/s', 3.2],
      ['30/m', 0.5],
      ['2/h', 2 / 3600],
      ['0/s', 0],
      ['10000000/s', 1e7],
      [0, 0],
    ],
  },
  size: {
    parse: parseSize,
    cases: [
      ['512B', 512],
      ['4KiB', 4096],
      ['1MiB', 1_048_576],
      ['1GiB', 1_073_741_824],
      ['1.5KiB', 1536],
      ['4KB', 4000],
      ['2MB', 2_000_000],
      ['1GB', 1e9],
      [0, 0],
    ],
  },
  bandwidth: {
    parse: parseBandwidth,
    cases: [
      ['1bps', 1],
      ['500Kbps', 500_000],
      ['100Mbps', 1e8],
      ['10Gbps', 1e10],
      ['1.5Gbps', 1.5e9],
    ],
  },
  percent: {
    parse: parsePercent,
    cases: [
      ['50%', 50],
      ['0.5%', 0.5],
      ['100%', 100],
      ['0%', 0],
    ],
  },
  probability: {
    parse: parseProbability,
    cases: [
      ['0.5%', 0.005],
      ['5%', 0.05],
      ['0.1%', 0.001],
      ['100%', 1],
      [0, 0],
      [0.05, 0.05],
      [1, 1],
    ],
  },
};

/** [input, hint] pairs that do not parse; hint undefined = none. */
const bad: Record<string, { parse: Parser; cases: [unknown, string | undefined][] }> = {
  duration: {
    parse: parseDuration,
    cases: [
      [10, 'write units, e.g. 10ms or 10s'],
      ['10', 'write units, e.g. 10ms or 10s'],
      [1.5, 'write units, e.g. 1.5ms or 1.5s'],
      ['10sec', 'write 10s'],
      ['10 ms', 'write 10ms'],
      ['10MS', 'write 10ms'],
      ['2 minutes', 'write 2m'],
      ['10µs', 'write 10us'],
      ['3fortnights', 'unknown unit "fortnights"; use us, ms, s, m, h'],
      ['-5s', 'durations cannot be negative'],
      ['ten ms', 'write a number then a unit, e.g. 10ms'],
      ['1e3ms', 'unknown unit "e3ms"; use us, ms, s, m, h'],
      ['720.001h', LIMIT_REASONS.duration],
      ['99999999999999999999h', LIMIT_REASONS.duration],
      [`${'9'.repeat(400)}s`, LIMIT_REASONS.duration],
      [null, undefined],
      [true, undefined],
    ],
  },
  rate: {
    parse: parseRate,
    cases: [
      [100, 'write units, e.g. 100/s'],
      ['-5/s', 'rates cannot be negative'],
      ['100rps', 'unknown unit "rps"; use /s, /m, /h'],
      ['100/sec', 'write 100/s'],
      ['100 / s', 'write 100/s'],
      ['100/d', 'unknown unit "/d"; use /s, /m, /h'],
      ['10000000.1/s', LIMIT_REASONS.rate],
      ['999999999999999999999/s', LIMIT_REASONS.rate],
    ],
  },
  size: {
    parse: parseSize,
    cases: [
      [1024, 'write units, e.g. 1024B or 1024KiB'],
      ['4kib', 'write 4KiB'],
      ['4K', 'unknown unit "K"; use B, KB, MB, GB, KiB, MiB, GiB'],
      ['1.5B', '1.5B is 1.5 bytes; sizes are whole bytes'],
      ['-1KiB', 'sizes cannot be negative'],
    ],
  },
  bandwidth: {
    parse: parseBandwidth,
    cases: [
      [100, 'write units, e.g. 100Mbps or 100Gbps'],
      ['100mbps', 'write 100Mbps'],
      ['10GB', 'unknown unit "GB"; use bps, Kbps, Mbps, Gbps'],
      ['-1Gbps', 'bandwidths cannot be negative'],
    ],
  },
  percent: {
    parse: parsePercent,
    cases: [
      [50, 'write 50%'],
      [0.5, 'percentages need a % sign, e.g. 50%'],
      ['150%', 'at most 100%'],
      ['-5%', 'percentages cannot be negative'],
      ['5 %', 'write 5%'],
      ['half', 'write a number then %, e.g. 50%'],
    ],
  },
  probability: {
    parse: parseProbability,
    cases: [
      [5, 'write 5% for a percentage'],
      [-0.1, 'probabilities cannot be negative'],
      [150, undefined],
      ['101%', 'at most 100%'],
      ['0.5', 'write a number then %, e.g. 50%'],
    ],
  },
};

describe('unit parsers', () => {
  for (const [kind, { parse, cases }] of Object.entries(good)) {
    it.each(cases)(`${kind}: %j parses to %d`, (input, value) => {
      expect(parse(input)).toEqual({ ok: true, value });
    });
  }

  for (const [kind, { parse, cases }] of Object.entries(bad)) {
    it.each(cases)(`${kind}: %j is rejected with hint %j`, (input, hint) => {
      const result = parse(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.hint).toBe(hint);
      expect(result.expected.length).toBeGreaterThan(0);
    });
  }

  it('scales decimals exactly: 1.1s is 1100 ms, not 1100.0000000000002', () => {
    expect(parseDuration('1.1s')).toEqual({ ok: true, value: 1100 });
    expect(parseDuration('0.3s')).toEqual({ ok: true, value: 300 });
    expect(parseProbability('0.7%')).toEqual({ ok: true, value: 0.007 });
  });

  it('describes what it expected, for messages', () => {
    expect(parseDuration(10)).toEqual({ ok: false, expected: 'a duration with units (us, ms, s, m, h)', hint: 'write units, e.g. 10ms or 10s' });
  });

  it('bounds durations at 720h and rates at 10,000,000/s, saying the limit and why', () => {
    expect(parseDuration('99999999999999999999h')).toEqual({ ok: false, expected: 'a duration up to 720h (30 days)', hint: LIMIT_REASONS.duration });
    expect(parseRate('999999999999999999999/s')).toEqual({ ok: false, expected: 'a rate up to 10,000,000/s', hint: LIMIT_REASONS.rate });
    expect(RUN_LIMITS.durationMs).toBe(720 * 3_600_000);
  });
});

describe('UNIT_PATTERNS (the JSON Schema patterns)', () => {
  const patterns: Record<string, string> = {
    duration: UNIT_PATTERNS.duration,
    rate: UNIT_PATTERNS.rate,
    size: UNIT_PATTERNS.size,
    bandwidth: UNIT_PATTERNS.bandwidth,
    percent: UNIT_PATTERNS.percent,
    probability: UNIT_PATTERNS.percent,
  };

  for (const kind of Object.keys(patterns)) {
    it(`${kind}: the pattern accepts the same strings as the parser (except "0" and ranges)`, () => {
      const pattern = new RegExp(patterns[kind]!);
      const strings = [...good[kind]!.cases, ...bad[kind]!.cases]
        .map(([input]) => input)
        .filter((input): input is string => typeof input === 'string' && input !== '0');
      for (const input of strings) {
        const parsed = good[kind]!.parse(input);
        const outOfRange = !parsed.ok && (parsed.hint === 'at most 100%' || parsed.hint?.includes('whole bytes') === true || parsed.hint === LIMIT_REASONS.duration || parsed.hint === LIMIT_REASONS.rate);
        expect({ input, matches: pattern.test(input) }).toEqual({ input, matches: parsed.ok || outOfRange });
      }
    });
  }
});
