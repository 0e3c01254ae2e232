/**
 * Stable codes for every error this module throws, so callers and tests can tell them
 * apart without parsing messages.
 */
export type RingErrorCode =
  | 'RING_EMPTY'
  | 'RING_DUPLICATE_NODE'
  | 'RING_UNKNOWN_NODE'
  | 'RING_INVALID_OPTION'
  | 'RING_INVALID_ARGUMENT'
  | 'RING_DUPLICATE_KEY'
  | 'RING_UNKNOWN_KEY';

/**
 * An error from the ring module. Every message starts with "ring:" and carries the
 * offending value; options errors also name the field and the allowed range.
 */
export class RingError extends Error {
  override readonly name = 'RingError';

  constructor(
    readonly code: RingErrorCode,
    message: string,
  ) {
    super(`ring: ${message}`);
  }
}
