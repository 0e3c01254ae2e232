/**
 * The user-facing error of the scenario loader: every problem of a file, each with its
 * place in the source, so a user fixes them all in one pass. Never a stack trace.
 */

/** One problem in a scenario file. */
export interface ScenarioProblem {
  /** The file as given to the loader. */
  readonly file: string;
  /** 1-based line of the offending key or value; 0 when the problem has no place (unreadable file). */
  readonly line: number;
  /** 1-based column; 0 when `line` is 0. */
  readonly column: number;
  /** Dotted path in the document, e.g. `services.srv.cores` or `faults.0.at`; '' for the whole document. */
  readonly path: string;
  /** What is wrong, with the value received, e.g. `expected a positive integer, got "four"`. */
  readonly message: string;
  /** What a valid value looks like, e.g. `a positive integer`. */
  readonly expected?: string;
  /** What to write instead, e.g. `cores: 4` or `did you mean "replicas"?`. */
  readonly hint?: string;
}

/** One line: `file:line:column  path: message (hint: …)`. */
export function formatProblem(problem: ScenarioProblem): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const subject = problem.path === '' ? '' : `${problem.path}: `;
  const hint = problem.hint === undefined ? '' : ` (hint: ${problem.hint})`;
  return `${place}  ${subject}${problem.message}${hint}`;
}

/** A scenario file that cannot be run, with all its problems in source order. */
export class ScenarioError extends Error {
  /** Stable code for the CLI's exit handling and for tests. */
  readonly code = 'E_SCENARIO';
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }

  /** One line per problem, in source order, for the terminal. */
  format(): string {
    return this.problems.map(formatProblem).join('\n');
  }
}
