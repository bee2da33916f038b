import { systemClock } from '../kernel/clock.js';
import { generatePassword } from '../security/generated-password.js';
import { hashPassword } from '../security/password.js';
import { endAccessAfterPasswordChange } from '../service/password-change.js';
import { deleteTwoFactor } from '../store/two-factor.js';
import { findUserByEmail, updateUser } from '../store/users.js';
import { withDatabase } from './cli-database.js';
import { CliError } from './cli-error.js';
import { assertAcceptablePassword, readPasswordFromStdin } from './password-input.js';

export interface ResetPasswordOptions {
  passwordStdin?: boolean;
  keepTokens?: boolean;
  resetTwoFactor?: boolean;
}

/**
 * `vigil user reset-password`: the break-glass path. Whoever runs it holds the database's
 * credentials already, so unlike the API it may reset an owner (the last owner locked out,
 * single sign-on down). Like a password change in the API, it ends the user's sessions
 * and revokes their API tokens (unless --keep-tokens).
 */
export async function userResetPassword(email: string, options: ResetPasswordOptions, print: (line: string) => void): Promise<void> {
  const password = options.passwordStdin ? await readPasswordFromStdin() : generatePassword();
  assertAcceptablePassword(password);
  await withDatabase('vigil user reset-password', async (_config, { db }) => {
    const user = await findUserByEmail(db, email);
    if (!user) throw new CliError(`no user has the email ${email}`, 1, '`vigil user list` shows every user');
    const now = systemClock.now();
    await updateUser(db, user.id, { passwordHash: await hashPassword(password) }, now);
    await endAccessAfterPasswordChange(db, user.id, now, { revokeTokens: !options.keepTokens });
    if (options.resetTwoFactor) await deleteTwoFactor(db, user.id);
    const ended = options.keepTokens ? 'their sessions ended' : 'their sessions ended and API tokens revoked';
    print(`New password set for ${user.email} (${user.role}); ${ended}${options.resetTwoFactor ? '; two-factor reset' : ''}.`);
    if (!options.passwordStdin) print(`Password: ${password}\nIt is shown only now.`);
  });
}
