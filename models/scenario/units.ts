/**
 * Parsers for the unit strings of scenario files: durations, rates, sizes, bandwidths,
 * percentages and probabilities.
 *
 * Units are explicit (design.md "Scenario files"): `10` is not a duration, `10ms` is. The
 * one exception is the number `0`, which means the same in every unit.
 *
 * Each parser takes the raw YAML value (a string or a number, usually) and returns either
 * the value in the normalised unit or what was expected with a hint for the user. They
 * never throw. Scaling is done in exact integer arithmetic where the digits allow, so
 * `1.1s` is exactly 1100 ms, not 1100.0000000000002.
 *
 * Durations and rates have upper bounds (`RUN_LIMITS` in limits.ts, with the reasons), so
 * `99999999999999999999h` is an error here rather than a run that never ends.
 */
import { DURATION_MAX_TEXT, LIMIT_REASONS, RUN_LIMITS } from './limits';

/** A parsed value, or what the input should have looked like. */
export type UnitResult =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      /** Completes "expected …", e.g. "a duration with units (us, ms, s, m, h)". */
      readonly expected: string;
      /** What to write instead, when we can tell, e.g. "write units, e.g. 10ms". */
      readonly hint?: string;
    };

/** A unit's factor to the normalised unit, as a fraction so scaling can stay exact. */
export interface Factor {
  readonly numerator: number;
  readonly denominator: number;
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** Durations, to milliseconds. */
const DURATION_UNITS: Readonly<Record<string, Factor>> = {
  us: { numerator: 1, denominator: 1000 },
  ms: { numerator: 1, denominator: 1 },
  s: { numerator: 1000, denominator: 1 },
  m: { numerator: 60_000, denominator: 1 },
  h: { numerator: 3_600_000, denominator: 1 },
};

/** Rates `N/unit`, to events per second. */
const RATE_UNITS: Readonly<Record<string, Factor>> = {
  s: { numerator: 1, denominator: 1 },
  m: { numerator: 1, denominator: 60 },
  h: { numerator: 1, denominator: 3600 },
};

/** Sizes, to bytes: SI prefixes are powers of 1000, IEC prefixes powers of 1024. */
const SIZE_UNITS: Readonly<Record<string, Factor>> = {
  B: { numerator: 1, denominator: 1 },
  KB: { numerator: 1e3, denominator: 1 },
  MB: { numerator: 1e6, denominator: 1 },
  GB: { numerator: 1e9, denominator: 1 },
  KiB: { numerator: 1024, denominator: 1 },
  MiB: { numerator: 1024 ** 2, denominator: 1 },
  GiB: { numerator: 1024 ** 3, denominator: 1 },
};

/** Bandwidths, to bits per second (SI prefixes, as link speeds are quoted). */
const BANDWIDTH_UNITS: Readonly<Record<string, Factor>> = {
  bps: { numerator: 1, denominator: 1 },
  Kbps: { numerator: 1e3, denominator: 1 },
  Mbps: { numerator: 1e6, denominator: 1 },
  Gbps: { numerator: 1e9, denominator: 1 },
};

/** Common spellings we do not accept, mapped to the one we do, for hints. */
const DURATION_ALIASES: Readonly<Record<string, string>> = {
  µs: 'us', μs: 'us', usec: 'us', msec: 'ms', millis: 'ms', sec: 's', secs: 's', second: 's',
  seconds: 's', min: 'm', mins: 'm', minute: 'm', minutes: 'm', hr: 'h', hrs: 'h', hour: 'h',
  hours: 'h',
};
const RATE_ALIASES: Readonly<Record<string, string>> = {
  sec: 's', second: 's', min: 'm', minute: 'm', hr: 'h', hour: 'h',
};

const unitAlternation = (units: Readonly<Record<string, Factor>>): string => Object.keys(units).join('|');

/**
 * Regular expressions (source text, ECMA-262) of the accepted unit strings, used as
 * `pattern`s in the JSON Schema so editors flag a bad unit while typing. A test checks
 * that they accept exactly what the parsers accept.
 */
export const UNIT_PATTERNS = Object.freeze({
  duration: `^${NUMBER}(?:${unitAlternation(DURATION_UNITS)})$`,
  rate: `^${NUMBER}/(?:${unitAlternation(RATE_UNITS)})$`,
  size: `^${NUMBER}(?:${unitAlternation(SIZE_UNITS)})$`,
  bandwidth: `^${NUMBER}(?:${unitAlternation(BANDWIDTH_UNITS)})$`,
  percent: `^${NUMBER}%$`,
});

/** What each kind of value looks like, completing "expected …" in messages. */
export const UNIT_EXPECTED = Object.freeze({
  duration: 'a duration with units (us, ms, s, m, h)',
  rate: 'a rate per unit of time (N/s, N/m, N/h)',
  size: 'a size with units (B, KB, MB, GB, KiB, MiB, GiB)',
  bandwidth: 'a bandwidth with units (bps, Kbps, Mbps, Gbps)',
  percent: 'a percentage like 50%',
  probability: 'a percentage like 0.5% or a number in [0, 1]',
});

const DURATION_EXPECTED = UNIT_EXPECTED.duration;
const RATE_EXPECTED = UNIT_EXPECTED.rate;
const SIZE_EXPECTED = UNIT_EXPECTED.size;
const BANDWIDTH_EXPECTED = UNIT_EXPECTED.bandwidth;
const PERCENT_EXPECTED = UNIT_EXPECTED.percent;
const PROBABILITY_EXPECTED = UNIT_EXPECTED.probability;

/**
 * `digits` (matching NUMBER) × numerator / denominator, rounded once. Exact while the
 * integer intermediates stay below 2^53, which holds for any realistic scenario value.
 */
export function scale(digits: string, factor: Factor): number {
  const dot = digits.indexOf('.');
  const decimals = dot < 0 ? 0 : digits.length - dot - 1;
  const mantissa = Number(dot < 0 ? digits : digits.slice(0, dot) + digits.slice(dot + 1));
  const numerator = mantissa * factor.numerator;
  const denominator = 10 ** decimals * factor.denominator;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) return numerator / denominator;
  return (Number(digits) * factor.numerator) / factor.denominator;
}

