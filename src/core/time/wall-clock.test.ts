import { describe, expect, it } from 'vitest';
import { isoWeekday, msOfWeek, parseTimeOfDay, parseWallDateTime, startOfWeek, wallFromParts, weekOffset } from './wall-clock.js';
import { DAY, HOUR } from './units.js';

describe('wall clock helpers', () => {
  it('numbers weekdays ISO style, Monday = 1', () => {
    expect(isoWeekday(wallFromParts(2024, 1, 1))).toBe(1);
    expect(isoWeekday(wallFromParts(2024, 1, 7, 23, 59))).toBe(7);
    expect(isoWeekday(wallFromParts(1969, 12, 31))).toBe(3); // before the epoch too
  });

  it('measures offsets from Monday 00:00', () => {
    const wed = wallFromParts(2024, 1, 10, 13, 30);
    expect(startOfWeek(wed)).toBe(wallFromParts(2024, 1, 8));
    expect(msOfWeek(wed)).toBe(weekOffset(3, 13 * 60 + 30));
    expect(msOfWeek(wallFromParts(1969, 12, 29))).toBe(0);
    expect(weekOffset(7, 0)).toBe(6 * DAY);
  });

  it('parses HH:MM strictly', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('23:59')).toBe(23 * 60 + 59);
    for (const bad of ['24:00', '9:00', '09:60', '09:00:00', '']) expect(() => parseTimeOfDay(bad)).toThrow(RangeError);
  });

  it('parses local date-times and refuses impossible dates', () => {
    expect(parseWallDateTime('2024-02-29T09:30')).toBe(wallFromParts(2024, 2, 29) + 9.5 * HOUR);
    for (const bad of ['2023-02-29T09:00', '2024-13-01T00:00', '2024-01-01 09:00', '2024-01-01T9:00']) {
      expect(() => parseWallDateTime(bad)).toThrow(RangeError);
    }
  });
});
