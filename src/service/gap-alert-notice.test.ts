import { describe, expect, it } from 'vitest';
import { gapAlertNotice, gapLength, gapLink } from './gap-alert-notice.js';

const ms = (text: string) => Date.parse(text);

describe('gapAlertNotice', () => {
  const base = { baseUrl: 'https://vigil.example.com', scheduleId: 'S1', scheduleName: 'Payments', days: 14, now: ms('2026-12-20T12:00Z') };

  it('lists each gap in the reader’s zone, with the year only when it is not this year, and both links', () => {
    const gaps = [
      { start: ms('2026-12-24T23:00Z'), end: ms('2026-12-25T07:00Z') },
      { start: ms('2026-12-31T23:00Z'), end: ms('2027-01-02T00:30Z') },
    ];
    const notice = gapAlertNotice({ ...base, gaps, timeZone: 'Europe/Berlin' });
    expect(notice.subject).toBe('Payments: 2 coverage gaps in the next 14 days');
    const lines = notice.text.split('\n');
    expect(lines).toContain('- Fri, Dec 25, 00:00 GMT+1 to Fri, Dec 25, 08:00 GMT+1 (8 h)');
    expect(lines).toContain('- Fri, Jan 1, 2027, 00:00 GMT+1 to Sat, Jan 2, 2027, 01:30 GMT+1 (1 d 1 h 30 min)');
    expect(lines).toContain(`  Fill it: https://vigil.example.com/schedules/S1?fill=${encodeURIComponent('2026-12-24T23:00:00.000Z/2026-12-25T07:00:00.000Z')}`);
    expect(lines).toContain(`  Mark it intended: https://vigil.example.com/schedules/S1?intend=${encodeURIComponent('2026-12-24T23:00:00.000Z/2026-12-25T07:00:00.000Z')}`);
  });

  it('says "a coverage gap" for one', () => {
    expect(gapAlertNotice({ ...base, gaps: [{ start: ms('2026-12-21T00:00Z'), end: ms('2026-12-21T00:45Z') }], timeZone: 'UTC' }).subject).toBe('Payments: a coverage gap in the next 14 days');
  });
});

describe('gapLength and gapLink', () => {
  it('says how long in days, hours and minutes', () => {
    expect([gapLength(45 * 60_000), gapLength(26 * 3_600_000), gapLength(10_000)]).toEqual(['45 min', '1 d 2 h', 'under a minute']);
  });

  it('carries the span as one query parameter the schedule page reads', () => {
    const link = new URL(gapLink('https://v.example', 'abc', 'fill', { start: 0, end: 3_600_000 }));
    expect([link.pathname, link.searchParams.get('fill')]).toEqual(['/schedules/abc', '1970-01-01T00:00:00.000Z/1970-01-01T01:00:00.000Z']);
  });
});
