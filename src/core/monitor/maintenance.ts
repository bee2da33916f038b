import { compileRestriction } from '../schedule/restriction.js';
import type { Instant } from '../schedule/types.js';
import { zone } from '../time/zone.js';
import type { Maintenance } from './types.js';

/**
 * Whether `at` falls in a maintenance window. Weekly windows are wall-clock times in the
 * window's zone, with the same DST rules as schedule restrictions; one-off windows are
 * instants, end exclusive.
 */
export function inMaintenance(maintenance: Maintenance | null | undefined, at: Instant): boolean {
  if (!maintenance) return false;
  if (maintenance.once.some((w) => w.start <= at && at < w.end)) return true;
  if (maintenance.weekly.length === 0) return false;
  return compileRestriction({ kind: 'custom', windows: maintenance.weekly }, zone(maintenance.timeZone)).activeAt(at);
}
