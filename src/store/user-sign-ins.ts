import type { Kysely } from 'kysely';
import type { DB, UserRow } from './schema.js';

export interface UserSignIns {
  user: UserRow;
  twoFactor: boolean;
  /**
   * The newest sign-in still on record: the start of the user's newest live session, or
   * their last single sign-on login. Ended and expired sessions leave no trace, so null
   * means none is known, not never.
   */
  lastLoginAt: number | null;
}

/** Every user by email, with whether two-factor is on and when they last signed in, as far as stored. */
export async function listUserSignIns(db: Kysely<DB>): Promise<UserSignIns[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const totp = await db.selectFrom('user_totp').select('user_id').where('confirmed_at', 'is not', null).execute();
  const sessions = await db.selectFrom('sessions').select((eb) => ['user_id', eb.fn.max('created_at').as('at')]).groupBy('user_id').execute();
  const identities = await db.selectFrom('user_identities').select((eb) => ['user_id', eb.fn.max('last_login_at').as('at')]).groupBy('user_id').execute();
  const withTwoFactor = new Set(totp.map((r) => r.user_id));
  const last = new Map<string, number>();
  for (const { user_id, at } of [...sessions, ...identities]) last.set(user_id, Math.max(last.get(user_id) ?? 0, Number(at)));
  return users.map((user) => ({ user, twoFactor: withTwoFactor.has(user.id), lastLoginAt: last.get(user.id) ?? null }));
}
