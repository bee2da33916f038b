import { zone } from '../../time/zone.js';
import type { Rotation } from '../../schedule/types.js';

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;
const WEEK_S = 7 * DAY_S;

/**
 * A PagerDuty rotation (a turn of `turnSeconds` from `virtualStart`, where the first user's
 * turn begins) as a Vigil custom rotation anchored at the same local time: turn k belongs
 * to member k mod n in both. Whole weeks and days keep their local handoff time across DST
 * in both; Vigil has no unit below the hour, so other lengths cannot be expressed.
 */
export function rotationOf(virtualStart: string, turnSeconds: number, timeZone: string): { rotation: Rotation } | { unmappable: string } {
  const instant = Date.parse(virtualStart);
  if (Number.isNaN(instant)) return { unmappable: `its rotation_virtual_start "${virtualStart}" is not a date` };
  const unit = turnSeconds % WEEK_S === 0 ? 'weeks' : turnSeconds % DAY_S === 0 ? 'days' : turnSeconds % HOUR_S === 0 ? 'hours' : null;
  if (!Number.isInteger(turnSeconds) || turnSeconds <= 0 || unit === null) {
    return { unmappable: `its turn of ${turnSeconds} seconds is not a whole number of hours, and Vigil rotations count hours, days or weeks` };
  }
  const every = turnSeconds / (unit === 'weeks' ? WEEK_S : unit === 'days' ? DAY_S : HOUR_S);
  if (every > 10_000) return { unmappable: `its turn of ${turnSeconds} seconds is longer than Vigil's 10,000 ${unit}` };
  const wall = zone(timeZone).toWall(instant);
  if (wall % 60_000 !== 0) return { unmappable: `its rotation starts at ${virtualStart}, between two minutes, and Vigil anchors rotations on whole minutes` };
  // A wall time is the local date-time read as if it were UTC.
  return { rotation: { kind: 'custom', every, unit, anchor: new Date(wall).toISOString().slice(0, 16) } };
}
