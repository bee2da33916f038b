/**
 * Dates and times as a public status page shows them, in the page's zone: "Mar 2, 09:12 CET",
 * with the year when it is not the current one there.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, kind: 'when' | 'whenYear' | 'year' | 'time' | 'day' | 'dayYear'): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      when: { timeZone, month: 'short', day: 'numeric', ...time, timeZoneName: 'short' },
      whenYear: { timeZone, year: 'numeric', month: 'short', day: 'numeric', ...time, timeZoneName: 'short' },
      year: { timeZone, year: 'numeric' },
      time: { timeZone, ...time },
      day: { timeZone, weekday: 'short', month: 'short', day: 'numeric' },
      dayYear: { timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' },
    };
    f = new Intl.DateTimeFormat('en-US', options[kind]);
    formatters.set(key, f);
  }
  return f;
}

const sameYear = (a: number, b: number, timeZone: string) => formatter(timeZone, 'year').format(a) === formatter(timeZone, 'year').format(b);

/** "Mar 2, 09:12 CET", or "Mar 2, 2025, 09:12 CET" when `now` is in another year. */
export function publicWhen(at: number, timeZone: string, now: number): string {
  return formatter(timeZone, sameYear(at, now, timeZone) ? 'when' : 'whenYear').format(at);
}

/** "09:12" in the zone; an end at the next midnight reads "24:00". */
export function publicClock(at: number, timeZone: string, endOfSpan = false): string {
  const text = formatter(timeZone, 'time').format(at);
  return endOfSpan && text === '00:00' ? '24:00' : text;
}

/** The zone's short name at an instant ("CET", "GMT+5:30"). */
export function zoneName(at: number, timeZone: string): string {
  return formatter(timeZone, 'when').formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A calendar day (YYYY-MM-DD, already in the page's zone): "Mon, Mar 2", with the year when not `now`'s. */
export function publicDay(date: string, timeZone: string, now: number): string {
  // Noon UTC of that date names the same calendar day in UTC.
  const noon = Date.parse(`${date}T12:00:00Z`);
  const thisYear = formatter(timeZone, 'year').format(now);
  return formatter('UTC', date.slice(0, 4) === thisYear ? 'day' : 'dayYear').format(noon);
}

/** "99.95 %": rounded down, so a day with any downtime never reads 100 %. */
export function percent(share: number): string {
  const hundredths = Math.floor(share * 10_000);
  return `${(hundredths / 100).toFixed(hundredths % 100 === 0 ? 0 : 2)} %`;
}
