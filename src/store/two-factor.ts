import type { Kysely } from 'kysely';
import { newSecretToken, sha256 } from '../security/secret-token.js';
import { audited } from './audit.js';
import { identitySettings } from './audit-snapshots.js';
import { newId } from './ids.js';
import type { DB, UserTotpTable } from './schema.js';

export type TotpRow = UserTotpTable;

/** Two-factor is on once the enrolment was confirmed with a first code. */
export const isTotpOn = (totp: TotpRow | undefined): totp is TotpRow & { confirmed_at: number } => totp !== undefined && totp.confirmed_at !== null;

export function findTotp(db: Kysely<DB>, userId: string): Promise<TotpRow | undefined> {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Starts (or restarts) an enrolment: the secret is unconfirmed until a first good code. */
export async function putPendingTotp(db: Kysely<DB>, userId: string, secretEncrypted: string, now: number): Promise<void> {
  await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
  await db.insertInto('user_totp').values({ user_id: userId, secret_encrypted: secretEncrypted, confirmed_at: null, last_step: null, created_at: now }).execute();
}

/**
 * Records a used time step, only if it is later than the last one: of two requests racing
 * with the same code, one wins. Returns whether this one did.
 */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('user_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Confirms the enrolment and replaces the recovery codes, in one transaction. */
export async function confirmTotp(db: Kysely<DB>, userId: string, codeHashes: string[], now: number): Promise<void> {
  await audited(db, { entity: 'two_factor', id: userId, action: 'enable_two_factor' }, async (trx) => {
    await trx.updateTable('user_totp').set({ confirmed_at: now }).where('user_id', '=', userId).execute();
    await replaceRecoveryCodes(trx, userId, codeHashes);
    await trx.updateTable('sessions').set({ must_enrol_two_factor: 0 }).where('user_id', '=', userId).execute();
  });
}

export async function replaceRecoveryCodes(db: Kysely<DB>, userId: string, codeHashes: string[]): Promise<void> {
  await audited(db, { entity: 'two_factor', id: userId, action: 'replace_recovery_codes' }, async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(codeHashes.map((code_hash) => ({ id: newId(), user_id: userId, code_hash, used_at: null })))
      .execute();
  });
}

export async function deleteTwoFactor(db: Kysely<DB>, userId: string): Promise<void> {
  await audited(db, { entity: 'two_factor', id: userId, action: 'disable_two_factor' }, async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
  });
}

/** Marks an unused recovery code used; false if there is none (or it was used meanwhile). */
export async function useRecoveryCode(db: Kysely<DB>, userId: string, codeHash: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const loginChallengeLifetimeMs = 5 * 60_000;
export const loginChallengeAttempts = 5;

export async function createLoginChallenge(db: Kysely<DB>, userId: string, now: number): Promise<string> {
  const token = newSecretToken('2fa_');
  await db.deleteFrom('login_challenges').where('expires_at', '<=', now).execute();
  await db.insertInto('login_challenges').values({ id: sha256(token), user_id: userId, attempts: 0, expires_at: now + loginChallengeLifetimeMs }).execute();
  return token;
}

/**
 * Counts one attempt against a live challenge and returns its user, or undefined when the
 * challenge is unknown, expired or out of attempts (it is then deleted: log in again).
 */
export async function takeLoginChallengeAttempt(db: Kysely<DB>, token: string, now: number): Promise<string | undefined> {
  const id = sha256(token);
  const res = await db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .where('attempts', '<', loginChallengeAttempts)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    await db.deleteFrom('login_challenges').where('id', '=', id).execute();
    return undefined;
  }
  const row = await db.selectFrom('login_challenges').select('user_id').where('id', '=', id).executeTakeFirst();
  return row?.user_id;
}

export async function deleteLoginChallenge(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('id', '=', sha256(token)).execute();
}

export async function isTwoFactorRequired(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('identity_settings').select('require_two_factor').where('id', '=', 1).executeTakeFirst();
  return row?.require_two_factor === 1;
}

export async function setTwoFactorRequired(db: Kysely<DB>, required: boolean, now: number): Promise<void> {
  const value = required ? 1 : 0;
  await audited(db, { entity: 'setting', id: identitySettings, action: 'update' }, (trx) =>
    trx
      .insertInto('identity_settings')
      .values({ id: 1, require_two_factor: value, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ require_two_factor: value, updated_at: now }))
      .execute(),
  );
}
