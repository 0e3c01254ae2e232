/**
 * Reading a policy's scenario options: an untyped record from YAML with units already
 * parsed. Unknown fields and bad values are rejected with the policy, the field, the
 * value and what is allowed; nothing is clamped.
 */

/** Allowed values of one numeric option; bounds are inclusive unless `minExclusive`. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}

/** Throws a RangeError if `options` has a field not in `allowed`. */
export function checkKnownOptions(
  policy: string,
  options: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): void {
  for (const field of Object.keys(options)) {
    if (!allowed.includes(field)) {
      throw new RangeError(`balancer: ${policy}: unknown option "${field}"; allowed: ${allowed.join(', ') || '(none)'}`);
    }
  }
}

/** The numeric option `field` within `range`, or `fallback` when absent. */
export function numberOption(
  policy: string,
  options: Readonly<Record<string, unknown>>,
  field: string,
  fallback: number,
  range: NumberRange,
): number {
  const value = options[field];
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && inRange(value, range))) {
    throw new RangeError(`balancer: ${policy}: ${field} must be ${describeRange(range)}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function inRange(value: number, range: NumberRange): boolean {
  if (range.integer === true && !Number.isInteger(value)) return false;
  const aboveMin = range.minExclusive === true ? value > range.min : value >= range.min;
  return aboveMin && value <= range.max;
}

/** "an integer in [1, 100]", "a number in (0, 3600000]". */
export function describeRange(range: NumberRange): string {
  const kind = range.integer === true ? 'an integer' : 'a number';
  return `${kind} in ${range.minExclusive === true ? '(' : '['}${range.min}, ${range.max}]`;
}
