/**
 * The one error type of components/ (after h11's `ProtocolError`): a stable `code` that
 * callers and tests compare, a message that names the component, the field or argument
 * and the value received, and an optional `hint` saying what to do about it.
 *
 * Codes are `family.condition`, one per distinct condition. `option.*` and `argument.*`
 * are shared by every component (the message names which one); the rest belong to one
 * component. Expected outcomes of the modelled world (timeouts, drops, rejections) are
 * values or events, never a ComponentError. docs/components/errors.md lists the codes.
 */

/** Every code a component throws, with when; the docs table is checked against it. */
export const componentErrorCodes = Object.freeze({
  'option.unknown-field': 'an options object has a field the component does not know',
  'option.out-of-range': 'a number (an options field, a node or backend weight) outside its allowed range',
  'option.wrong-type': 'an option of the wrong type: a string where a number goes, a compare that is not a function',
  'option.not-one-of': 'an option outside its list of allowed values',
  'option.duplicate-entry': 'a list option names the same entry twice',
  'option.missing': 'a required option is absent',
  'option.conflicting': 'two options are set that exclude each other',
  'argument.out-of-range': 'an argument of a call (a count, an index, a key, a time) outside its domain',
  'argument.empty': 'a call needs a non-empty list and got an empty one',
  'argument.invalid-name': 'a node or member name that is not a non-empty string',
  'balancer.unknown-policy': 'a balancing policy name that is not registered',
  'balancer.invariant-violated': 'a balancer data structure is inconsistent (a bug)',
  'btree.incomparable-keys': 'the default compare met NaN or keys of mixed types',
  'btree.unsorted-input': 'bulk-load input that is not strictly ascending',
  'btree.invariant-violated': 'a B+tree or write buffer is inconsistent (a bug)',
  'discovery.invariant-violated': 'the registry is inconsistent (a bug)',
  'gossip.foreign-directory': "a member's dedupe uses another member directory",
  'gossip.started-twice': 'start() on a member that was started before',
  'gossip.invariant-violated': 'membership state is inconsistent (a bug)',
  'kv.duplicate-node': 'a partitioner asked to add a node it already has',
  'kv.unknown-node': 'a partitioner asked to remove a node it does not have',
  'kv.store-not-empty': 'a bulk load into a store that already holds keys',
  'kv.change-in-progress': 'a membership change begun while another is in progress',
  'kv.no-change-in-progress': 'commit without a membership change in progress',
  'kv.clock-overflow': 'the version clock is past the range a version can encode',
  'kv.invariant-violated': 'a store, coordinator or partitioner is inconsistent (a bug)',
  'proxy.invariant-violated': "a client proxy's counts disagree with its circuit breaker's (a bug)",
  'resilience.started-twice': 'start() on a hedged request that was started before',
  'resilience.release-without-acquire': 'a circuit-breaker release with no matching tryAcquire',
  'resilience.invariant-violated': 'a health checker, breaker or outlier detector is inconsistent (a bug)',
  'ring.empty': 'a lookup or assign on a placement without nodes',
  'ring.duplicate-node': 'add of a node that is already present',
  'ring.unknown-node': 'remove or query of a node that is not present',
  'ring.duplicate-key': 'bounded loads: assign of a key that is already assigned',
  'ring.unknown-key': 'bounded loads: release of a key that is not assigned',
  'ring.last-node-loaded': 'bounded loads: removing the last node while it holds keys',
  'ring.unweighted': 'a weight other than 1 for a placement without weights (jump, bounded loads)',
  'ring.point-count-out-of-range': 'a hash-ring node whose round(vnodes·weight) is below 1 or over the ring size limit',
  'ring.table-size-not-prime': 'a Maglev table size that is not prime',
  'ring.hash-out-of-range': 'a custom hash returned a value outside [0, 2^32)',
  'ring.invariant-violated': 'a ring or table is inconsistent (a bug)',
});

/** A stable error code, `family.condition`. */
export type ComponentErrorCode = keyof typeof componentErrorCodes;

/** The hint of every `*.invariant-violated` error: the input was fine, the code was not. */
export const invariantHint = 'this is a bug, not a bad input: please report it with the scenario and the seed';

/** An error thrown by a component, with a stable code and an optional hint. */
export class ComponentError extends Error {
  override readonly name: string = 'ComponentError';

  /**
   * @param code stable code, see `componentErrorCodes`
   * @param message what went wrong, prefixed with the component, with the value received
   * @param hint what the caller can do about it, when there is something to say beyond the message
   */
  constructor(
    readonly code: ComponentErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** One line: the message, then `(hint: …)` when there is one (the CLI's format). */
  format(): string {
    return this.hint === undefined ? this.message : `${this.message} (hint: ${this.hint})`;
  }
}

/** An `<component>.invariant-violated` error with the standard hint. */
export function invariantError(
  code: ComponentErrorCode & `${string}.invariant-violated`,
  message: string,
): ComponentError {
  return new ComponentError(code, message, invariantHint);
}

/**
 * The code for a numeric option that failed its check: `option.wrong-type` when the value
 * is not a number at all (a string from a scenario), else `option.out-of-range`.
 */
export function numericOptionCode(value: unknown): 'option.out-of-range' | 'option.wrong-type' {
  return typeof value === 'number' ? 'option.out-of-range' : 'option.wrong-type';
}
