/** An instant as notices show it to a person: "Mon, Mar 2, 09:00 CST", in their zone. */
export function noticeTime(at: number, timeZone: string): string {
  return formatter(timeZone).format(at);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "from … to …" for a span. */
export function noticeSpan(span: { start: number; end: number }, timeZone: string): string {
  return `${noticeTime(span.start, timeZone)} to ${noticeTime(span.end, timeZone)}`;
}
