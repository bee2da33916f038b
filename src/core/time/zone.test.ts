import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone, zone } from './zone.js';
import { parseWallDateTime } from './wall-clock.js';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (name: string, local: string, edge: 'start' | 'end') => iso(zone(name).fromWall(parseWallDateTime(local), edge));

describe('fromWall', () => {
  it('maps a plain local time in a zone without DST', () => {
    expect(at('Asia/Tokyo', '2024-03-10T09:00', 'start')).toBe('2024-03-10T00:00:00.000Z');
  });

  it('sends a skipped time to the first instant after the gap (Chicago spring forward)', () => {
    expect(at('America/Chicago', '2024-03-10T02:30', 'start')).toBe('2024-03-10T08:00:00.000Z');
    expect(at('America/Chicago', '2024-03-10T02:00', 'end')).toBe('2024-03-10T08:00:00.000Z');
    expect(at('America/Chicago', '2024-03-10T03:00', 'start')).toBe('2024-03-10T08:00:00.000Z');
  });

  it('uses the first occurrence for starts and the last for ends (Chicago fall back)', () => {
    expect(at('America/Chicago', '2024-11-03T01:30', 'start')).toBe('2024-11-03T06:30:00.000Z');
    expect(at('America/Chicago', '2024-11-03T01:30', 'end')).toBe('2024-11-03T07:30:00.000Z');
    expect(at('America/Chicago', '2024-11-03T02:00', 'start')).toBe('2024-11-03T08:00:00.000Z');
  });

  it('handles London at 01:00 UTC both ways', () => {
    expect(at('Europe/London', '2024-03-31T01:15', 'start')).toBe('2024-03-31T01:00:00.000Z');
    expect(at('Europe/London', '2024-10-27T01:15', 'start')).toBe('2024-10-27T00:15:00.000Z');
    expect(at('Europe/London', '2024-10-27T01:15', 'end')).toBe('2024-10-27T01:15:00.000Z');
  });

  it('handles the 30-minute shifts of Lord Howe', () => {
    expect(at('Australia/Lord_Howe', '2024-10-06T02:15', 'start')).toBe('2024-10-05T15:30:00.000Z');
    expect(at('Australia/Lord_Howe', '2024-04-07T01:45', 'start')).toBe('2024-04-06T14:45:00.000Z');
    expect(at('Australia/Lord_Howe', '2024-04-07T01:45', 'end')).toBe('2024-04-06T15:15:00.000Z');
  });

  it('handles DST at midnight (Santiago, Beirut)', () => {
    // Santiago 2024-09-08: 00:00 jumps to 01:00, so local midnight does not exist.
    expect(at('America/Santiago', '2024-09-08T00:00', 'start')).toBe('2024-09-08T04:00:00.000Z');
    // Santiago 2024-04-07: midnight falls back to 23:00 on the 6th, repeating 23:xx.
    expect(at('America/Santiago', '2024-04-06T23:30', 'start')).toBe('2024-04-07T02:30:00.000Z');
    expect(at('America/Santiago', '2024-04-06T23:30', 'end')).toBe('2024-04-07T03:30:00.000Z');
    expect(at('America/Santiago', '2024-04-07T00:00', 'start')).toBe('2024-04-07T04:00:00.000Z');
    expect(at('Asia/Beirut', '2024-03-31T00:00', 'start')).toBe('2024-03-30T22:00:00.000Z');
    expect(at('Asia/Beirut', '2024-10-26T23:00', 'start')).toBe('2024-10-26T20:00:00.000Z');
    expect(at('Asia/Beirut', '2024-10-26T23:00', 'end')).toBe('2024-10-26T21:00:00.000Z');
  });
});

describe('against temporal-polyfill directly', () => {
  const zones = ['America/Chicago', 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Beirut', 'UTC'];
  const from = Date.UTC(2023, 0, 1);
  const to = Date.UTC(2026, 0, 1);

  it('offsetAt and toWall agree', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (name, instant) => {
        const zdt = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(name);
        expect(zone(name).offsetAt(instant)).toBe(zdt.offsetNanoseconds / 1e6);
      }),
      { numRuns: 300 },
    );
  });

  const expectedFromWall = (name: string, wall: number, edge: 'start' | 'end') => {
    const pdt = Temporal.Instant.fromEpochMilliseconds(wall).toZonedDateTimeISO('UTC').toPlainDateTime();
    const earlier = pdt.toZonedDateTime(name, { disambiguation: 'earlier' });
    const later = pdt.toZonedDateTime(name, { disambiguation: 'later' });
    if (!earlier.toPlainDateTime().equals(pdt)) return earlier.getTimeZoneTransition('next')!.epochMilliseconds;
    return edge === 'start' ? earlier.epochMilliseconds : later.epochMilliseconds;
  };

  it('fromWall follows earlier/later for ambiguous times and the gap end for skipped ones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: from / 60_000, max: to / 60_000 }),
        fc.constantFrom<'start' | 'end'>('start', 'end'),
        (name, minute, edge) => {
          expect(zone(name).fromWall(minute * 60_000, edge)).toBe(expectedFromWall(name, minute * 60_000, edge));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fromWall is exact in the two hours around every transition of the test zones', () => {
    const limit = 400 * 86_400_000;
    let checked = 0;
    for (const name of zones) {
      const rules = zone(name);
      for (let t = rules.nextTransition(from, limit); t < to; t = rules.nextTransition(t, limit)) {
        for (let d = -120; d <= 120; d += 15) {
          const wall = t + rules.offsetAt(t - 1) + d * 60_000;
          for (const edge of ['start', 'end'] as const) {
            expect(rules.fromWall(wall, edge)).toBe(expectedFromWall(name, wall, edge));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('canonicalTimeZone', () => {
  it('maps links and odd case to the zone they stand for', () => {
    expect(canonicalTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('EST5EDT')).toBe('America/New_York');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Australia/Lord_Howe')).toBe('Australia/Lord_Howe');
  });

  it('is the identity on every name the UI offers, and maps every name onto that list', () => {
    const offered = new Set(Intl.supportedValuesOf('timeZone'));
    for (const name of offered) expect(canonicalTimeZone(name)).toBe(name);
    for (const link of ['US/Eastern', 'Asia/Kolkata', 'Europe/Kyiv', 'GB', 'Japan']) expect(offered.has(canonicalTimeZone(link))).toBe(true);
  });

  it('refuses what is no zone', () => {
    expect(() => canonicalTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
