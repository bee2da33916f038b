import type { Kysely } from 'kysely';
import type { PolicyStep } from '../core/escalation/types.js';
import type { Instant } from '../core/schedule/types.js';
import { isScheduleTarget } from './references.js';
import type { DB } from './schema.js';

type Db = Kysely<DB>;

export interface ScannedSchedule {
  id: string;
  teamId: string;
  name: string;
  gapAlertDays: number;
}

/**
 * Schedules some escalation policy pages through (its primary, a layer or all layers)
 * with the gap alert on: a gap in a schedule nothing pages through alerts nobody.
 */
export async function targetedSchedules(db: Db): Promise<ScannedSchedule[]> {
  const policies = await db.selectFrom('escalation_policies').select('steps').execute();
  const ids = new Set(policies.flatMap((p) => (JSON.parse(p.steps) as PolicyStep[]).flatMap((s) => s.targets.filter(isScheduleTarget).map((t) => t.scheduleId))));
  if (ids.size === 0) return [];
  const rows = await db.selectFrom('schedules').select(['id', 'team_id', 'name', 'gap_alert_days']).where('id', 'in', [...ids]).where('gap_alert_days', '>', 0).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, teamId: r.team_id, name: r.name, gapAlertDays: r.gap_alert_days }));
}

/** Which of these schedules were scanned after `since` (by any node). */
export async function scannedSince(db: Db, ids: string[], since: Instant): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('gap_scans').select('schedule_id').where('scanned_at', '>', since).execute();
  const wanted = new Set(ids);
  return new Set(rows.map((r) => r.schedule_id).filter((id) => wanted.has(id)));
}

/**
 * Claims a schedule's daily scan: true for the one caller (on any node) that finds it not
 * scanned after `since`, which records `now` as its scan in the same statement.
 */
export async function claimGapScan(db: Db, scheduleId: string, now: Instant, since: Instant): Promise<boolean> {
  const claimed = await db
    .insertInto('gap_scans')
    .values({ schedule_id: scheduleId, scanned_at: now, open_gaps: 0 })
    .onConflict((oc) => oc.column('schedule_id').doUpdateSet({ scanned_at: now }).where('gap_scans.scanned_at', '<=', since))
    .returning('schedule_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Records how many unintended gaps a schedule has ahead, for the metric. */
export async function setOpenGaps(db: Db, scheduleId: string, count: number): Promise<void> {
  await db.updateTable('gap_scans').set({ open_gaps: count }).where('schedule_id', '=', scheduleId).execute();
}

/** Schedules whose last scan found unintended gaps ahead, among those the alert still covers. */
export async function countSchedulesWithGaps(db: Db): Promise<number> {
  const row = await db
    .selectFrom('gap_scans as g')
    .innerJoin('schedules as s', 's.id', 'g.schedule_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('g.open_gaps', '>', 0)
    .where('s.gap_alert_days', '>', 0)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
