import type { Kysely } from 'kysely';
import type { PolicyStep } from '../core/escalation/types.js';
import type { Instant } from '../core/schedule/types.js';
import { chunksOf } from './chunks.js';
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
 * Claims the daily scan of the schedules among `ids` not scanned after `since`: each is
 * returned to the one caller (on any node) whose statement records `now` as its scan.
 */
export async function claimGapScans(db: Db, ids: string[], now: Instant, since: Instant): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (const chunk of chunksOf(ids)) {
    const fresh = await db
      .insertInto('gap_scans')
      .values(chunk.map((id) => ({ schedule_id: id, scanned_at: now, open_gaps: 0 })))
      .onConflict((oc) => oc.column('schedule_id').doNothing())
      .returning('schedule_id')
      .execute();
    const due = await db.updateTable('gap_scans').set({ scanned_at: now }).where('schedule_id', 'in', chunk).where('scanned_at', '<=', since).returning('schedule_id').execute();
    for (const row of [...fresh, ...due]) claimed.add(row.schedule_id);
  }
  return claimed;
}

/** Records how many unintended gaps each schedule has ahead, for the metric: one statement per distinct count. */
export async function setOpenGaps(db: Db, counts: Map<string, number>): Promise<void> {
  const byCount = new Map<number, string[]>();
  for (const [id, count] of counts) byCount.set(count, [...(byCount.get(count) ?? []), id]);
  for (const [count, ids] of byCount) {
    for (const chunk of chunksOf(ids)) await db.updateTable('gap_scans').set({ open_gaps: count }).where('schedule_id', 'in', chunk).execute();
  }
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
