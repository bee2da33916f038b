import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { getOutboundText } from '../channels/outbound-request.js';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { absencesFromCalendar } from '../core/schedule/time-off-calendar.js';
import { DAY, MINUTE } from '../core/time/units.js';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import type { DB } from '../store/schema.js';
import { calendarTimeOffDiffers, dueTimeOffCalendars, recordCalendarSync, syncCalendarTimeOff, type TimeOffCalendar } from '../store/time-off.js';
import { changeTimeOff } from './time-off.js';

/** How often each calendar is fetched. */
export const IMPORT_INTERVAL = 15 * MINUTE;
/** How far ahead events become time off. */
export const IMPORT_WINDOW = 180 * DAY;
const FETCH_TIMEOUT_MS = 10_000;
/** Years of a busy calendar fit in a few MB; beyond that it is not a leave calendar. */
const MAX_BYTES = 5_000_000;
/** Calendars fetched at once: a slow one must not hold the others back much. */
const CONCURRENCY = 4;

export interface TimeOffImportDeps {
  db: Kysely<DB>;
  clock: Clock;
  logger: Logger;
  policy: DestinationPolicy;
  /** Who is on call may have changed now. */
  wakeEngine: () => void;
}

/**
 * Fetches and imports one calendar. A feed that fails (unreachable, refused by the
 * destination policy, not iCalendar) keeps the time off it imported before and records
 * why, for the profile page.
 */
export async function importCalendar(deps: TimeOffImportDeps, calendar: TimeOffCalendar & { timeZone: string }): Promise<void> {
  const now = deps.clock.now();
  try {
    const text = await getOutboundText({ service: 'calendar', url: calendar.url, policy: deps.policy, maxBytes: MAX_BYTES, timeoutMs: FETCH_TIMEOUT_MS });
    let events;
    try {
      events = absencesFromCalendar(text, calendar.timeZone, now, now + IMPORT_WINDOW).map((a) => ({ ...a, uid: a.uid.slice(0, 500) }));
    } catch (err) {
      throw new Error(`not a readable iCalendar file: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // Reading every schedule the person is in before and after is for a change only.
    if (await calendarTimeOffDiffers(deps.db, calendar.userId, events, now)) {
      // The person whose calendar it is knows they are away; the rest are told what moved.
      await changeTimeOff(deps.db, calendar.userId, now, calendar.userId, (trx) => syncCalendarTimeOff(trx, calendar.userId, events, now, now));
      deps.wakeEngine();
    }
    await recordCalendarSync(deps.db, calendar.userId, calendar.url, { at: now, error: null });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    deps.logger.warn({ userId: calendar.userId, err: message }, 'time-off calendar import failed; keeping what it imported before');
    await recordCalendarSync(deps.db, calendar.userId, calendar.url, { at: now, error: message.slice(0, 500) });
  }
}

/** Imports every calendar due (never fetched, or not in the last 15 minutes). */
export async function importDueCalendars(deps: TimeOffImportDeps): Promise<number> {
  const due = await dueTimeOffCalendars(deps.db, deps.clock.now() - IMPORT_INTERVAL);
  for (let i = 0; i < due.length; i += CONCURRENCY) {
    await Promise.all(due.slice(i, i + CONCURRENCY).map((c) => importCalendar(deps, c)));
  }
  return due.length;
}

/**
 * Imports time off from the calendars people linked. Each pass takes only calendars not
 * fetched for 15 minutes, so several nodes share the work rather than repeat it, and a
 * newly linked calendar is read within a minute.
 */
export class TimeOffImportLoop extends PollingLoop {
  constructor(private readonly deps: TimeOffImportDeps) {
    super({ clock: deps.clock, logger: deps.logger, name: 'time-off import' });
  }

  /** One pass now, serialised with the loop's own passes. */
  runOnce(): Promise<void> {
    return this.serialisedPass();
  }

  protected async pass(): Promise<void> {
    await importDueCalendars(this.deps);
  }

  protected sleepMs(): Promise<number> {
    return Promise.resolve(MINUTE);
  }
}
