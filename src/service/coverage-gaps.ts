import type { Kysely } from 'kysely';
import { LruMap } from '../core/lru-map.js';
import type { ScheduleHistory } from '../core/schedule/history.js';
import { clipPieces, unintendedGaps, upcomingGaps, type GapPiece } from '../core/schedule/upcoming-gaps.js';
import type { Instant, Range } from '../core/schedule/types.js';
import { DAY, HOUR } from '../core/time/units.js';
import { setOpenGaps, targetedSchedules } from '../store/gap-scans.js';
import { intendedGapsOf } from '../store/intended-gaps.js';
import { getScheduleRow } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { scheduleCache } from './schedule-cache.js';

/** A scan of one schedule, reused while its history (a new object for each version) and intended marks are as they were. */
interface Scan {
  history: ScheduleHistory;
  marks: string;
  from: Instant;
  to: Instant;
  pieces: GapPiece[];
}

/** Scans reach this much further than asked, so the passes and page loads of the next hour reuse them. */
const REUSE = HOUR;
const scans = new LruMap<string, Scan>(1_000);

/**
 * The gaps of each schedule's final timeline over [now, now + its days), pieces marked
 * intended included. Histories come from the node's schedule cache, so a scan of many
 * schedules compiles only those edited since the last one, and gaps are worked out again
 * only for a schedule edited (or marked) since, or an hour on.
 */
export async function gapsAhead(db: Kysely<DB>, schedules: { id: string; days: number }[], now: Instant): Promise<Map<string, GapPiece[]>> {
  const ids = schedules.map((s) => s.id);
  const [histories, intended] = await Promise.all([scheduleCache.histories(db, ids, now), intendedGapsOf(db, ids, now)]);
  const gaps = new Map<string, GapPiece[]>();
  for (const { id, days } of schedules) {
    const history = histories.get(id);
    if (!history) continue;
    const marks = (intended.get(id) ?? []).map((m) => ({ start: m.start_at, end: m.end_at }));
    const to = now + days * DAY;
    let scan = scans.get(id);
    const key = JSON.stringify(marks);
    if (!scan || scan.history !== history || scan.marks !== key || scan.from > now || scan.to < to) {
      scan = { history, marks: key, from: now, to: to + REUSE, pieces: upcomingGaps(history, now, to + REUSE, marks) };
      scans.set(id, scan);
    }
    gaps.set(id, clipPieces(scan.pieces, now, to));
  }
  return gaps;
}

/** Every schedule a policy pages through with unintended gaps in its next gapAlertDays: what the Who's on-call page shows. */
export async function listCoverageGaps(db: Kysely<DB>, now: Instant): Promise<{ scheduleId: string; days: number; gaps: Range[] }[]> {
  const schedules = await targetedSchedules(db);
  const found = await gapsAhead(db, schedules.map((s) => ({ id: s.id, days: s.gapAlertDays })), now);
  return schedules.flatMap((s) => {
    const gaps = (found.get(s.id) ?? []).filter((g) => !g.intended).map(({ start, end }) => ({ start, end }));
    return gaps.length === 0 ? [] : [{ scheduleId: s.id, days: s.gapAlertDays, gaps }];
  });
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
