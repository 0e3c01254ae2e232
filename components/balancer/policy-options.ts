/**
 * Reading a policy's scenario options: an untyped record from YAML with units already
 * parsed. Unknown fields and bad values are rejected with the policy, the field, the
 * value and what is allowed; nothing is clamped. The checks are the components' shared
 * ones (components/options), named after the policy.
 */
import { checkKnownFields, checkOption, checkOptionalOption, describe, type OptionRange } from '../options/check-option';

/** Allowed values of one numeric option; bounds are inclusive unless `minExclusive`. */
export type NumberRange = OptionRange;

/** Throws a ComponentError (`option.unknown-field`) if `options` has a field not in `allowed`. */
export function checkKnownOptions(policy: string, options: Readonly<Record<string, unknown>>, allowed: readonly string[]): void {
  checkKnownFields(`balancer: ${policy}`, options, allowed);
}

/** The numeric option `field` within `range`, or `fallback` when absent. */
export function numberOption(
  policy: string,
  options: Readonly<Record<string, unknown>>,
  field: string,
  fallback: number,
  range: NumberRange,
): number {
  return checkOption(`balancer: ${policy}`, field, options[field], fallback, range);
}

/** The numeric option `field` within `range`, or undefined when absent (the policy decides later). */
export function optionalNumberOption(policy: string, options: Readonly<Record<string, unknown>>, field: string, range: NumberRange): number | undefined {
  return checkOptionalOption(`balancer: ${policy}`, field, options[field], range);
}

/** "an integer in [1, 100]", "a number in (0, 3600000]". */
export const describeRange = describe;
