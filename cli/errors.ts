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

/**
 * Commander's own errors (unknown option, missing argument) as one line in our format:
 * `error: unknown option '--sed'\n(Did you mean --seed?)` becomes
 * `meshsim: unknown option '--sed' (hint: did you mean --seed?)`.
 */
export function oneLineError(text: string, usage: string): string {
  const lines = text.trim().split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const message = (lines[0] ?? 'bad arguments').replace(/^error: /, '');
  const suggestion = lines.slice(1).join(' ').match(/^\(Did you mean (.*)\)$/);
  const hint = suggestion ? `did you mean ${suggestion[1]}` : `${usage} --help`;
  return new UsageError(message, hint).format();
}

/** Exit codes, documented in the README and `meshsim --help`. */
export const EXIT = Object.freeze({
  ok: 0,
  /** A check or SLO failed, or an internal error. */
  failed: 1,
  /** Bad input: scenario errors, unknown options, missing files. */
  badInput: 2,
});
