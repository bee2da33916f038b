import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Instant } from '../core/schedule/types.js';
import { audited } from './audit.js';
import { newId } from './ids.js';
import type { DB, IntendedGapsTable } from './schema.js';

type Db = Kysely<DB>;
export type IntendedGapRow = IntendedGapsTable;

/** The intended gaps of a schedule not over by `from`, earliest first. */
export function listIntendedGaps(db: Db, scheduleId: string, from: Instant): Promise<IntendedGapRow[]> {
  return db.selectFrom('intended_gaps').selectAll().where('schedule_id', '=', scheduleId).where('end_at', '>', from).orderBy('start_at').orderBy('id').execute();
}

/** The intended gaps of many schedules not over by `from`, by schedule. */
export async function intendedGapsOf(db: Db, scheduleIds: string[], from: Instant): Promise<Map<string, IntendedGapRow[]>> {
  const bySchedule = new Map<string, IntendedGapRow[]>();
  if (scheduleIds.length === 0) return bySchedule;
  const rows = await db.selectFrom('intended_gaps').selectAll().where('schedule_id', 'in', scheduleIds).where('end_at', '>', from).orderBy('start_at').execute();
  for (const row of rows) bySchedule.set(row.schedule_id, [...(bySchedule.get(row.schedule_id) ?? []), row]);
  return bySchedule;
}

export async function insertIntendedGap(
  db: Db,
  gap: { scheduleId: string; start: Instant; end: Instant; note: string; createdBy: string | null },
  now: Instant,
): Promise<IntendedGapRow> {
  const row: IntendedGapRow = { id: newId(), schedule_id: gap.scheduleId, start_at: gap.start, end_at: gap.end, note: gap.note, created_by: gap.createdBy, created_at: now };
  await audited(db, { entity: 'intended_gap', id: row.id, action: 'create' }, (trx) => trx.insertInto('intended_gaps').values(row).execute());
  return row;
}

export async function findIntendedGap(db: Db, scheduleId: string, id: string): Promise<IntendedGapRow> {
  const row = await db.selectFrom('intended_gaps').selectAll().where('schedule_id', '=', scheduleId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No intended gap ${id} on this schedule`);
  return row;
}

export async function deleteIntendedGap(db: Db, id: string): Promise<void> {
  await audited(db, { entity: 'intended_gap', id, action: 'delete' }, (trx) => trx.deleteFrom('intended_gaps').where('id', '=', id).execute());
}
