/**
 * A mistake in what the planner was asked to do (a bad `--vary`, an unknown variant in an
 * expectation, a cost expression that does not evaluate): the message names the input and
 * the hint says what to write instead. The CLI prints it as one line, exit code 2.
 */
export class PlannerError extends Error {
  readonly code = 'E_PLANNER';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
