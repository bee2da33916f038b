const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${zone} ${withYear}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(undefined, {
      timeZone: zone,
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
  const year = (ms: number) => new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(ms);
  return formatter(zone, year(at) !== year(now)).format(at);
}
