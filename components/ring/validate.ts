import { ringDefaults } from './defaults';
import type { StringHash } from './placement';
import { invariantError, numericOptionCode } from '../errors';
import { RingError } from './ring-error';

/**
 * Checks shared by the placements. Every failure names the field, the value received
 * and the allowed range; nothing is ever clamped.
 */

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new RingError(numericOptionCode(value), `${field} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** Throws unless `weight` is a finite number in (0, weightMax]. */
export function checkWeight(node: string, weight: number): void {
  if (!(weight > 0 && weight <= ringDefaults.weightMax)) {
    throw new RingError(
      numericOptionCode(weight),
      `weight of node "${node}" must be a number in (0, ${ringDefaults.weightMax}], got ${weight}`,
    );
  }
}

/** Throws unless `node` is a non-empty string. */
export function checkNodeName(node: string): void {
  if (typeof node !== 'string' || node.length === 0) {
    throw new RingError('argument.invalid-name', `node name must be a non-empty string, got ${JSON.stringify(node)}`);
  }
}

/** Throws unless `hash` returned an unsigned 32-bit integer for `key`. */
export function checkHashValue(key: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0 && value <= 0xffffffff)) {
    throw new RingError(
      'ring.hash-out-of-range',
      `hash must return an integer in [0, 4294967295], got ${value} for ${JSON.stringify(key)}`,
      'a custom hash must return an unsigned 32-bit integer: end it with `>>> 0`',
    );
  }
}

/** Error for a lookup on a placement without nodes. */
export function emptyError(name: string, key: string): RingError {
  return new RingError('ring.empty', `${name}: lookup of ${JSON.stringify(key)} in an empty placement (add a node first)`);
}

/** Error for adding a node twice. */
export function duplicateNodeError(name: string, node: string): RingError {
  return new RingError('ring.duplicate-node', `${name}: node "${node}" is already present (remove it first to change its weight)`);
}

/** Error for removing or querying a node that is not there. */
export function unknownNodeError(name: string, node: string): RingError {
  return new RingError('ring.unknown-node', `${name}: unknown node "${node}"`);
}

/** Throws with the invariant's name when `condition` is false. */
export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw invariantError('ring.invariant-violated', `ring: invariant violated: ${message}`);
}

/**
 * The hash to use: `murmur3String` when none is given, else `hash` wrapped so that a
 * value outside [0, 2^32) fails loudly instead of corrupting the sorted ring. The
 * wrapper costs a few comparisons per call and only custom hashes pay it.
 */
export function checkedHash(hash: StringHash | undefined, fallback: StringHash): StringHash {
  if (hash === undefined) return fallback;
  return (key: string, seed?: number): number => {
    const value = hash(key, seed);
    checkHashValue(key, value);
    return value;
  };
}
