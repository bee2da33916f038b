import type { Kysely } from 'kysely';
import { unintendedGaps, upcomingGaps, type GapPiece } from '../core/schedule/upcoming-gaps.js';
import type { Instant } from '../core/schedule/types.js';
import { DAY } from '../core/time/units.js';
import { setOpenGaps } from '../store/gap-scans.js';
import { intendedGapsOf } from '../store/intended-gaps.js';
import { getScheduleRow } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { scheduleCache } from './schedule-cache.js';

/**
 * The gaps of each schedule's final timeline over [now, now + its days), pieces marked
 * intended included. Histories come from the node's schedule cache, so a scan of many
 * schedules compiles only those edited since the last one.
 */
export async function gapsAhead(db: Kysely<DB>, schedules: { id: string; days: number }[], now: Instant): Promise<Map<string, GapPiece[]>> {
  const ids = schedules.map((s) => s.id);
  const [histories, intended] = await Promise.all([scheduleCache.histories(db, ids, now), intendedGapsOf(db, ids, now)]);
  const gaps = new Map<string, GapPiece[]>();
  for (const { id, days } of schedules) {
    const history = histories.get(id);
    if (!history) continue;
    const marks = (intended.get(id) ?? []).map((m) => ({ start: m.start_at, end: m.end_at }));
    gaps.set(id, upcomingGaps(history, now, now + days * DAY, marks));
  }
  return gaps;
}

/** The unintended gaps of one schedule over [now, now + days). */
export async function unintendedGapsAhead(db: Kysely<DB>, scheduleId: string, days: number, now: Instant) {
  const history = (await scheduleCache.histories(db, [scheduleId], now)).get(scheduleId);
  if (!history) return [];
  const marks = ((await intendedGapsOf(db, [scheduleId], now)).get(scheduleId) ?? []).map((m) => ({ start: m.start_at, end: m.end_at }));
  return unintendedGaps(history, now, now + days * DAY, marks);
}

/** After intended gaps change, the metric counts what is left unintended (the schedule's own window). */
export async function refreshOpenGaps(db: Kysely<DB>, scheduleId: string, now: Instant): Promise<void> {
  const row = await getScheduleRow(db, scheduleId);
  await setOpenGaps(db, new Map([[scheduleId, (await unintendedGapsAhead(db, scheduleId, row.gap_alert_days, now)).length]]));
}
