import { zone } from '../time/zone.js';
import { isoWeekday } from '../time/wall-clock.js';
import { DAY, HOUR, mod } from '../time/units.js';

/**
 * When a page reached someone, on their own wall clock: in their sleep hours (22:00 to
 * 08:00, PagerDuty's "sleep hour interruptions"), and outside business hours (anything
 * but Monday to Friday 09:00 to 17:00, the schedules' business-hours preset). Every
 * sleep-hour page is also outside business hours.
 */
export interface PagingHours {
  sleep: boolean;
  outsideBusinessHours: boolean;
}

export const SLEEP_STARTS = 22 * HOUR;
export const SLEEP_ENDS = 8 * HOUR;
export const BUSINESS_STARTS = 9 * HOUR;
export const BUSINESS_ENDS = 17 * HOUR;

export function pagingHours(at: number, timeZone: string): PagingHours {
  const wall = zone(timeZone).toWall(at);
  const ofDay = mod(wall, DAY);
  const weekday = isoWeekday(wall);
  return {
    sleep: ofDay >= SLEEP_STARTS || ofDay < SLEEP_ENDS,
    outsideBusinessHours: weekday > 5 || ofDay < BUSINESS_STARTS || ofDay >= BUSINESS_ENDS,
  };
}
