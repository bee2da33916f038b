import { zone } from './zone.js';

/**
 * The calendar month holding `instant` on the wall clock of `timeZone`, as [start, end):
 * local midnight on the 1st to local midnight on the next 1st. A midnight skipped by DST
 * starts at the first instant after the gap, as every local start does.
 */
export function calendarMonthOf(instant: number, timeZone: string): { start: number; end: number } {
  const rules = zone(timeZone);
  const wall = new Date(rules.toWall(instant));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  return {
    start: rules.fromWall(Date.UTC(year, month, 1), 'start'),
    end: rules.fromWall(Date.UTC(year, month + 1, 1), 'start'),
  };
}
