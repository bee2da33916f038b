import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../time/units.js';
import { componentDays, dayBucketing, daysEndingAt, merge, uptimeOver, type MonitorHistory } from './uptime.js';

const at = (iso: string) => Date.parse(iso);
const pushed = (incidents: MonitorHistory['incidents'], createdAt = 0): MonitorHistory => ({ checked: false, createdAt, rollups: [], maintenanceHours: [], incidents });
// The loader passes every hour's rollup as a candidate for page maintenance; here, all of them.
const checked = (rollups: MonitorHistory['rollups'], incidents: MonitorHistory['incidents'] = []): MonitorHistory => ({ checked: true, createdAt: 0, rollups, maintenanceHours: rollups, incidents });

describe('the days of an uptime bar', () => {
  it('are local days ending today, oldest first', () => {
    const days = daysEndingAt('Europe/Berlin', at('2026-03-10T12:00:00Z'), 3);
    expect(days).toEqual([
      { date: '2026-03-08', start: at('2026-03-07T23:00:00Z'), end: at('2026-03-08T23:00:00Z') },
      { date: '2026-03-09', start: at('2026-03-08T23:00:00Z'), end: at('2026-03-09T23:00:00Z') },
      { date: '2026-03-10', start: at('2026-03-09T23:00:00Z'), end: at('2026-03-10T23:00:00Z') },
    ]);
  });

  it('last 23 and 25 hours on the DST days of the zone', () => {
    const spring = daysEndingAt('America/New_York', at('2026-03-08T18:00:00Z'), 1)[0];
    expect(spring).toMatchObject({ date: '2026-03-08' });
    expect((spring?.end ?? 0) - (spring?.start ?? 0)).toBe(23 * HOUR);
    const autumn = daysEndingAt('Europe/London', at('2026-10-25T12:00:00Z'), 1)[0];
    expect((autumn?.end ?? 0) - (autumn?.start ?? 0)).toBe(25 * HOUR);
    // A day that starts at 01:00 because midnight is skipped (Santiago, September).
    const skipped = daysEndingAt('America/Santiago', at('2026-09-06T15:00:00Z'), 1)[0];
    expect(skipped?.date).toBe('2026-09-06');
    expect((skipped?.end ?? 0) - (skipped?.start ?? 0)).toBe(23 * HOUR);
  });

  it('always tile time: each day starts where the one before ends', () => {
    fc.assert(
      fc.property(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'), fc.integer({ min: 0, max: 4_000_000_000_000 }), (zone, now) => {
        const days = daysEndingAt(zone, now, 90);
        expect(days).toHaveLength(90);
        for (let i = 1; i < days.length; i++) expect(days[i]?.start).toBe(days[i - 1]?.end);
        const today = days.at(-1);
        expect(today && today.start <= now && now < today.end).toBe(true);
        for (const d of days) expect([23, 23.5, 24, 24.5, 25]).toContain((d.end - d.start) / HOUR);
      }),
      // Each run may build a new year of zone rules: fewer runs keep this under a second.
      { numRuns: 25 },
    );
  });
});

