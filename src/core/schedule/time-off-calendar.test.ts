import { describe, expect, it } from 'vitest';
import { absencesFromCalendar } from './time-off-calendar.js';

// What a leave calendar exports: its own VTIMEZONE, all-day leave, a weekly day off with
// one occurrence moved and one cancelled, a "free" block, and something long past.
const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example Corp//Leave Calendar//EN',
  'CALSCALE:GREGORIAN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:holiday-2026-12@example.com',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;VALUE=DATE:20261221',
  'DTEND;VALUE=DATE:20261224',
  'SUMMARY:Christmas leave',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:dentist@example.com',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;TZID=Europe/Berlin:20261203T140000',
  'DTEND;TZID=Europe/Berlin:20261203T160000',
  'SUMMARY:Dentist',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:friday-off@example.com',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;VALUE=DATE:20261204',
  'RRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=4',
  'SUMMARY:Part-time Friday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:friday-off@example.com',
  'RECURRENCE-ID;VALUE=DATE:20261211',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;VALUE=DATE:20261210',
  'SUMMARY:Part-time (moved to Thursday)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:friday-off@example.com',
  'RECURRENCE-ID;VALUE=DATE:20261218',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;VALUE=DATE:20261218',
  'STATUS:CANCELLED',
  'SUMMARY:Part-time Friday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:focus@example.com',
  'DTSTAMP:20261120T090000Z',
  'DTSTART:20261202T080000Z',
  'DTEND:20261202T100000Z',
  'TRANSP:TRANSPARENT',
  'SUMMARY:Focus time (free)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:long-ago@example.com',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;VALUE=DATE:20250101',
  'DTEND;VALUE=DATE:20250102',
  'SUMMARY:Last year',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');
const ms = (text: string) => Date.parse(text);
const iso = (t: number) => new Date(t).toISOString().replace(':00.000Z', 'Z');

describe('time off from an iCalendar document', () => {
  const from = ms('2026-11-30T00:00Z');
  const to = ms('2027-05-29T00:00Z');

  it('reads all-day events as whole days where the person lives, zoned times by their zone, and expands recurrences with their exceptions', () => {
    const got = absencesFromCalendar(ics, 'America/New_York', from, to).map((a) => [a.uid, iso(a.start), iso(a.end), a.note]);
    expect(got).toEqual([
      // 14:00–16:00 in Berlin (UTC+1 in December).
      ['dentist@example.com', '2026-12-03T13:00Z', '2026-12-03T15:00Z', 'Dentist'],
      // All-day in New York: midnight to midnight local (UTC-5).
      [`friday-off@example.com/${ms('2026-12-04T05:00Z')}`, '2026-12-04T05:00Z', '2026-12-05T05:00Z', 'Part-time Friday'],
      // The second Friday moved to Thursday; the fourth was cancelled.
      [`friday-off@example.com/${ms('2026-12-11T05:00Z')}`, '2026-12-10T05:00Z', '2026-12-11T05:00Z', 'Part-time (moved to Thursday)'],
      ['holiday-2026-12@example.com', '2026-12-21T05:00Z', '2026-12-24T05:00Z', 'Christmas leave'],
      [`friday-off@example.com/${ms('2026-12-25T05:00Z')}`, '2026-12-25T05:00Z', '2026-12-26T05:00Z', 'Part-time Friday'],
    ]);
  });

  it('keeps only what overlaps the window', () => {
    const got = absencesFromCalendar(ics, 'UTC', ms('2026-12-22T00:00Z'), ms('2026-12-23T00:00Z'));
    expect(got.map((a) => a.uid)).toEqual(['holiday-2026-12@example.com']);
  });

  it('finds the occurrences of a rule that began long ago', () => {
    const weekly = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:friday@example.com', 'DTSTART;VALUE=DATE:20050107', 'RRULE:FREQ=WEEKLY;BYDAY=FR', 'SUMMARY:Day off', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const got = absencesFromCalendar(weekly, 'UTC', ms('2026-11-30T00:00Z'), ms('2026-12-14T00:00Z'));
    expect(got.map((a) => [iso(a.start), iso(a.end)])).toEqual([
      ['2026-12-04T00:00Z', '2026-12-05T00:00Z'],
      ['2026-12-11T00:00Z', '2026-12-12T00:00Z'],
    ]);
  });

  it('keys an event with a very long UID by its digest, the same on every import', () => {
    const uid = `${'u'.repeat(3_000)}@example.com`;
    const long = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTART;VALUE=DATE:20261204', 'SUMMARY:Day off', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const [first] = absencesFromCalendar(long, 'UTC', from, to);
    expect(first?.uid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(absencesFromCalendar(long, 'UTC', from, to)[0]?.uid).toBe(first?.uid);
  });

  it('refuses text that is not a calendar', () => {
    expect(() => absencesFromCalendar('<html>login</html>', 'UTC', from, to)).toThrow();
    expect(() => absencesFromCalendar('BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n', 'UTC', from, to)).toThrow();
  });
});
