import type { Kysely } from 'kysely';
import { getOutboundText } from '../channels/outbound-request.js';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { DAY } from '../core/time/units.js';
import type { DB } from '../store/schema.js';
import { parseHolidayFeed, type FeedHoliday } from './ical-holidays.js';

/** A feed's last good copy, and how the latest fetch went. */
export interface FeedState {
  holidays: FeedHoliday[];
  /** When the copy was fetched; null: never successfully. */
  fetchedAt: number | null;
  checkedAt: number;
  /** Why the latest fetch failed; null when it worked. */
  error: string | null;
}

const MAX_BYTES = 2_000_000;
const TIMEOUT_MS = 10_000;
// Two years either side of now: any fairness period (at most 366 days) near today fits.
const YEARS_AROUND = 2;

/**
 * The iCal holiday feed of a schedule: the stored copy while it is less than a day old,
 * else fetched again now (through the destination policy users' URLs go through). A
 * failing fetch keeps the last good copy of the same URL and records the error.
 */
export async function holidayFeed(db: Kysely<DB>, scheduleId: string, url: string, now: number, policy: DestinationPolicy): Promise<FeedState> {
  const row = await db.selectFrom('holiday_feeds').selectAll().where('schedule_id', '=', scheduleId).executeTakeFirst();
  const kept = row?.url === url ? row : undefined;
  if (kept && now - kept.checked_at < DAY) return stateOf(kept);
  const year = new Date(now).getUTCFullYear();
  let next: FeedState;
  try {
    const text = await getOutboundText({ service: 'The holiday calendar', url, policy, maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    next = { holidays: parseHolidayFeed(text, year - YEARS_AROUND, year + YEARS_AROUND), fetchedAt: now, checkedAt: now, error: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    next = { holidays: kept ? stateOf(kept).holidays : [], fetchedAt: kept?.fetched_at ?? null, checkedAt: now, error: reason.slice(0, 500) };
  }
  const values = { url, holidays: JSON.stringify(next.holidays), fetched_at: next.fetchedAt, checked_at: now, error: next.error };
  await db
    .insertInto('holiday_feeds')
    .values({ schedule_id: scheduleId, ...values })
    .onConflict((oc) => oc.column('schedule_id').doUpdateSet(values))
    .execute();
  return next;
}

const stateOf = (row: { holidays: string; fetched_at: number | null; checked_at: number; error: string | null }): FeedState => ({
  holidays: JSON.parse(row.holidays) as FeedHoliday[],
  fetchedAt: row.fetched_at,
  checkedAt: row.checked_at,
  error: row.error,
});
