import type { Rotation } from '../../schedule/types.js';
import { zone } from '../../time/zone.js';
import type { OgRotation } from './types.js';

const UNITS = { hourly: 'hours', daily: 'days', weekly: 'weeks' } as const;

/**
 * An Opsgenie rotation (a turn of `length` hours, days or weeks from `startDate`, where the
 * first participant's turn begins, in the schedule's zone) as a Vigil custom rotation anchored
 * at the same local time: turn k belongs to participant k mod n in both.
 */
export function rotationOf(rotation: Pick<OgRotation, 'startDate' | 'type' | 'length'>, timeZone: string): { rotation: Rotation } | { unmappable: string } {
  const instant = Date.parse(rotation.startDate);
  if (Number.isNaN(instant)) return { unmappable: `its startDate "${rotation.startDate}" is not a date` };
  const unit = UNITS[rotation.type];
  if (unit === undefined) return { unmappable: `its type "${String(rotation.type)}" is none of hourly, daily, weekly` };
  const every = rotation.length ?? 1;
  if (!Number.isInteger(every) || every < 1 || every > 10_000) return { unmappable: `its length ${every} is not a whole number from 1 to Vigil's 10,000 ${unit}` };
  const wall = zone(timeZone).toWall(instant);
  if (wall % 60_000 !== 0) return { unmappable: `it starts at ${rotation.startDate}, between two minutes, and Vigil anchors rotations on whole minutes` };
  // A wall time is the local date-time read as if it were UTC.
  return { rotation: { kind: 'custom', every, unit, anchor: new Date(wall).toISOString().slice(0, 16) } };
}
