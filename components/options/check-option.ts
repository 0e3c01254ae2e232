/**
 * Option checks shared by the components (balancer policies, resilience, discovery). Options arrive typed
 * from code or untyped from a scenario (units already parsed), so both unknown fields
 * and values out of range are rejected with the component, the field, the value and
 * what is allowed. Nothing is ever clamped. Failures are ComponentErrors coded
 * `option.unknown-field`, `option.out-of-range` or `option.wrong-type`.
 */
import { ComponentError, numericOptionCode } from '../errors';

/** Allowed values of one numeric option; bounds are inclusive unless `minExclusive`. */
export interface OptionRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}

/** Throws a ComponentError (`option.unknown-field`) if `options` has a field not in `allowed`. */
export function checkKnownFields(component: string, options: object, allowed: readonly string[]): void {
  for (const field of Object.keys(options)) {
    if (!allowed.includes(field)) {
      throw new ComponentError(
        'option.unknown-field',
        `${component}: unknown option "${field}"; allowed: ${allowed.join(', ') || '(none)'}`,
      );
    }
  }
}

/** `value` checked against `range`, or `fallback` when undefined; `option.out-of-range` or `option.wrong-type` otherwise. */
export function checkOption(component: string, field: string, value: unknown, fallback: number, range: OptionRange): number {
  return checkOptionalOption(component, field, value, range) ?? fallback;
}

/** `value` checked against `range`, or undefined when undefined. */
export function checkOptionalOption(component: string, field: string, value: unknown, range: OptionRange): number | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === 'number' && inRange(value, range))) {
    throw new ComponentError(numericOptionCode(value), `${component}: ${field} must be ${describe(range)}, got ${shown(value)}`);
  }
  return value;
}

/** A value as the message shows it: strings quoted (so "100" reads as text), NaN as NaN, not null. */
function shown(value: unknown): string {
  return typeof value === 'object' || typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function inRange(value: number, range: OptionRange): boolean {
  if (range.integer === true && !Number.isInteger(value)) return false;
  const aboveMin = range.minExclusive === true ? value > range.min : value >= range.min;
  return aboveMin && value <= range.max;
}

/** "an integer in [1, 100]", "a number in (0, 3600000]". */
export function describe(range: OptionRange): string {
  const kind = range.integer === true ? 'an integer' : 'a number';
  return `${kind} in ${range.minExclusive === true ? '(' : '['}${range.min}, ${range.max}]`;
}

/** Durations accepted anywhere: (0, 1 hour] in ms. */
export const positiveDurationMs: OptionRange = Object.freeze({ min: 0, max: 3_600_000, minExclusive: true });

/** Counts of things (retries, thresholds, hosts): integers in [1, 1,000,000]. */
export const positiveCount: OptionRange = Object.freeze({ min: 1, max: 1_000_000, integer: true });

/** Percentages: [0, 100]. */
export const percent: OptionRange = Object.freeze({ min: 0, max: 100 });
