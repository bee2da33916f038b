import { addDays } from '../../../time/zoned';

export type CalendarView = 'day' | 'week' | 'twoWeeks' | 'month';

/** Local calendar dates 'YYYY-MM-DD': the days on screen, cut into bands drawn one under another. */
export interface CalendarRange {
  first: string;
  /** The day after the last one shown. */
  end: string;
  /** A month is drawn a week per band; the other views are one band. */
  bands: string[][];
  /** The 1st of the month a month view is about (its first and last weeks spill over), else null. */
  month: string | null;
}

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const mondayBefore = (date: string) => addDays(date, 1 - isoWeekday(date));
const daysFrom = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));

function addMonths(date: string, n: number): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + n, 1)).toISOString().slice(0, 10);
}

/**
 * The days a view shows around `anchor`. Day and week views start on the anchor itself
 * (today when the page opens) rather than on a Monday: the next shifts matter more than
 * the past days of the week.
 */
export function calendarRange(view: CalendarView, anchor: string): CalendarRange {
  if (view === 'month') {
    const first = addMonths(anchor, 0);
    const next = addMonths(anchor, 1);
    const bands: string[][] = [];
    for (let monday = mondayBefore(first); monday < next; monday = addDays(monday, 7)) bands.push(daysFrom(monday, 7));
    return { first: bands[0]?.[0] ?? first, end: addDays(bands[bands.length - 1]?.[0] ?? first, 7), bands, month: first };
  }
  const count = view === 'day' ? 1 : view === 'week' ? 7 : 14;
  return { first: anchor, end: addDays(anchor, count), bands: [daysFrom(anchor, count)], month: null };
}

/** The anchor one view earlier (-1) or later (1). */
export function stepAnchor(view: CalendarView, anchor: string, by: -1 | 1): string {
  if (view === 'month') return addMonths(anchor, by);
  return addDays(anchor, by * (view === 'day' ? 1 : view === 'week' ? 7 : 14));
}
