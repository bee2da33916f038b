import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../time/units.js';
import { analyticsFigures, QUARTER_HOUR, type AnalyticsInput } from './report.js';

const at = (iso: string) => Date.parse(iso);
const quarter = (iso: string) => Math.floor(at(iso) / QUARTER_HOUR) * QUARTER_HOUR;

describe('analyticsFigures', () => {
  const input: AnalyticsInput = {
    // Monday 2 to Monday 16 November 2026 in UTC: two whole weeks.
    from: at('2026-11-02T00:00:00Z'),
    to: at('2026-11-16T00:00:00Z'),
    timeZone: 'UTC',
    incidents: [
      { at: quarter('2026-11-02T10:05:00Z'), count: 3 },
      { at: quarter('2026-11-12T02:00:00Z'), count: 1 },
    ],
    suppressed: [{ at: quarter('2026-11-13T08:00:00Z'), count: 7 }],
    pages: [
      // Alice in London: Monday 10:05 (working), Thursday 02:00 (asleep).
      { userId: 'alice', timeZone: 'Europe/London', at: quarter('2026-11-02T10:05:00Z'), count: 2 },
      { userId: 'alice', timeZone: 'Europe/London', at: quarter('2026-11-12T02:00:00Z'), count: 1 },
      // Bob in Tokyo: Monday 10:05 UTC is 19:05 there (off work, awake); 02:00 UTC is 11:00 (working).
      { userId: 'bob', timeZone: 'Asia/Tokyo', at: quarter('2026-11-02T10:05:00Z'), count: 1 },
      { userId: 'bob', timeZone: 'Asia/Tokyo', at: quarter('2026-11-12T02:00:00Z'), count: 1 },
      // Carol in New York: Monday 10:05 UTC is 05:05 there.
      { userId: 'carol', timeZone: 'America/New_York', at: quarter('2026-11-02T10:05:00Z'), count: 1 },
    ],
    acknowledgeMs: [2 * MINUTE, 10 * MINUTE, 4 * MINUTE],
    resolveMs: [HOUR],
  };

  it('adds up incidents and pages by week and by person, with sleep and off-hours pages on their own clocks', () => {
    const figures = analyticsFigures(input);
    expect(figures).toMatchObject({ incidents: 4, suppressed: 7, pages: 6, sleepInterruptions: 2, outsideBusinessHours: 3 });
    expect(figures.weeks).toEqual([
      { start: at('2026-11-02T00:00:00Z'), end: at('2026-11-09T00:00:00Z'), incidents: 3, suppressed: 0, pages: 4, sleepInterruptions: 1, outsideBusinessHours: 2 },
      { start: at('2026-11-09T00:00:00Z'), end: at('2026-11-16T00:00:00Z'), incidents: 1, suppressed: 7, pages: 2, sleepInterruptions: 1, outsideBusinessHours: 1 },
    ]);
    expect(figures.people).toEqual([
      { userId: 'alice', pages: 3, sleepInterruptions: 1, outsideBusinessHours: 1 },
      { userId: 'bob', pages: 2, sleepInterruptions: 0, outsideBusinessHours: 1 },
      { userId: 'carol', pages: 1, sleepInterruptions: 1, outsideBusinessHours: 1 },
    ]);
    expect(figures.timeToAcknowledge).toEqual({ count: 3, median: 4 * MINUTE, p90: 8.8 * MINUTE });
    expect(figures.timeToResolve).toEqual({ count: 1, median: HOUR, p90: HOUR });
  });

  it('counts a quarter hour that began before the period in its first week', () => {
    const from = at('2026-11-02T00:07:00Z');
    const figures = analyticsFigures({ ...input, from, incidents: [{ at: quarter('2026-11-02T00:10:00Z'), count: 5 }], pages: [] });
    expect(figures.weeks[0]).toMatchObject({ start: from, incidents: 5 });
  });

  it('keeps every count: weeks and people add up to the totals, sleep ≤ off-hours ≤ pages', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const from = at('2026-01-01T00:00:00Z');
    const to = at('2026-07-01T00:00:00Z');
    const instant = fc.integer({ min: from, max: to - 1 }).map((t) => Math.floor(t / QUARTER_HOUR) * QUARTER_HOUR);
    const tally = fc.record({ at: instant, count: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(tally, { maxLength: 40 }),
        fc.array(tally, { maxLength: 10 }),
        fc.array(fc.record({ at: instant, count: fc.integer({ min: 1, max: 50 }), userId: fc.constantFrom('a', 'b', 'c'), timeZone: fc.constantFrom(...zones) }), { maxLength: 40 }),
        (timeZone, incidents, suppressed, pages) => {
          const f = analyticsFigures({ from, to, timeZone, incidents, suppressed, pages, acknowledgeMs: [], resolveMs: [] });
          const sum = <T>(xs: T[], pick: (x: T) => number) => xs.reduce((n, x) => n + pick(x), 0);
          expect(f.incidents).toBe(sum(incidents, (t) => t.count));
          expect(f.suppressed).toBe(sum(suppressed, (t) => t.count));
          expect(f.pages).toBe(sum(pages, (t) => t.count));
          for (const key of ['incidents', 'suppressed', 'pages', 'sleepInterruptions', 'outsideBusinessHours'] as const) expect(sum(f.weeks, (w) => w[key])).toBe(f[key]);
          for (const key of ['pages', 'sleepInterruptions', 'outsideBusinessHours'] as const) expect(sum(f.people, (p) => p[key])).toBe(f[key]);
          for (const p of [f, ...f.people, ...f.weeks]) {
            expect(p.sleepInterruptions).toBeLessThanOrEqual(p.outsideBusinessHours);
            expect(p.outsideBusinessHours).toBeLessThanOrEqual(p.pages);
          }
          expect(f.people.map((p) => p.pages)).toEqual(f.people.map((p) => p.pages).sort((a, b) => b - a));
        },
      ),
    );
  });
});
