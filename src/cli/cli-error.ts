/** Exit status 2: what the operator asked for is wrong (configuration, arguments); 1: it could not be done. */
export type ExitCode = 1 | 2;

/**
 * A failure the operator can act on, printed as one line (what went wrong, then what to
 * check) instead of a stack trace. `cause` keeps the original error for VIGIL_LOG_LEVEL=debug.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
