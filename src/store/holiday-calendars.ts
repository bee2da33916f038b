import type { SchedulesTable } from './schema.js';

/** Where a schedule's public holidays come from. */
export type HolidayCalendar = { kind: 'none' } | { kind: 'country'; country: string; region: string | null } | { kind: 'ical'; url: string };

type CalendarColumns = Pick<SchedulesTable, 'holiday_country' | 'holiday_region' | 'holiday_ical_url'>;

export function calendarOf(row: CalendarColumns): HolidayCalendar {
  if (row.holiday_country !== null) return { kind: 'country', country: row.holiday_country, region: row.holiday_region };
  if (row.holiday_ical_url !== null) return { kind: 'ical', url: row.holiday_ical_url };
  return { kind: 'none' };
}

export function calendarColumns(calendar: HolidayCalendar): CalendarColumns {
  return {
    holiday_country: calendar.kind === 'country' ? calendar.country : null,
    holiday_region: calendar.kind === 'country' ? calendar.region : null,
    holiday_ical_url: calendar.kind === 'ical' ? calendar.url : null,
  };
}
