const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, kind: 'dateTime' | 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let result = formats.get(key);
  if (!result) {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const day = { weekday: 'short', day: 'numeric', month: 'short' } as const;
    const options = kind === 'time' ? time : kind === 'day' ? day : { ...day, ...time };
    result = new Intl.DateTimeFormat(undefined, { timeZone: zone, ...options });
    formats.set(key, result);
  }
  return result;
}

/** "Tue, Dec 1, 17:00" in the zone. */
export function formatDateTime(iso: string, zone: string): string {
  return format(zone, 'dateTime').format(Date.parse(iso));
}

/** "17:00" in the zone. */
export function formatTime(iso: string, zone: string): string {
  return format(zone, 'time').format(Date.parse(iso));
}

/** "Tue, Dec 1" in the zone. */
export function formatDay(iso: string, zone: string): string {
  return format(zone, 'day').format(Date.parse(iso));
}

/** A span, the end's date left out when both fall on the same local day. */
export function formatSpan(start: string, end: string, zone: string): string {
  const sameDay = formatDay(start, zone) === formatDay(end, zone);
  return `${formatDateTime(start, zone)} – ${sameDay ? formatTime(end, zone) : formatDateTime(end, zone)}`;
}
