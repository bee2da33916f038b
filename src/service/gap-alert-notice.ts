import type { Range } from '../core/schedule/types.js';
import { HOUR, MINUTE } from '../core/time/units.js';

/** A schedule page link that opens the override form prefilled with the gap, or the dialog that marks it intended. */
export function gapLink(baseUrl: string, scheduleId: string, action: 'fill' | 'intend', gap: Range): string {
  const span = `${new Date(gap.start).toISOString()}/${new Date(gap.end).toISOString()}`;
  return `${baseUrl}/schedules/${scheduleId}?${action}=${encodeURIComponent(span)}`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: a scan of many
// schedules formats thousands of instants in a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, kind: 'when' | 'whenWithYear' | 'year'): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'year'
        ? new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' })
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            weekday: 'short',
            month: 'short',
            day: 'numeric',
            ...(kind === 'whenWithYear' && { year: 'numeric' }),
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZoneName: 'short',
          });
    formatters.set(key, f);
  }
  return f;
}

const when = (at: number, timeZone: string, withYear: boolean) => formatter(timeZone, withYear ? 'whenWithYear' : 'when').format(at);
const yearOf = (at: number, timeZone: string) => formatter(timeZone, 'year').format(at);

/** "2 d 3 h", "16 h", "45 min": how long nobody would be paged. */
export function gapLength(ms: number): string {
  const days = Math.floor(ms / (24 * HOUR));
  const hours = Math.floor((ms % (24 * HOUR)) / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  const parts = [days > 0 && `${days} d`, hours > 0 && `${hours} h`, minutes > 0 && `${minutes} min`].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'under a minute';
}

/**
 * The notice to one manager: every unintended gap of the schedule ahead, in their time
 * zone (with the year when it is not this year's), each with a link to fill it and one
 * to mark it intended.
 */
export function gapAlertNotice(
  input: { baseUrl: string; scheduleId: string; scheduleName: string; days: number; gaps: Range[]; timeZone: string; now: number },
): { subject: string; text: string } {
  const { gaps, timeZone, now } = input;
  const thisYear = yearOf(now, timeZone);
  const count = gaps.length === 1 ? 'a coverage gap' : `${gaps.length} coverage gaps`;
  const lines = gaps.map((gap) => {
    const withYear = yearOf(gap.start, timeZone) !== thisYear || yearOf(gap.end, timeZone) !== thisYear;
    return [
      `- ${when(gap.start, timeZone, withYear)} to ${when(gap.end, timeZone, withYear)} (${gapLength(gap.end - gap.start)})`,
      `  Fill it: ${gapLink(input.baseUrl, input.scheduleId, 'fill', gap)}`,
      `  Mark it intended: ${gapLink(input.baseUrl, input.scheduleId, 'intend', gap)}`,
    ].join('\n');
  });
  return {
    subject: `${input.scheduleName}: ${count} in the next ${input.days} days`,
    text: [
      `Nobody would be paged through the schedule ${input.scheduleName} during ${gaps.length === 1 ? 'this span' : 'these spans'} in the next ${input.days} days:`,
      '',
      ...lines,
      '',
      'An override fills a gap; a gap marked intended stops alerting.',
    ].join('\n'),
  };
}
