/**
 * Bad input to `cdk-data-protection check`: a missing path, a file that does not parse, a plan of
 * an unknown format, a directory without infrastructure code. The message names the file, the
 * line when a parser reports one, and what was expected. Exit code 2.
 */
export class CheckInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckInputError';
  }
}

/** Exit codes of `cdk-data-protection check`. */
export enum ExitCode {
  /** Nothing violated (everything judged compliant, not applicable or acknowledged). */
  OK = 0,
  /** At least one open violation (non-compliant, unverifiable, or content that was not judged). */
  VIOLATIONS = 1,
  /** Bad input or usage: nothing was written. */
  BAD_INPUT = 2,
}
