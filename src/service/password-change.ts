import type { Kysely } from 'kysely';
import { revokeApiTokensOfUser } from '../store/api-tokens.js';
import type { DB } from '../store/schema.js';
import { deleteSessionsOfUser } from '../store/sessions.js';

/**
 * What a new password takes away, whoever sets it (the user, an admin, the command line):
 * whoever knew the old one loses what it gave them. Every session of the user ends but
 * `keepSession` (the one the change was made from), and their API tokens are revoked
 * unless `revokeTokens` is false.
 */
export async function endAccessAfterPasswordChange(
  db: Kysely<DB>,
  userId: string,
  now: number,
  options: { keepSession?: string | undefined; revokeTokens: boolean },
): Promise<void> {
  await deleteSessionsOfUser(db, userId, options.keepSession);
  if (options.revokeTokens) await revokeApiTokensOfUser(db, userId, now);
}
