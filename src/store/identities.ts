import type { Kysely } from 'kysely';
import type { DB, TeamRow } from './schema.js';

/** The Vigil user an OpenID Connect account (issuer + subject) logs in as. */
export async function findIdentityUser(db: Kysely<DB>, issuer: string, subject: string): Promise<string | undefined> {
  const row = await db.selectFrom('user_identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return row?.user_id;
}

export async function linkIdentity(db: Kysely<DB>, issuer: string, subject: string, userId: string, now: number): Promise<void> {
  await db.insertInto('user_identities').values({ issuer, subject, user_id: userId, created_at: now, last_login_at: now }).execute();
}

export async function touchIdentity(db: Kysely<DB>, issuer: string, subject: string, now: number): Promise<void> {
  await db.updateTable('user_identities').set({ last_login_at: now }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}

export async function teamsByName(db: Kysely<DB>, names: string[]): Promise<TeamRow[]> {
  if (names.length === 0) return [];
  return db.selectFrom('teams').selectAll().where('name', 'in', names).execute();
}

export async function teamIdsOfUser(db: Kysely<DB>, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.team_id));
}
