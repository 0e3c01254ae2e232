/**
 * The leaf fields of the scenario schema (durations, rates, sizes, counts, …) and what the
 * loader needs to explain a bad value: each leaf carries what it expects and an example.
 *
 * Unit fields accept a string or a number and run the parser of `units.ts` in a zod
 * transform, so a bare number gets the parser's hint ("write units, e.g. 10ms") instead of
 * zod's "expected string". Their JSON Schema is declared by hand (a `pattern`), since zod
 * only sees `string | number` and a transform.
 */
import { z } from 'zod';
import {
  parseBandwidth,
  parseDuration,
  parsePercent,
  parseProbability,
  parseRate,
  parseSize,
  UNIT_EXPECTED,
  UNIT_PATTERNS,
  type UnitResult,
} from './units';
import { DURATION_MAX_TEXT, LIMIT_REASONS, RUN_LIMITS, SEED_MAX } from './limits';
import { parseCpu, parseMemory, QUANTITY_EXPECTED, QUANTITY_PATTERNS } from './quantities';

/** How to explain a bad value of a field. */
export interface FieldInfo {
  /** Completes "expected …", e.g. "a positive integer". */
  readonly expected: string;
  /** A valid value, shown in hints as `key: example`. */
  readonly example: string;
}

/** Field explanations, inherited by clones (`.meta()`, `.refine()`), read by `validate.ts`. */
export const fieldInfo = z.registry<FieldInfo>();

/**
 * JSON Schema of the unit fields, replacing what zod would render, and a sentence on the
 * unit's syntax appended to each field's description. Keyed by the exact schema instance
 * (a WeakMap, not a registry); `json-schema.ts` finds it through clones.
 */
export const fieldJsonSchema = new WeakMap<z.core.$ZodType, { readonly json: Readonly<Record<string, unknown>>; readonly help: string }>();

/** What an issue raised while parsing means to the user; carried in the issue's message. */
export interface IssueDetail {
  readonly expected?: string;
  readonly example?: string;
  readonly hint?: string;
  /** A full message replacing "expected …, got …". */
  readonly message?: string;
  /** Keys an object accepts, for unknown-key hints. */
  readonly validKeys?: readonly string[];
}

const DETAIL_PREFIX = 'meshsim-detail:';

/** Packs a detail into a zod issue message; zod issues carry no other free-form field. */
export const encodeDetail = (detail: IssueDetail): string => DETAIL_PREFIX + JSON.stringify(detail);

/** The detail packed by `encodeDetail`, or the message itself for a foreign issue. */
export function decodeDetail(message: string): IssueDetail {
  if (!message.startsWith(DETAIL_PREFIX)) return { message };
  return JSON.parse(message.slice(DETAIL_PREFIX.length)) as IssueDetail;
}

function withInfo<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  fieldInfo.add(schema, info);
  return schema;
}

/** A unit field: string or number in, parsed number out, with `pattern` in the JSON Schema. */
function unitField(help: string, parse: (raw: unknown) => UnitResult, info: FieldInfo, json: Record<string, unknown>) {
  const input = withInfo(z.union([z.string(), z.number()]), info);
  const field = input
    .transform((raw, ctx) => {
      const result = parse(raw);
      if (result.ok) return result.value;
      const detail: IssueDetail = { expected: result.expected, example: info.example, ...(result.hint === undefined ? {} : { hint: result.hint }) };
      ctx.addIssue({ code: 'custom', input: raw, message: encodeDetail(detail) });
      return z.NEVER;
    })
    .meta({ description: help });
  fieldJsonSchema.set(field, { json, help });
  return withInfo(field, info);
}

/** Adds a bound on the parsed value, e.g. "positive". */
function bounded<T extends z.ZodType<number>>(field: T, test: (value: number) => boolean, info: FieldInfo): T {
  return withInfo(field.refine(test, { message: encodeDetail(info) }) as unknown as T, info);
}

const pattern = (source: string) => ({ type: 'string', pattern: source });

/** A duration ≥ 0, to milliseconds. */
export const duration = unitField(
  `A duration: a number and a unit, us, ms, s, m or h (250us, 10ms, 1.5s, 5m, 1h); 0 needs no unit. At most ${DURATION_MAX_TEXT}.`,
  parseDuration,
  { expected: UNIT_EXPECTED.duration, example: '10ms' },
  { anyOf: [pattern(UNIT_PATTERNS.duration), { const: 0 }, { const: '0' }] },
);

/** A duration > 0, to milliseconds. */
export const positiveDuration = bounded(duration, (ms) => ms > 0, { expected: 'a positive duration', example: '10ms' });

/** A rate ≥ 0, to events per second. */
export const rate = unitField(
  `A rate: a number per second, minute or hour (600/s, 30/m, 2/h). At most ${RUN_LIMITS.ratePerSec.toLocaleString('en-US')}/s.`,
  parseRate,
  { expected: UNIT_EXPECTED.rate, example: '100/s' },
  { anyOf: [pattern(UNIT_PATTERNS.rate), { const: 0 }, { const: '0' }] },
);

/** A size ≥ 0, to bytes. */
export const size = unitField(
  'A size: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), e.g. 512B, 4KiB.',
  parseSize,
  { expected: UNIT_EXPECTED.size, example: '1KiB' },
  { anyOf: [pattern(UNIT_PATTERNS.size), { const: 0 }, { const: '0' }] },
);

/** A bandwidth > 0, to bits per second. */
export const bandwidth = bounded(
  unitField(
    'A bandwidth in bits per second: bps, Kbps, Mbps, Gbps (powers of 1000), e.g. 100Mbps.',
    parseBandwidth,
    { expected: UNIT_EXPECTED.bandwidth, example: '100Mbps' },
    pattern(UNIT_PATTERNS.bandwidth),
  ),
  (bps) => bps > 0,
  { expected: 'a positive bandwidth', example: '100Mbps' },
);

