import type { Kysely } from 'kysely';
import { newSecretToken, sha256 } from '../security/secret-token.js';
import type { DB, UserRow } from './schema.js';

export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;

export interface NewSession {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: number;
}

/** `mustEnrolTwoFactor`: two-factor is required and the user has none, so the session may only set it up. */
export async function createSession(db: Kysely<DB>, userId: string, now: number, mustEnrolTwoFactor = false): Promise<NewSession> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = now + sessionLifetimeMs;
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt, must_enrol_two_factor: mustEnrolTwoFactor ? 1 : 0 })
    .execute();
  // Expired sessions are swept on login rather than by a timer: logins are rare enough.
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  return { token, csrfToken, expiresAt };
}

export async function findSessionUser(
  db: Kysely<DB>,
  token: string,
  now: number,
): Promise<{ user: UserRow; csrfToken: string; mustEnrolTwoFactor: boolean } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.must_enrol_two_factor'])
    .where('s.id', '=', sha256(token))
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrf_token, must_enrol_two_factor, ...user } = row;
  return { user, csrfToken: csrf_token, mustEnrolTwoFactor: must_enrol_two_factor === 1 };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** Ends every session of the user, except the one whose cookie token is `keep` (if given). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string, keep?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keep !== undefined, (q) => q.where('id', '!=', sha256(keep ?? '')))
    .execute();
}
