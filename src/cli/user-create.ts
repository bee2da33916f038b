import { Value } from 'typebox/value';
import { AppError } from '../core/errors.js';
import { canonicalTimeZone } from '../core/time/zone.js';
import { CreateUser } from '../http/schemas/user.js';
import { systemClock } from '../kernel/clock.js';
import { generatePassword } from '../security/generated-password.js';
import { hashPassword } from '../security/password.js';
import type { Role } from '../store/schema.js';
import { createUser } from '../store/users.js';
import { withDatabase } from './cli-database.js';
import { CliError } from './cli-error.js';
import { assertAcceptablePassword, readPasswordFromStdin } from './password-input.js';

export interface UserCreateOptions {
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  passwordStdin?: boolean;
}

const optionOf: Record<string, string> = { '/email': '--email', '/name': '--name', '/role': '--role', '/timeZone': '--time-zone' };

/** The API's rules for a new user (the same schema), with errors named by option. */
function checkedInput(options: UserCreateOptions): UserCreateOptions {
  const error = [...Value.Errors(CreateUser, { email: options.email, name: options.name, role: options.role })][0];
  if (error) throw new CliError(`${optionOf[error.instancePath] ?? error.instancePath} ${error.message}`, 2);
  try {
    return { ...options, timeZone: canonicalTimeZone(options.timeZone) };
  } catch {
    throw new CliError(`--time-zone: unknown time zone "${options.timeZone}"`, 2, 'use an IANA name such as Europe/London');
  }
}

/** `vigil user create`: a new user with a password from standard input, or a generated one printed once. */
export async function userCreate(options: UserCreateOptions, print: (line: string) => void): Promise<void> {
  const input = checkedInput(options);
  const password = input.passwordStdin ? await readPasswordFromStdin() : generatePassword();
  assertAcceptablePassword(password);
  await withDatabase('vigil user create', async (_config, { db }) => {
    const passwordHash = await hashPassword(password);
    const user = await createUser(db, { email: input.email, name: input.name, role: input.role, timeZone: input.timeZone, passwordHash }, systemClock.now()).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'email_taken') {
        throw new CliError(`a user with the email ${input.email} already exists`, 1, 'give them a new password with `vigil user reset-password`');
      }
      throw err;
    });
    print(`Created ${user.role} ${user.email} (${user.name}, ${user.time_zone}).`);
    if (!input.passwordStdin) print(`Password: ${password}\nIt is shown only now; they can change it under Profile.`);
  });
}
