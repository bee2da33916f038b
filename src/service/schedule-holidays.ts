import type { Kysely } from 'kysely';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { zone } from '../core/time/zone.js';
import type { ScheduleRow } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { calendarOf, type HolidayCalendar } from '../store/holiday-calendars.js';
import { countryHolidays, type Holiday } from './holiday-calendar.js';
import { holidayFeed, type FeedState } from './holiday-feed.js';

export interface PeriodHolidays {
  calendar: HolidayCalendar;
  /** The public holidays whose local date (in the schedule's zone) meets [from, to). */
  holidays: Holiday[];
  /** How the iCal feed's latest fetch went; null without a feed. */
  feed: Omit<FeedState, 'holidays'> | null;
}

/** The local date 'YYYY-MM-DD' of an instant in `timeZone`. */
function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zone(timeZone).offsetAt(instant)).toISOString().slice(0, 10);
}

/** A schedule's public holidays over [from, to), from its calendar setting. */
export async function holidaysIn(db: Kysely<DB>, row: ScheduleRow, from: number, to: number, now: number, policy: DestinationPolicy): Promise<PeriodHolidays> {
  const calendar = calendarOf(row);
  const first = localDate(from, row.time_zone);
  const last = localDate(to - 1, row.time_zone);
  const within = (all: Holiday[]) => all.filter((h) => h.date >= first && h.date <= last);
  switch (calendar.kind) {
    case 'none':
      return { calendar, holidays: [], feed: null };
    case 'country': {
      const years = [];
      for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) years.push(y);
      return { calendar, holidays: within(countryHolidays(calendar.country, calendar.region, years)), feed: null };
    }
    case 'ical': {
      const { holidays, ...feed } = await holidayFeed(db, row.id, calendar.url, now, policy);
      return { calendar, holidays: within(holidays), feed };
    }
  }
}