const fail = (expected: string, hint?: string): UnitResult => (hint === undefined ? { ok: false, expected } : { ok: false, expected, hint });

interface UnitKind {
  readonly units: Readonly<Record<string, Factor>>;
  readonly aliases: Readonly<Record<string, string>>;
  /** Text between the number and the unit: '' for `10ms`, '/' for `10/s`. */
  readonly separator: string;
  readonly expected: string;
  /** A valid example, used in hints. */
  readonly example: string;
  /** Units offered for a bare number (`60` → "write units, e.g. 60ms or 60s"). */
  readonly usual: readonly string[];
  readonly noun: string;
}

const DURATION: UnitKind = { units: DURATION_UNITS, aliases: DURATION_ALIASES, separator: '', expected: DURATION_EXPECTED, example: '10ms', usual: ['ms', 's'], noun: 'durations' };
const RATE: UnitKind = { units: RATE_UNITS, aliases: RATE_ALIASES, separator: '/', expected: RATE_EXPECTED, example: '100/s', usual: ['/s'], noun: 'rates' };
const SIZE: UnitKind = { units: SIZE_UNITS, aliases: {}, separator: '', expected: SIZE_EXPECTED, example: '1KiB', usual: ['B', 'KiB'], noun: 'sizes' };
const BANDWIDTH: UnitKind = { units: BANDWIDTH_UNITS, aliases: {}, separator: '', expected: BANDWIDTH_EXPECTED, example: '100Mbps', usual: ['Mbps', 'Gbps'], noun: 'bandwidths' };

/** Parses `<number><separator><unit>` of one kind; callers handle the number 0. */
function parseWithUnit(raw: unknown, kind: UnitKind): UnitResult {
  const writeUnits = `write units, e.g. ${kind.example}`;
  // A bare number: offer it back with the usual units, so the fix is a copy.
  const unitsFor = (n: string) => `write units, e.g. ${kind.usual.map((u) => `${n}${u}`).join(' or ')}`;
  if (typeof raw === 'number') return fail(kind.expected, Number.isFinite(raw) && raw > 0 ? unitsFor(String(raw)) : writeUnits);
  if (typeof raw !== 'string') return fail(kind.expected);
  const match = /^(-?)(\d+(?:\.\d+)?)\s*(.*)$/.exec(raw.trim());
  if (match === null) return fail(kind.expected, `write a number then a unit, e.g. ${kind.example}`);
  const [, sign, digits, rest] = match as unknown as [string, string, string, string];
  if (rest === '') return fail(kind.expected, sign === '' ? unitsFor(digits) : writeUnits);
  const unit = kind.separator === '' ? rest : rest.startsWith(kind.separator) ? rest.slice(kind.separator.length).trim() : undefined;
  const canonical = unit === undefined ? undefined : kind.units[unit] !== undefined ? unit : suggestUnit(unit, kind);
  if (canonical === undefined) {
    const valid = Object.keys(kind.units).map((u) => kind.separator + u).join(', ');
    return fail(kind.expected, `unknown unit "${rest}"; use ${valid}`);
  }
  if (sign === '-') return fail(kind.expected, `${kind.noun} cannot be negative`);
  const canonicalText = `${digits}${kind.separator}${canonical}`;
  if (raw !== canonicalText) return fail(kind.expected, `write ${canonicalText}`);
  return { ok: true, value: scale(digits, kind.units[canonical]!) };
}

