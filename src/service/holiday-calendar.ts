import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { AppError } from '../core/errors.js';
import type { HolidayCalendar } from '../store/holiday-calendars.js';

/** One public holiday: a local date of the schedule's zone. */
export interface Holiday {
  date: string;
  name: string;
}

// The package and its data take ~5 MiB of every server's heap, and only schedules with a
// holiday calendar (the fairness report) need them: loaded at first use, synchronously, so
// callers stay synchronous. Listing countries and regions is then a lookup.
const load = createRequire(import.meta.url);
let loaded: { Calendar: typeof Holidays; directory: Holidays } | null = null;
function holidays(): { Calendar: typeof Holidays; directory: Holidays } {
  if (!loaded) {
    const Calendar = load('date-holidays') as typeof Holidays;
    loaded = { Calendar, directory: new Calendar() };
  }
  return loaded;
}
const directory = () => holidays().directory;

/** Country codes are matched in upper case; 400 at `path` for one the package does not know. */
export function checkCalendar(input: HolidayCalendar, path: string): HolidayCalendar {
  if (input.kind !== 'country') return input;
  const country = input.country.toUpperCase();
  if (!(country in directory().getCountries())) {
    throw new AppError('validation_failed', 'Unknown country', [{ path: `${path}/country`, message: 'is not a country with a holiday calendar (ISO 3166-1 alpha-2 code, like US or DE)' }]);
  }
  const region = input.region === null ? null : input.region.toUpperCase();
  if (region !== null && !(region in (directory().getStates(country) ?? {}))) {
    throw new AppError('validation_failed', 'Unknown region', [{ path: `${path}/region`, message: `is not a region of ${country} with its own holidays` }]);
  }
  return { kind: 'country', country, region };
}

// A year of one calendar takes tens of milliseconds to work out, and the layer editor's live
// preview asks on every change: each is worked out once (at most a few hundred countries
// and regions times the years people look at).
const byYear = new Map<string, Holiday[]>();

/** Public holidays (no bank, school or observance days) of a country in the given calendar years. */
export function countryHolidays(country: string, region: string | null, years: number[]): Holiday[] {
  return years.flatMap((year) => {
    const key = `${country}/${region ?? ''}/${year}`;
    let found = byYear.get(key);
    if (!found) {
      const { Calendar } = holidays();
      const calendar = region === null ? new Calendar(country) : new Calendar(country, region);
      const byDate = new Map<string, string>();
      for (const h of calendar.getHolidays(year)) {
        // '2026-12-25 00:00:00' is the local date; a holiday listed twice (observed days) keeps its first name.
        if (h.type === 'public' && !byDate.has(h.date.slice(0, 10))) byDate.set(h.date.slice(0, 10), h.name);
      }
      found = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
      byYear.set(key, found);
    }
    return found;
  });
}

/** Every country with a holiday calendar and its regions, for the settings form. */
export function holidayCountries(): { code: string; name: string; regions: { code: string; name: string }[] }[] {
  return Object.entries(directory().getCountries('en'))
    .map(([code, name]) => ({ code, name, regions: Object.entries(directory().getStates(code, 'en') ?? {}).map(([r, n]) => ({ code: r, name: n })) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
