import { ComponentError, type ComponentErrorCode } from '../errors';

/** The codes a RingError may carry. */
export type RingComponentErrorCode = Extract<
  ComponentErrorCode,
  | 'ring.empty'
  | 'ring.duplicate-node'
  | 'ring.unknown-node'
  | 'ring.duplicate-key'
  | 'ring.unknown-key'
  | 'ring.unweighted'
  | 'ring.point-count-out-of-range'
  | 'ring.table-size-not-prime'
  | 'ring.hash-out-of-range'
  | 'ring.last-node-loaded'
  | 'option.unknown-field'
  | 'option.out-of-range'
  | 'option.wrong-type'
  | 'argument.out-of-range'
  | 'argument.empty'
  | 'argument.invalid-name'
>;

/**
 * An error from the ring module: a ComponentError whose message starts with "ring:" and
 * carries the offending value; options errors also name the field and the allowed range.
 */
export class RingError extends ComponentError {
  override readonly name = 'RingError';
  declare readonly code: RingComponentErrorCode;

  constructor(code: RingComponentErrorCode, message: string, hint?: string) {
    super(code, `ring: ${message}`, hint);
  }
}
