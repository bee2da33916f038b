import { CommanderError } from 'commander';
import { ConfigError } from '../app/config.js';
import { AppError } from '../core/errors.js';
import { CliError } from './cli-error.js';

const debugLevels = new Set(['debug', 'trace']);

/** The code of a usage error of `vigil apply`, whose exit status 2 means "changes". */
export const APPLY_USAGE_ERROR = 'vigil.applyUsage';

/**
 * Prints a failed command to stderr and returns its exit status: a readable line (and a
 * hint), never a stack trace unless VIGIL_LOG_LEVEL asks for debugging.
 */
export function reportFailure(err: unknown, write: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): number {
  // Commander printed it already.
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : err.code === APPLY_USAGE_ERROR ? 1 : 2;
  const debug = debugLevels.has(process.env['VIGIL_LOG_LEVEL'] ?? '');
  const stack = (e: unknown) => {
    if (!debug) return;
    for (let c = e; c instanceof Error; c = c.cause) write(c.stack ?? String(c));
  };
  if (err instanceof ConfigError) {
    write(err.message);
    return 2;
  }
  if (err instanceof CliError) {
    write(`vigil: ${err.message}${err.hint ? `; ${err.hint}` : ''}`);
    stack(err.cause);
    return err.exitCode;
  }
  if (err instanceof AppError) {
    const fields = err.errors.map((f) => `${f.path.replace(/^\/body\//, '')} ${f.message}`);
    write(`vigil: ${err.message}${fields.length > 0 ? `: ${fields.join('; ')}` : ''}`);
    stack(err);
    return 1;
  }
  write(`vigil: ${err instanceof Error ? err.message : String(err)}${debug ? '' : ' (VIGIL_LOG_LEVEL=debug shows the stack trace)'}`);
  stack(err);
  return 1;
}
