import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import { newSecretToken, sha256 } from '../security/secret-token.js';
import { newId } from './ids.js';
import type { DB, UserRow } from './schema.js';

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  /** Null: never expires. */
  expiresAt: number | null;
}

const tokenPrefix = 'vgl_';

export async function createApiToken(
  db: Kysely<DB>,
  userId: string,
  name: string,
  expiresAt: number | null,
  now: number,
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = newSecretToken(tokenPrefix);
  const info: ApiTokenInfo = { id: newId(), name, prefix: token.slice(0, tokenPrefix.length + 6), createdAt: now, lastUsedAt: null, expiresAt };
  await audited(db, { entity: 'api_token', id: info.id, action: 'create' }, (trx) =>
    trx
      .insertInto('api_tokens')
      .values({
        id: info.id,
        user_id: userId,
        name,
        token_hash: sha256(token),
        prefix: info.prefix,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
        expires_at: expiresAt,
      })
      .execute(),
  );
  return { token, info };
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(tokenPrefix);
}

export async function findApiTokenUser(db: Kysely<DB>, token: string, now: number): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select('t.id as token_id')
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, ...user } = row;
  // Minute precision is enough for "last used", and spares a write on every request.
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', token_id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', now - 60_000)]))
    .execute();
  return user;
}

export async function listApiTokens(db: Kysely<DB>, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at }));
}

export function revokeApiToken(db: Kysely<DB>, userId: string, id: string, now: number): Promise<void> {
  return audited(db, { entity: 'api_token', id, action: 'revoke' }, async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('not_found', `No token ${id}`);
  });
}

/** Revokes every live token of the user: a changed password must not leave a stolen token working. */
export async function revokeApiTokensOfUser(db: Kysely<DB>, userId: string, now: number): Promise<void> {
  const live = await db.selectFrom('api_tokens').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  // One by one, so each revoked token has its own audit row.
  for (const { id } of live) {
    await audited(db, { entity: 'api_token', id, action: 'revoke' }, (trx) =>
      trx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute(),
    );
  }
}
