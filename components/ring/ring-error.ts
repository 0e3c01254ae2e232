import { ComponentError, type ComponentErrorCode } from '../errors';

/**
 * The codes this module used before it shared ComponentError's dotted codes. Each error
 * still carries one as `ringCode`, so a caller that compares `RING_EMPTY` keeps working.
 */
export type RingErrorCode =
  | 'RING_EMPTY'
  | 'RING_DUPLICATE_NODE'
  | 'RING_UNKNOWN_NODE'
  | 'RING_INVALID_OPTION'
  | 'RING_INVALID_ARGUMENT'
  | 'RING_DUPLICATE_KEY'
  | 'RING_UNKNOWN_KEY';

/** The old code of every code the ring module throws; one old code may cover several new ones. */
const ringCodes = {
  'ring.empty': 'RING_EMPTY',
  'ring.duplicate-node': 'RING_DUPLICATE_NODE',
  'ring.unknown-node': 'RING_UNKNOWN_NODE',
  'ring.duplicate-key': 'RING_DUPLICATE_KEY',
  'ring.unknown-key': 'RING_UNKNOWN_KEY',
  'option.unknown-field': 'RING_INVALID_OPTION',
  'option.out-of-range': 'RING_INVALID_OPTION',
  'option.wrong-type': 'RING_INVALID_OPTION',
  'ring.unweighted': 'RING_INVALID_OPTION',
  'ring.point-count-out-of-range': 'RING_INVALID_OPTION',
  'ring.table-size-not-prime': 'RING_INVALID_OPTION',
  'ring.hash-out-of-range': 'RING_INVALID_OPTION',
  'argument.out-of-range': 'RING_INVALID_ARGUMENT',
  'argument.empty': 'RING_INVALID_ARGUMENT',
  'argument.invalid-name': 'RING_INVALID_ARGUMENT',
  'ring.last-node-loaded': 'RING_INVALID_ARGUMENT',
} as const satisfies Partial<Record<ComponentErrorCode, RingErrorCode>>;

/** The codes a RingError may carry. */
export type RingComponentErrorCode = keyof typeof ringCodes;

/**
 * An error from the ring module: a ComponentError whose message starts with "ring:" and
 * carries the offending value; options errors also name the field and the allowed range.
 */
export class RingError extends ComponentError {
  override readonly name = 'RingError';
  declare readonly code: RingComponentErrorCode;
  /** The module's code before ComponentError (`RING_EMPTY`, …), kept for old callers. */
  readonly ringCode: RingErrorCode;

  constructor(code: RingComponentErrorCode, message: string, hint?: string) {
    super(code, `ring: ${message}`, hint);
    this.ringCode = ringCodes[code];
  }
}
