/**
 * User errors of the command line: wrong option values, missing files. Printed as one
 * line with a hint, never with a stack trace; exit code 2 (bad input).
 */
export class UsageError extends Error {
  readonly code = 'E_USAGE';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }

  format(): string {
    return `meshsim: ${this.message}${this.hint === undefined ? '' : ` (hint: ${this.hint})`}`;
  }
}

/** Exit codes, documented in the README and `meshsim --help`. */
export const EXIT = Object.freeze({
  ok: 0,
  /** A check or SLO failed, or an internal error. */
  failed: 1,
  /** Bad input: scenario errors, unknown options, missing files. */
  badInput: 2,
});
