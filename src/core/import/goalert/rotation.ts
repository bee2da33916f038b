import type { Instant, Rotation } from '../../schedule/types.js';
import { zone } from '../../time/zone.js';
import type { GaRotation } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 366 * DAY;

const localDateTime = (wall: number) => new Date(wall).toISOString().slice(0, 16);
const mod = (a: number, b: number) => ((a % b) + b) % b;

export interface MappedRotation {
  rotation: Rotation;
  /** Source user ids, ordered so that Vigil's turn count gives GoAlert's active user now. */
  members: string[];
  notes: string[];
}

/**
 * A GoAlert rotation as a Vigil custom rotation in `layerZone`. GoAlert counts shifts in
 * clock time from `start` in the rotation's zone (a handoff keeps its local time across DST,
 * hourly ones too) and keeps who is on call as `activeUserIndex`, which moves on by one at
 * each handoff: so the members are rotated to make Vigil's turn in force at `now` GoAlert's
 * active user. In another zone than the rotation's (a schedule rule's windows are in the
 * schedule's zone, and a Vigil layer has one zone), the anchor is the current handoff read
 * in that zone.
 */
export function rotationOf(r: GaRotation, layerZone: string, now: Instant): MappedRotation | { unmappable: string } {
  if (r.type === 'monthly') return { unmappable: 'it hands off monthly, by calendar months, which Vigil rotations do not count' };
  const n = r.userIDs.length;
  const length = Math.max(1, r.shiftLength);
  const shift = length * (r.type === 'hourly' ? HOUR : r.type === 'daily' ? DAY : WEEK);
  const unit = shift % WEEK === 0 ? 'weeks' : shift % DAY === 0 ? 'days' : 'hours';
  const every = shift / (unit === 'weeks' ? WEEK : unit === 'days' ? DAY : HOUR);
  const start = Date.parse(r.start);
  if (Number.isNaN(start)) return { unmappable: `its start "${r.start}" is not a date` };
  const own = zone(r.timeZone);
  // GoAlert truncates the start to the minute, and measures in clock time (wall differences).
  const wallStart = Math.floor(own.toWall(start) / MINUTE) * MINUTE;
  const turnNow = Math.floor((own.toWall(now) - wallStart) / shift);
  const active = n === 0 ? 0 : mod(r.activeUserIndex, n);
  const notes: string[] = [];
  if (unit === 'hours' && 24 % every !== 0 && own.nextTransition(now, now + YEAR) !== Infinity) {
    notes.push(`GoAlert keeps its ${every}-hour handoffs on the local clock across a DST change, where Vigil counts elapsed hours for lengths that do not divide a day: compare the two around the next change`);
  }
  if (layerZone === r.timeZone) {
    // Vigil's turn k from the anchor is member k mod n; GoAlert's turn turnNow is the active user.
    const members = Array.from({ length: n }, (_, j) => r.userIDs[mod(active - turnNow + j, n)] as string);
    return { rotation: { kind: 'custom', every, unit, anchor: localDateTime(wallStart) }, members, notes };
  }
  const handoff = own.fromWall(wallStart + turnNow * shift, 'start');
  notes.push(`its handoffs are at local times in ${r.timeZone}, the layer's in ${layerZone} (the schedule's zone, which its rule's hours are in): they move by the zones' difference in DST when only one of them changes`);
  const members = Array.from({ length: n }, (_, j) => r.userIDs[mod(active + j, n)] as string);
  return { rotation: { kind: 'custom', every, unit, anchor: localDateTime(Math.floor(zone(layerZone).toWall(handoff) / MINUTE) * MINUTE) }, members, notes };
}
