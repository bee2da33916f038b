import { describe, expect, it } from 'vitest';
import { parseHolidayFeed } from './ical-holidays.js';

const feed = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//EN', ...events.flatMap((e, i) => ['BEGIN:VEVENT', `UID:${i}`, 'DTSTAMP:20260101T000000Z', e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

describe('parseHolidayFeed', () => {
  it('marks every day of an all-day event, its end excluded', () => {
    expect(parseHolidayFeed(feed('DTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas'), 2026, 2026)).toEqual([
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2026-12-26', name: 'Christmas' },
    ]);
  });

  it('expands a yearly rule within the years asked for only', () => {
    const days = parseHolidayFeed(feed('DTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:New Year'), 2026, 2027);
    expect(days.map((d) => d.date)).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('takes the start day of a timed event and names a nameless one', () => {
    expect(parseHolidayFeed(feed('DTSTART:20260704T090000\r\nDTEND:20260704T100000'), 2026, 2026)).toEqual([{ date: '2026-07-04', name: 'Holiday' }]);
  });

  it('refuses text that is not iCal', () => {
    expect(() => parseHolidayFeed('<html>Not found</html>', 2026, 2026)).toThrow();
    expect(() => parseHolidayFeed('BEGIN:VEVENT\r\nEND:VEVENT', 2026, 2026)).toThrow(/VCALENDAR/);
  });
});
