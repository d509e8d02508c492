/** Thrown by a command for bad input (arguments or files): printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
