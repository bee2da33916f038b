import { Value } from 'typebox/value';
import { PatchUser } from '../http/schemas/user.js';
import { CliError } from './cli-error.js';

/** The first line of standard input (`printf '%s\n' "$PASSWORD" | vigil …`, or `< file`). */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** The API's password rule (length), so the command line sets no password the API would refuse. */
export function assertAcceptablePassword(password: string): void {
  const error = [...Value.Errors(PatchUser, { password })][0];
  if (error) throw new CliError(`the password from standard input ${error.message}`, 2, 'passwords are 8 to 512 characters');
}
