/**
 * Axes of a sweep: a dotted path into the scenario and the values it takes, from
 * `--vary PATH=V1,V2,...` / `--vary PATH=LO..HI` or from a scenario's `sweep:` block.
 * Each value is kept as YAML text (what the override sets) and as the value it reads as
 * (what reports show), so `8` is the number 8 and `random` the string "random".
 */
import { parse } from 'yaml';
import { RANGE_PATTERN, RANGE_VALUES_MAX } from './blocks/planner-part';
import type { SweepAxis } from './blocks/types';
import { PlannerError } from './planner-error';

export interface AxisValue {
  /** The value as YAML text, e.g. `8`, `least-request`, `{ policy: random }`. */
  readonly text: string;
  /** The value it reads as. */
  readonly value: unknown;
}

export type Axis =
  | { readonly path: string; readonly values: readonly AxisValue[] }
  /** Every integer from lo to hi; `plan` searches it, `compare` and `check` run each. */
  | { readonly path: string; readonly range: readonly [number, number] };

const VARY_EXAMPLE = 'e.g. --vary clients.web.balancer.policy=random,least-request or --vary services.api.replicas=2..8';

/** Parses `PATH=V1,V2,...` or `PATH=LO..HI`. */
export function parseVary(spec: string): Axis {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new PlannerError(`--vary "${spec}": expected PATH=V1,V2,... or PATH=LO..HI`, VARY_EXAMPLE);
  const path = spec.slice(0, eq).trim();
  const rest = spec.slice(eq + 1).trim();
  if (path.split('.').some((key) => key === '')) throw new PlannerError(`--vary "${spec}": "${path}" is not a dotted path`, VARY_EXAMPLE);
  if (rest === '') throw new PlannerError(`--vary "${spec}": no values after "="`, VARY_EXAMPLE);
  const range = RANGE_PATTERN.exec(rest);
  if (range !== null) return { path, range: checkedRange(spec, Number(range[1]), Number(range[2])) };
  if (/^-?\d+(\.\d+)?\s*\.\.\s*-?\d+(\.\d+)?$/.test(rest)) throw new PlannerError(`--vary "${spec}": a range is two whole numbers ≥ 0, LO..HI`, 'e.g. services.api.replicas=2..8');
  const values = splitTopLevel(rest).map((text) => valueOf(spec, text));
  return { path, values };
}

function checkedRange(spec: string, lo: number, hi: number): [number, number] {
  if (lo > hi) throw new PlannerError(`--vary "${spec}": empty range, ${lo} is above ${hi}`, `write ${hi}..${lo}`);
  if (hi - lo + 1 > RANGE_VALUES_MAX) throw new PlannerError(`--vary "${spec}": ${hi - lo + 1} values, more than ${RANGE_VALUES_MAX}`, 'narrow the range, or list the values to try, e.g. services.api.replicas=1,2,4,8,16');
  return [lo, hi];
}

function valueOf(spec: string, text: string): AxisValue {
  if (text === '') throw new PlannerError(`--vary "${spec}": an empty value`, 'separate values with single commas');
  try {
    return { text, value: parse(text) as unknown };
  } catch (error) {
    throw new PlannerError(`--vary "${spec}": ${JSON.stringify(text)} is not a YAML value (${(error as Error).message.split('\n')[0]})`, 'quote it');
  }
}

/** Splits at commas outside brackets, braces and quotes, so `{ dist: uniform, min: 1ms }` stays whole. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** A YAML value as override text that reads back as the same value. */
function textOf(value: unknown): string {
  if (typeof value === 'string' && parse(value) === value) return value;
  return JSON.stringify(value);
}

/** The axes of a scenario's `sweep:` block. */
export function axesFromSweep(sweep: readonly SweepAxis[] | undefined): Axis[] {
  return (sweep ?? []).map((axis) =>
    'range' in axis ? { path: axis.path, range: [axis.range[0], axis.range[1]] as const } : { path: axis.path, values: axis.values.map((value) => ({ text: textOf(value), value })) },
  );
}

/** The file's axes with the command line's on top: a `--vary` of the same path replaces it. */
export function mergeAxes(fileAxes: readonly Axis[], cliAxes: readonly Axis[]): Axis[] {
  const cliPaths = new Map(cliAxes.map((axis) => [axis.path, axis] as const));
  const merged = fileAxes.map((axis) => cliPaths.get(axis.path) ?? axis);
  const seen = new Set(fileAxes.map((axis) => axis.path));
  for (const axis of cliAxes) {
    if (seen.has(axis.path)) continue;
    seen.add(axis.path);
    merged.push(axis);
  }
  return merged;
}

/** Every value of an axis, a range expanded to its integers. */
export function axisValues(axis: Axis): AxisValue[] {
  if ('values' in axis) return [...axis.values];
  const out: AxisValue[] = [];
  for (let v = axis.range[0]; v <= axis.range[1]; v++) out.push({ text: String(v), value: v });
  return out;
}