/** The accepted unit meant by a misspelt one: an alias, or the same letters in another case. */
function suggestUnit(unit: string, kind: UnitKind): string | undefined {
  const alias = kind.aliases[unit] ?? kind.aliases[unit.toLowerCase()];
  if (alias !== undefined) return alias;
  const sameLetters = Object.keys(kind.units).filter((u) => u.toLowerCase() === unit.toLowerCase());
  return sameLetters.length === 1 ? sameLetters[0] : undefined;
}

/** `result`, or what was expected when its value is above `max` (Infinity included). */
function atMost(result: UnitResult, max: number, expected: string, hint: string): UnitResult {
  return result.ok && !(result.value <= max) ? fail(expected, hint) : result;
}

/**
 * A duration to milliseconds: `250us` → 0.25, `10ms` → 10, `1.5s` → 1500, `5m`, `1h`.
 * The number 0 (or the string "0") is accepted as 0 ms; any other bare number is not.
 * At most 720h.
 */
export function parseDuration(raw: unknown): UnitResult {
  if (raw === 0 || raw === '0') return { ok: true, value: 0 };
  return atMost(parseWithUnit(raw, DURATION), RUN_LIMITS.durationMs, `a duration up to ${DURATION_MAX_TEXT} (30 days)`, LIMIT_REASONS.duration);
}

/** A rate to events per second: `600/s` → 600, `30/m` → 0.5, `2/h`. `0` is accepted; at most 10,000,000/s. */
export function parseRate(raw: unknown): UnitResult {
  if (raw === 0 || raw === '0') return { ok: true, value: 0 };
  return atMost(parseWithUnit(raw, RATE), RUN_LIMITS.ratePerSec, `a rate up to ${RUN_LIMITS.ratePerSec.toLocaleString('en-US')}/s`, LIMIT_REASONS.rate);
}

/**
 * A size to bytes: `512B`, `4KiB` → 4096, `1MiB`, `1GiB`; `KB/MB/GB` are powers of 1000.
 * The result must be a whole number of bytes. `0` is accepted.
 */
export function parseSize(raw: unknown): UnitResult {
  if (raw === 0 || raw === '0') return { ok: true, value: 0 };
  const result = parseWithUnit(raw, SIZE);
  if (result.ok && !Number.isInteger(result.value)) {
    return fail(SIZE_EXPECTED, `${String(raw)} is ${result.value} bytes; sizes are whole bytes`);
  }
  return result;
}

/** A bandwidth to bits per second: `1bps`, `500Kbps`, `100Mbps`, `10Gbps` → 1e10. */
export function parseBandwidth(raw: unknown): UnitResult {
  return parseWithUnit(raw, BANDWIDTH);
}

/** A percentage, returned in percent: `50%` → 50, `0.5%` → 0.5. At most 100%. */
export function parsePercent(raw: unknown): UnitResult {
  if (typeof raw === 'number') return fail(PERCENT_EXPECTED, raw > 1 ? `write ${raw}%` : 'percentages need a % sign, e.g. 50%');
  if (typeof raw !== 'string') return fail(PERCENT_EXPECTED);
  const match = /^(-?)(\d+(?:\.\d+)?)\s*%$/.exec(raw.trim());
  if (match === null) return fail(PERCENT_EXPECTED, 'write a number then %, e.g. 50%');
  const [, sign, digits] = match as unknown as [string, string, string];
  if (sign === '-') return fail(PERCENT_EXPECTED, 'percentages cannot be negative');
  if (raw !== `${digits}%`) return fail(PERCENT_EXPECTED, `write ${digits}%`);
  const percent = scale(digits, { numerator: 1, denominator: 1 });
  if (percent > 100) return fail(PERCENT_EXPECTED, 'at most 100%');
  return { ok: true, value: percent };
}

/**
 * A probability to a fraction in [0, 1]: `0.5%` → 0.005, `5%` → 0.05, or a plain number
 * in [0, 1] as written (`0.05`).
 */
export function parseProbability(raw: unknown): UnitResult {
  if (typeof raw === 'number') {
    if (raw >= 0 && raw <= 1) return { ok: true, value: raw };
    if (raw > 1 && raw <= 100) return fail(PROBABILITY_EXPECTED, `write ${raw}% for a percentage`);
    return fail(PROBABILITY_EXPECTED, raw < 0 ? 'probabilities cannot be negative' : undefined);
  }
  const percent = parsePercent(raw);
  if (!percent.ok) return percent.hint === undefined ? fail(PROBABILITY_EXPECTED) : fail(PROBABILITY_EXPECTED, percent.hint);
  const digits = /^(\d+(?:\.\d+)?)%$/.exec(String(raw))![1]!;
  return { ok: true, value: scale(digits, { numerator: 1, denominator: 100 }) };
}
