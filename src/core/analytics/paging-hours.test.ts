import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagingHours } from './paging-hours.js';
import { QUARTER_HOUR } from './report.js';

const at = (iso: string) => Date.parse(iso);

describe('pagingHours', () => {
  it("reads sleep and business hours on the recipient's wall clock", () => {
    // Tuesday 1 December 2026 in Tokyo (UTC+9): 22:30 is a sleep hour, 09:30 business hours.
    expect(pagingHours(at('2026-12-01T13:30:00Z'), 'Asia/Tokyo')).toEqual({ sleep: true, outsideBusinessHours: true });
    expect(pagingHours(at('2026-12-01T00:30:00Z'), 'Asia/Tokyo')).toEqual({ sleep: false, outsideBusinessHours: false });
    // The same instant is 04:30 in London: asleep there.
    expect(pagingHours(at('2026-12-01T04:30:00Z'), 'Europe/London')).toEqual({ sleep: true, outsideBusinessHours: true });
    // Saturday 10:00 in New York: awake, but off work.
    expect(pagingHours(at('2026-12-05T15:00:00Z'), 'America/New_York')).toEqual({ sleep: false, outsideBusinessHours: true });
  });

  it('starts sleep at 22:00 and ends it at 08:00; business hours run 09:00 to 17:00', () => {
    const local = (time: string) => pagingHours(at(`2026-12-02T${time}:00Z`), 'UTC');
    expect(local('21:59').sleep).toBe(false);
    expect(local('22:00').sleep).toBe(true);
    expect(local('07:59').sleep).toBe(true);
    expect(local('08:00')).toEqual({ sleep: false, outsideBusinessHours: true });
    expect(local('09:00').outsideBusinessHours).toBe(false);
    expect(local('16:59').outsideBusinessHours).toBe(false);
    expect(local('17:00').outsideBusinessHours).toBe(true);
  });

  it('follows DST: 07:30 UTC is 08:30 in Berlin in winter, 09:30 in summer', () => {
    expect(pagingHours(at('2026-03-27T07:30:00Z'), 'Europe/Berlin').sleep).toBe(false);
    expect(pagingHours(at('2026-03-27T07:30:00Z'), 'UTC').sleep).toBe(true);
    expect(pagingHours(at('2026-06-26T07:30:00Z'), 'Europe/Berlin').outsideBusinessHours).toBe(false);
  });

  it('counts every sleep-hour page as outside business hours, and gives one answer for a whole quarter hour', () => {
    const zones = ['UTC', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: at('2012-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (instant, timeZone) => {
        const hours = pagingHours(instant, timeZone);
        if (hours.sleep) expect(hours.outsideBusinessHours).toBe(true);
        expect(pagingHours(Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR, timeZone)).toEqual(hours);
      }),
    );
  });
});
