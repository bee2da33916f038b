import type { Restriction } from '../core/schedule/types.js';
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import { isUniqueViolation } from './database.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, Role, UserRow } from './schema.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  passwordHash: string | null;
}

export interface UserPatch {
  name?: string | undefined;
  role?: Role | undefined;
  timeZone?: string | undefined;
  passwordHash?: string | undefined;
  notifyHandoffs?: boolean | undefined;
  dailySummaryTime?: string | null | undefined;
  handoffLeadMinutes?: number | null | undefined;
  /** null: any time. */
  lowUrgencyHours?: Restriction | null | undefined;
}

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function createUser(db: Kysely<DB>, user: NewUser, now: number): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    email: normaliseEmail(user.email),
    name: user.name,
    role: user.role,
    time_zone: user.timeZone,
    password_hash: user.passwordHash,
    created_at: now,
    updated_at: now,
    notify_handoffs: 0,
    daily_summary_time: null,
    handoff_lead_minutes: null,
    low_urgency_hours: null,
  };
  try {
    await audited(db, { entity: 'user', id: row.id, action: 'create' }, (trx) => trx.insertInto('users').values(row).execute());
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  return row;
}

export function findUser(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UserRow> {
  const user = await findUser(db, id);
  if (!user) throw new AppError('not_found', `No user ${id}`);
  return user;
}

export function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, page: PageRequest): Promise<Page<UserRow>> {
  return keysetPage(page, (after, limit) =>
    db.selectFrom('users').selectAll().$if(after !== undefined, (q) => q.where('id', '>', after as string)).orderBy('id').limit(limit).execute(),
  );
}

export function updateUser(db: Kysely<DB>, id: string, patch: UserPatch, now: number): Promise<UserRow> {
  return audited(db, { entity: 'user', id, action: 'update' }, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        ...(patch.notifyHandoffs !== undefined && { notify_handoffs: patch.notifyHandoffs ? 1 : 0 }),
        ...(patch.dailySummaryTime !== undefined && { daily_summary_time: patch.dailySummaryTime }),
        ...(patch.handoffLeadMinutes !== undefined && { handoff_lead_minutes: patch.handoffLeadMinutes }),
        ...(patch.lowUrgencyHours !== undefined && { low_urgency_hours: lowUrgencyHoursColumn(patch.lowUrgencyHours) }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    return getUser(trx, id);
  });
}

/** 'Any time' is stored as null, so the engine reads nothing for most users. */
const lowUrgencyHoursColumn = (hours: Restriction | null): string | null => (hours === null || hours.kind === 'always' ? null : JSON.stringify(hours));

export const lowUrgencyHoursOf = (row: Pick<UserRow, 'low_urgency_hours'>): Restriction | null =>
  row.low_urgency_hours === null ? null : (JSON.parse(row.low_urgency_hours) as Restriction);

/** Time zones and low-urgency hours of the users among `ids` who have such hours. */
export async function lowUrgencyHoursOfUsers(db: Kysely<DB>, ids: string[]): Promise<Map<string, { timeZone: string; hours: Restriction }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'time_zone', 'low_urgency_hours']).where('id', 'in', [...new Set(ids)]).where('low_urgency_hours', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, { timeZone: r.time_zone, hours: lowUrgencyHoursOf(r) as Restriction }]));
}

export function deleteUser(db: Kysely<DB>, id: string): Promise<void> {
  return audited(db, { entity: 'user', id, action: 'delete' }, async (trx) => {
    const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No user ${id}`);
  });
}

export async function countOwners(db: Kysely<DB>): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(n);
}

const emailTaken = (): AppError =>
  new AppError('email_taken', undefined, [{ path: '/body/email', message: 'is already used by another user' }]);

/** The ids among `ids` that are not users. */
export async function findMissingUsers(db: Kysely<DB>, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db.selectFrom('users').select('id').where('id', 'in', unique).execute();
  const known = new Set(found.map((r) => r.id));
  return unique.filter((id) => !known.has(id));
}

export async function usersByIds(db: Kysely<DB>, ids: string[]): Promise<Map<string, UserRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
