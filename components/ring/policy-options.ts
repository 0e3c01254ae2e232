import { numericOptionCode } from '../errors';
import { RingError } from './ring-error';

/**
 * Reading a balancer policy's scenario options (an untyped record from YAML): unknown
 * fields and wrong types are rejected with the field, the value and what is allowed.
 */

/** Throws if `options` has a field not in `allowed`. */
export function checkKnownOptions(
  policy: string,
  options: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): void {
  for (const field of Object.keys(options)) {
    if (!allowed.includes(field)) {
      throw new RingError('option.unknown-field', `${policy} policy: unknown option "${field}"; allowed: ${allowed.join(', ')}`);
    }
  }
}

/** The integer option `field` in [min, max], or undefined when absent. */
export function optionalInteger(
  policy: string,
  options: Readonly<Record<string, unknown>>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = options[field];
  if (value === undefined) return undefined;
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    throw new RingError(
      numericOptionCode(value),
      `${policy} policy: ${field} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
