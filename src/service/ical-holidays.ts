import ICAL from 'ical.js';

/** The feed's days, as local dates 'YYYY-MM-DD', named by the event's summary. */
export interface FeedHoliday {
  date: string;
  name: string;
}

// A yearly rule expands to a handful of days; this bounds a hostile or broken feed.
const MAX_DAYS = 5_000;
const MAX_SPAN_DAYS = 31;

const dateOf = (t: ICAL.Time) => `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

/**
 * The days an iCal feed marks, in the calendar years [firstYear, lastYear]: every day an
 * all-day event covers (its end exclusive, as iCal says), or the start day of a timed one
 * as the feed writes it; recurring events are expanded. Throws on text that is not iCal.
 */
export function parseHolidayFeed(text: string, firstYear: number, lastYear: number): FeedHoliday[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error('not an iCalendar (no VCALENDAR)');
  const byDate = new Map<string, string>();
  const add = (date: string, name: string) => {
    if (byDate.size >= MAX_DAYS) throw new Error(`more than ${MAX_DAYS} holiday days`);
    if (!byDate.has(date)) byDate.set(date, name);
  };
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    const name = event.summary || 'Holiday';
    const days = (start: ICAL.Time, end: ICAL.Time | null) => {
      if (start.year > lastYear) return;
      if (!start.isDate || !end) {
        if (start.year >= firstYear) add(dateOf(start), name);
        return;
      }
      const day = start.clone();
      for (let i = 0; i < MAX_SPAN_DAYS && day.compare(end) < 0; i++) {
        if (day.year >= firstYear && day.year <= lastYear) add(dateOf(day), name);
        day.adjust(1, 0, 0, 0);
      }
    };
    if (!event.isRecurring()) {
      days(event.startDate, event.endDate ?? null);
      continue;
    }
    const length = event.endDate ? event.endDate.subtractDate(event.startDate) : null;
    const it = event.iterator();
    for (let next = it.next(), n = 0; next && next.year <= lastYear && n < MAX_DAYS; next = it.next(), n++) {
      const end = length ? next.clone() : null;
      if (end && length) end.addDuration(length);
      days(next, end);
    }
  }
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
