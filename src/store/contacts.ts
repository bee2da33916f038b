import type { Kysely } from 'kysely';
import type { Urgency } from '../core/escalation/urgency.js';
import { AppError } from '../core/errors.js';
import { newId } from './ids.js';
import type { ContactKind, ContactMethodsTable, DB, NotificationRulesTable } from './schema.js';

export type ContactMethodRow = ContactMethodsTable;
export type NotificationRuleRow = NotificationRulesTable;

export async function insertContactMethod(
  db: Kysely<DB>,
  userId: string,
  input: { kind: ContactKind; label: string; address: string; verified: boolean; secret?: string | null },
  now: number,
): Promise<ContactMethodRow> {
  const row: ContactMethodRow = {
    id: newId(),
    user_id: userId,
    kind: input.kind,
    label: input.label,
    address: input.address,
    created_at: now,
    verified_at: input.verified ? now : null,
    verification_hash: null,
    verification_expires_at: null,
    verification_attempts: 0,
    secret: input.secret ?? null,
  };
  await db.insertInto('contact_methods').values(row).execute();
  return row;
}

export function listContactMethods(db: Kysely<DB>, userId: string): Promise<ContactMethodRow[]> {
  return db.selectFrom('contact_methods').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

/** The sealed secret of a user's method at an address (pages name their method by kind and address; the API keeps that pair unique for ntfy). */
export async function contactSecretFor(db: Kysely<DB>, userId: string, kind: ContactKind, address: string): Promise<string | null> {
  const row = await db
    .selectFrom('contact_methods')
    .select('secret')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.secret ?? null;
}

export async function getContactMethod(db: Kysely<DB>, userId: string, id: string): Promise<ContactMethodRow> {
  const row = await db.selectFrom('contact_methods').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No contact method ${id}`);
  return row;
}

export async function deleteContactMethod(db: Kysely<DB>, userId: string, id: string): Promise<void> {
  const result = await db.deleteFrom('contact_methods').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found', `No contact method ${id}`);
}

export async function insertRule(
  db: Kysely<DB>,
  userId: string,
  input: { contactMethodId: string; delaySeconds: number; urgency?: Urgency | null | undefined },
  now: number,
): Promise<NotificationRuleRow> {
  const row: NotificationRuleRow = { id: newId(), user_id: userId, contact_method_id: input.contactMethodId, delay_seconds: input.delaySeconds, created_at: now, urgency: input.urgency ?? null };
  await db.insertInto('notification_rules').values(row).execute();
  return row;
}

export function listRules(db: Kysely<DB>, userId: string): Promise<NotificationRuleRow[]> {
  return db.selectFrom('notification_rules').selectAll().where('user_id', '=', userId).orderBy('delay_seconds').orderBy('id').execute();
}

export async function deleteRule(db: Kysely<DB>, userId: string, id: string): Promise<void> {
  const result = await db.deleteFrom('notification_rules').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found', `No notification rule ${id}`);
}

export interface RuleWithMethod {
  ruleId: string;
  userId: string;
  delaySeconds: number;
  /** null: both urgencies. */
  urgency: Urgency | null;
  contactMethodId: string;
  kind: ContactKind;
  address: string;
}

/** Every notification rule of these users whose contact method is verified. */
export async function rulesOf(db: Kysely<DB>, userIds: string[]): Promise<RuleWithMethod[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('notification_rules as r')
    .innerJoin('contact_methods as m', 'm.id', 'r.contact_method_id')
    .select(['r.id as ruleId', 'r.user_id as userId', 'r.delay_seconds as delaySeconds', 'r.urgency', 'm.id as contactMethodId', 'm.kind', 'm.address'])
    .where('r.user_id', 'in', [...new Set(userIds)])
    .where('m.verified_at', 'is not', null)
    .orderBy('r.delay_seconds')
    .execute();
}

/**
 * Stores a fresh verification code (hashed), valid for `lifetimeMs`. Wrong tries carry
 * over while the previous code is still valid: otherwise each resend would buy five more
 * guesses. Once it has expired, the count starts again.
 */
export async function setVerificationCode(db: Kysely<DB>, id: string, codeHash: string, now: number, lifetimeMs: number): Promise<void> {
  await db
    .updateTable('contact_methods')
    .set((eb) => ({
      verification_hash: codeHash,
      verification_expires_at: now + lifetimeMs,
      verification_attempts: eb
        .case()
        .when(eb.or([eb('verification_expires_at', 'is', null), eb('verification_expires_at', '<=', now)]))
        .then(0)
        .else(eb.ref('verification_attempts'))
        .end(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function countVerificationAttempt(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('contact_methods')
    .set((eb) => ({ verification_attempts: eb('verification_attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markVerified(db: Kysely<DB>, id: string, now: number): Promise<void> {
  await db
    .updateTable('contact_methods')
    .set({ verified_at: now, verification_hash: null, verification_expires_at: null })
    .where('id', '=', id)
    .execute();
}