describe('day bucketing', () => {
  it('tells the day of any instant in the bar by integer arithmetic, as the database does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'),
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (zone, now, fractions) => {
          const days = daysEndingAt(zone, now, 90);
          const { since, firstWall, offsets } = dayBucketing(zone, days);
          expect(since).toBe(days[0]?.start);
          for (const f of fractions) {
            const t = Math.floor(since + f * (now - since));
            const offset = (offsets.find((o) => o.until === null || t < o.until) ?? { offset: NaN }).offset;
            const index = Math.floor((t + offset - firstWall) / DAY);
            const day = days[index];
            expect(day && day.start <= t && t < day.end, `${zone} ${new Date(t).toISOString()}`).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('component days', () => {
  const now = at('2026-03-10T12:00:00Z');
  const days = daysEndingAt('UTC', now, 3);

  it("count a checked monitor's checks, those in maintenance as up, and flag the day", () => {
    const bar = componentDays(days, now, {
      monitors: [
        checked([
          { hour: at('2026-03-09T03:00:00Z'), checks: 60, up: 30, maintenance: 0 },
          { hour: at('2026-03-09T04:00:00Z'), checks: 0, up: 0, maintenance: 60 },
          { hour: at('2026-03-08T04:00:00Z'), checks: 60, up: 60, maintenance: 0 },
        ]),
      ],
      maintenance: [],
    });
    expect(bar.map((d) => [d.date, d.uptime, d.maintenance])).toEqual([
      ['2026-03-08', 1, false],
      ['2026-03-09', 0.75, true],
      ['2026-03-10', null, false],
    ]);
    expect(uptimeOver(bar)).toBe(0.875);
  });

  it("count a pushed monitor's incidents as down from its creation on, and show them as outages clipped to the day", () => {
    const bar = componentDays(days, now, {
      monitors: [pushed([{ start: at('2026-03-09T22:00:00Z'), end: at('2026-03-10T02:00:00Z') }, { start: now - HOUR, end: null }], at('2026-03-09T00:00:00Z'))],
      maintenance: [],
    });
    expect(bar[0]?.uptime).toBeNull();
    expect(bar[1]?.uptime).toBeCloseTo(22 / 24, 12);
    expect(bar[1]?.outages).toEqual([{ start: at('2026-03-09T22:00:00Z'), end: at('2026-03-10T00:00:00Z') }]);
    // 12 hours so far today: 2 + 1 down.
    expect(bar[2]?.uptime).toBeCloseTo(9 / 12, 12);
    expect(bar[2]?.outages).toEqual([
      { start: at('2026-03-10T00:00:00Z'), end: at('2026-03-10T02:00:00Z') },
      { start: now - HOUR, end: null },
    ]);
  });

  it('take the worst monitor of the day, and excuse downtime in page maintenance', () => {
    const window = { start: at('2026-03-09T10:00:00Z'), end: at('2026-03-09T14:00:00Z') };
    const bar = componentDays(days, now, {
      monitors: [
        pushed([{ start: at('2026-03-09T11:00:00Z'), end: at('2026-03-09T15:00:00Z') }]),
        checked([
          { hour: at('2026-03-09T11:00:00Z'), checks: 60, up: 0, maintenance: 0 },
          { hour: at('2026-03-09T15:00:00Z'), checks: 60, up: 0, maintenance: 0 },
          { hour: at('2026-03-09T16:00:00Z'), checks: 120, up: 120, maintenance: 0 },
        ]),
      ],
      maintenance: [window],
    });
    // Pushed: 1 h down outside the window (23/24); checked: 60 of 240 down (0.75).
    expect(bar[1]).toMatchObject({ uptime: 0.75, maintenance: true });
    // Outages still show what happened, merged across monitors.
    expect(bar[1]?.outages).toEqual([{ start: at('2026-03-09T11:00:00Z'), end: at('2026-03-09T15:00:00Z') }]);
  });

  it('keep uptime in 0..1, null only without data, and never exceed the best single monitor', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 4 * DAY }), fc.integer({ min: MINUTE, max: 2 * DAY }), fc.boolean());
    const start = days[0]?.start ?? 0;
    const incidents = fc.array(
      span.map(([from, length, open]) => ({ start: start - DAY + from, end: open ? null : start - DAY + from + length })),
      { maxLength: 4 },
    );
    const rollups = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 80 }), fc.nat(60), fc.nat(60), fc.nat(10)).map(([h, checks, up, maintenance]) => ({ hour: start + h * HOUR, checks, up: Math.min(up, checks), maintenance })),
      { maxLength: 30 },
    ).map((rs) => [...new Map(rs.map((r) => [r.hour, r])).values()]);
    const monitor = fc.oneof(
      incidents.map((i) => pushed(i.filter((x) => x.start <= now))),
      rollups.map((r) => checked(r)),
    );
    fc.assert(
      fc.property(fc.array(monitor, { maxLength: 4 }), fc.array(span.map(([from, length]) => ({ start: start + from, end: start + from + length })), { maxLength: 2 }), (monitors, maintenance) => {
        const bar = componentDays(days, now, { monitors, maintenance });
        expect(bar).toHaveLength(days.length);
        for (const [i, d] of bar.entries()) {
          if (d.uptime !== null) {
            expect(d.uptime).toBeGreaterThanOrEqual(0);
            expect(d.uptime).toBeLessThanOrEqual(1);
          }
          const alone = monitors.map((m) => componentDays(days, now, { monitors: [m], maintenance })[i]?.uptime ?? null);
          expect(d.uptime === null).toBe(alone.every((u) => u === null));
          for (const u of alone) if (u !== null && d.uptime !== null) expect(d.uptime).toBeLessThanOrEqual(u);
          for (const o of d.outages) {
            expect(o.start).toBeGreaterThanOrEqual(days[i]?.start ?? 0);
            expect(o.end ?? now).toBeLessThanOrEqual(days[i]?.end ?? 0);
          }
        }
        const overall = uptimeOver(bar);
        if (overall !== null) expect(overall >= 0 && overall <= 1).toBe(true);
      }),
    );
  });

  it('give the same bar from day sums and the hours in maintenance as from every hourly rollup', () => {
    const start = days[0]?.start ?? 0;
    const hours = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.nat(60), fc.nat(60), fc.nat(5)), { maxLength: 40 })
      .map((rs) => [...new Map(rs.map(([h, checks, up, maintenance]) => [h, { hour: start + h * HOUR, checks, up: Math.min(up, checks), maintenance }])).values()]);
    const windows = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 })), { maxLength: 3 }).map((ws) => ws.map(([h, n]) => ({ start: start + h * HOUR + 17 * MINUTE, end: start + (h + n) * HOUR })));
    fc.assert(
      fc.property(hours, windows, (rollups, maintenance) => {
        const hourly = componentDays(days, now, { monitors: [checked(rollups)], maintenance });
        // What the loader passes: sums per day at the day's start, and the hours starting in a window.
        const sums = days.map((d) => {
          const inDay = rollups.filter((r) => d.start <= r.hour && r.hour < d.end);
          return { hour: d.start, checks: inDay.reduce((a, r) => a + r.checks, 0), up: inDay.reduce((a, r) => a + r.up, 0), maintenance: inDay.reduce((a, r) => a + r.maintenance, 0) };
        });
        const inWindows = rollups.filter((r) => maintenance.some((w) => w.start <= r.hour && r.hour < w.end));
        const summed = componentDays(days, now, { monitors: [{ checked: true, createdAt: 0, rollups: sums, maintenanceHours: inWindows, incidents: [] }], maintenance });
        expect(summed).toEqual(hourly);
      }),
    );
  });

  it('merge overlapping spans into sorted disjoint ones', () => {
    expect(merge([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 2, end: 6 }, { start: 10, end: 10 }])).toEqual([{ start: 1, end: 9 }]);
  });
});
