import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR } from '../time/units.js';
import { isoWeekday } from '../time/wall-clock.js';
import { zone } from '../time/zone.js';
import { spanIndexOf, weeksOf } from './week-buckets.js';

const at = (iso: string) => Date.parse(iso);
const iso = (spans: { start: number; end: number }[]) => spans.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);

describe('weeksOf', () => {
  it('splits a period at local Monday midnights and clips the first and last week', () => {
    // Tuesday 3 to Thursday 19 November 2026, in New York (UTC-5 all along).
    expect(iso(weeksOf(at('2026-11-03T12:00:00Z'), at('2026-11-19T12:00:00Z'), 'America/New_York'))).toEqual([
      ['2026-11-03T12:00:00.000Z', '2026-11-09T05:00:00.000Z'],
      ['2026-11-09T05:00:00.000Z', '2026-11-16T05:00:00.000Z'],
      ['2026-11-16T05:00:00.000Z', '2026-11-19T12:00:00.000Z'],
    ]);
  });

  it('makes the weeks holding a DST change 167 and 169 hours long', () => {
    const spring = weeksOf(at('2026-03-22T23:00:00Z'), at('2026-03-29T22:00:00Z'), 'Europe/Berlin');
    expect(spring.map((w) => (w.end - w.start) / HOUR)).toEqual([167]);
    const autumn = weeksOf(at('2026-10-18T22:00:00Z'), at('2026-10-26T23:00:00Z'), 'Europe/Berlin');
    expect(iso(autumn)).toEqual([
      ['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
      ['2026-10-25T23:00:00.000Z', '2026-10-26T23:00:00.000Z'],
    ]);
    expect((autumn[0]!.end - autumn[0]!.start) / HOUR).toBe(169);
  });

  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
  const period = fc
    .tuple(fc.integer({ min: at('2012-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }), fc.integer({ min: 1, max: 400 * 24 * HOUR }))
    .map(([from, length]) => ({ from, to: from + length }));

  it('partitions the period into consecutive weeks that each start on a local Monday midnight', () => {
    fc.assert(
      fc.property(period, fc.constantFrom(...zones), ({ from, to }, timeZone) => {
        const weeks = weeksOf(from, to, timeZone);
        expect(weeks[0]!.start).toBe(from);
        expect(weeks.at(-1)!.end).toBe(to);
        for (const [i, w] of weeks.entries()) {
          expect(w.end).toBeGreaterThan(w.start);
          expect(w.end - w.start).toBeLessThanOrEqual(169 * HOUR);
          if (i === 0) continue;
          expect(w.start).toBe(weeks[i - 1]!.end);
          const wall = zone(timeZone).toWall(w.start);
          expect(isoWeekday(wall)).toBe(1);
          expect(new Date(wall).toISOString().slice(11)).toBe('00:00:00.000Z');
        }
      }),
    );
  });

  it('finds the one week holding each instant of the period, and none outside it', () => {
    fc.assert(
      fc.property(period, fc.constantFrom(...zones), fc.double({ min: -0.5, max: 1.5, noNaN: true }), ({ from, to }, timeZone, where) => {
        const weeks = weeksOf(from, to, timeZone);
        const instant = Math.floor(from + where * (to - from));
        const index = spanIndexOf(weeks, instant);
        if (instant < from || instant >= to) expect(index).toBe(-1);
        else expect(weeks[index]!.start <= instant && instant < weeks[index]!.end).toBe(true);
      }),
    );
  });
});