/** A probability, to a fraction in [0, 1]. */
export const probability = unitField(
  'A probability: a percentage (0.5%) or a number from 0 to 1.',
  parseProbability,
  { expected: UNIT_EXPECTED.probability, example: '0.5%' },
  { anyOf: [pattern(UNIT_PATTERNS.percent), { type: 'number', minimum: 0, maximum: 1 }] },
);

/** A percentage in [0, 100], kept in percent. */
export const percent = unitField(
  'A percentage from 0% to 100%.',
  parsePercent,
  { expected: UNIT_EXPECTED.percent, example: '50%' },
  pattern(UNIT_PATTERNS.percent),
);

/** A Kubernetes CPU quantity (`500m`, `2`), to millicores. */
export const cpu = unitField(
  'CPU: cores (2, 0.5) or millicores (500m), as in a pod spec.',
  parseCpu,
  { expected: QUANTITY_EXPECTED.cpu, example: '500m' },
  { anyOf: [pattern(QUANTITY_PATTERNS.cpu), { type: 'number', minimum: 0 }] },
);

/** A Kubernetes memory quantity (`256Mi`, `1Gi`), to bytes. */
export const memory = unitField(
  'Memory: bytes with a suffix Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T (powers of 1000), as in a pod spec, e.g. 256Mi.',
  parseMemory,
  { expected: QUANTITY_EXPECTED.memory, example: '256Mi' },
  { anyOf: [pattern(QUANTITY_PATTERNS.memory), { type: 'integer', minimum: 0 }] },
);

/** An integer ≥ 1. */
export const positiveInteger = (example: number) =>
  withInfo(z.number().int().min(1), { expected: 'a positive integer', example: String(example) });

/**
 * Upper bounds of counts the model allocates per item (replicas, client instances, users,
 * calls per request…): far beyond any scenario that runs in reasonable time, short of a
 * typo like `1e9` exhausting memory before the run starts.
 */
export const COUNT_LIMITS = Object.freeze({
  replicas: 100_000,
  cores: 100_000,
  instances: 10_000,
  users: 1_000_000,
  calls: 1_000,
  phases: 1_000,
  joins: 100_000,
});

/**
 * An integer in [1, max]; `why`, when given, is the hint for a value above max. The bounds
 * are checked first and stop the checks, so a huge or negative value is one problem, not
 * also an unsafe integer.
 */
export const countUpTo = (max: number, example: number, why?: string) => integerUpTo(1, max, `a positive integer up to ${max.toLocaleString('en-US')}`, example, why);

function integerUpTo(min: number, max: number, expected: string, example: number, why: string | undefined) {
  const aboveMax = why === undefined ? { abort: true } : { abort: true, message: encodeDetail({ expected, example: String(example), hint: why }) };
  return withInfo(z.number().max(max, aboveMax).min(min, { abort: true }).int(), { expected, example: String(example) });
}

/** A master seed: an integer from 0 to 2^53 − 1, so that seed + i stays exact. */
export const seed = integerUpTo(0, SEED_MAX, `an integer from 0 to ${SEED_MAX} (2^53 − 1)`, 1, LIMIT_REASONS.seed);

/** An integer ≥ 0. */
export const nonNegativeInteger = (example: number) =>
  withInfo(z.number().int().min(0), { expected: 'a whole number ≥ 0', example: String(example) });

/** An integer in [min, max]. */
export const integerBetween = (min: number, max: number, example: number) =>
  withInfo(z.number().int().min(min).max(max), { expected: `an integer from ${min} to ${max}`, example: String(example) });

/** A number in [min, max]. */
export const numberBetween = (min: number, max: number, example: number) =>
  withInfo(z.number().min(min).max(max), { expected: `a number from ${min} to ${max}`, example: String(example) });

/** A duration in (0, maxMs], to milliseconds; `maxText` is maxMs as written, e.g. "1h". */
export const positiveDurationAtMost = (maxMs: number, maxText: string, example: string) =>
  bounded(positiveDuration, (ms) => ms <= maxMs, { expected: `a positive duration up to ${maxText}`, example });

/** A number > 0. */
export const positiveNumber = (example: number) =>
  withInfo(z.number().positive(), { expected: 'a positive number', example: String(example) });

/** A non-empty string. */
export const text = (example: string) => withInfo(z.string().min(1), { expected: 'a non-empty string', example });

export const boolean = (example: boolean) => withInfo(z.boolean(), { expected: 'true or false', example: String(example) });

/**
 * Names of services and clients: lowercase letters and digits in dash-separated words, each
 * starting with a letter (`api`, `db2`, `auth-v2`). A word of digits is not allowed so that
 * a node id `<service>-<index>` (`srv-0`) never reads as another service's name.
 */
export const NAME_PATTERN = '^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$';

export const name = withInfo(z.string().regex(new RegExp(NAME_PATTERN)), {
  expected: 'a name like api or auth-v2 (lowercase; each dash-separated word starts with a letter)',
  example: 'api-v2',
});

/** A name of a service (a reference, checked against `services` by the loader). */
export const serviceName = withInfo(z.string().min(1), { expected: 'a service name', example: 'api' });

/** An enum with an explanation listing its values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return withInfo(z.enum(values), { expected: `one of ${values.join(', ')}`, example: values[0] });
}

/** Marks a schema with what it expects, for schemas that are not leaves (objects, unions, lists). */
export const explained = withInfo;

/** A mapping of `fields` with no other keys, explained as `info` says: a part's block, for one. */
export const block = <F extends z.core.$ZodLooseShape>(fields: F, info: FieldInfo) => withInfo(z.strictObject(fields), info);
