const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time format, built once per zone and shape (building one costs far more than using it). */
export function dateTimeFormat(zone: string, withYear: boolean, withWeekday = false): Intl.DateTimeFormat {
  const key = `${zone} ${withYear} ${withWeekday}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(undefined, {
      timeZone: zone,
      ...(withWeekday && { weekday: 'short' }),
      day: 'numeric',
      month: 'short',
      ...(withYear && { year: 'numeric' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, result);
  }
  return result;
}

/** "30 Nov, 07:20" this year, "2 Mar 2025, 14:05" otherwise: a record read long after it was written needs its year. */
export function formatWithYear(iso: string | number, zone: string, now: number): string {
  const at = typeof iso === 'number' ? iso : Date.parse(iso);
  return dateTimeFormat(zone, !sameYear(at, now, zone)).format(at);
}

/** Whether two instants fall in the same year on the zone's calendar. */
export function sameYear(a: number, b: number, zone: string): boolean {
  const year = (ms: number) => new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(ms);
  return year(a) === year(b);
}
