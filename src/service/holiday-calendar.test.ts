import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { checkCalendar, countryHolidays } from './holiday-calendar.js';

describe('holiday calendars', () => {
  it('lists only public holidays, by local date, over the years asked', () => {
    const us = countryHolidays('US', null, [2026, 2027]);
    expect(us).toContainEqual({ date: '2026-12-25', name: 'Christmas Day' });
    expect(us).toContainEqual({ date: '2027-01-01', name: "New Year's Day" });
    // Valentine's Day is an observance in the package, not a public holiday.
    expect(us.map((h) => h.date)).not.toContain('2026-02-14');
    expect(us.every((h) => h.date.startsWith('2026') || h.date.startsWith('2027'))).toBe(true);
  });

  it('adds a region’s own holidays', () => {
    const bavaria = countryHolidays('DE', 'BY', [2026]).map((h) => h.date);
    const germany = countryHolidays('DE', null, [2026]).map((h) => h.date);
    // Epiphany (6 January) is a public holiday in Bavaria, not in all of Germany.
    expect(bavaria).toContain('2026-01-06');
    expect(germany).not.toContain('2026-01-06');
  });

  it('normalises codes to upper case and refuses unknown ones at the field', () => {
    expect(checkCalendar({ kind: 'country', country: 'de', region: 'by' }, '/body/holidays')).toEqual({ kind: 'country', country: 'DE', region: 'BY' });
    const problem = (input: Parameters<typeof checkCalendar>[0]) => {
      try {
        checkCalendar(input, '/body/holidays');
      } catch (err) {
        return err instanceof AppError ? err.errors.map((f) => f.path) : err;
      }
      return null;
    };
    expect(problem({ kind: 'country', country: 'XX', region: null })).toEqual(['/body/holidays/country']);
    expect(problem({ kind: 'country', country: 'US', region: 'ZZ' })).toEqual(['/body/holidays/region']);
    expect(problem({ kind: 'ical', url: 'https://example.com/h.ics' })).toBeNull();
  });
});
