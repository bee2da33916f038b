import type { ImportNote } from '../report.js';
import { zone } from '../../time/zone.js';
import type { Instant } from '../../schedule/types.js';
import { restrictionOf } from './restriction.js';
import { rotationOf } from './rotation.js';
import type { MappedLayer, MappedSchedule } from '../setup.js';
import type { PdOverride, PdSchedule } from './types.js';

/** Vigil allows 20 layers a schedule. */
const MAX_LAYERS = 20;
const YEAR = 366 * 86_400_000;

/**
 * A PagerDuty schedule as of `now` as a Vigil schedule: each layer in force or to come,
 * in the same order (PagerDuty's API lists the winning layer first, Vigil's index 0 wins),
 * and the overrides not yet over, schedule-wide as in PagerDuty. What cannot be brought
 * over is left out with a note saying why.
 */
export function mapSchedule(schedule: PdSchedule, overrides: PdOverride[], now: Instant): MappedSchedule {
  const subject = `schedule "${schedule.name}"`;
  const notes: ImportNote[] = [];
  const layers: MappedLayer[] = [];
  for (const layer of schedule.schedule_layers) {
    const about = `${subject} layer "${layer.name}"`;
    const end = layer.end === null ? null : Date.parse(layer.end);
    if (end !== null && end <= now) {
      notes.push({ subject: about, reason: `ended ${layer.end}: not imported` });
      continue;
    }
    const rotation = rotationOf(layer.rotation_virtual_start, layer.rotation_turn_length_seconds, schedule.time_zone);
    const restriction = restrictionOf(layer.restrictions);
    if ('unmappable' in rotation || 'unmappable' in restriction) {
      notes.push({ subject: about, reason: `not imported: ${'unmappable' in rotation ? rotation.unmappable : (restriction as { unmappable: string }).unmappable}` });
      continue;
    }
    if (layers.length === MAX_LAYERS) {
      notes.push({ subject: about, reason: `not imported: Vigil schedules have at most ${MAX_LAYERS} layers` });
      continue;
    }
    const r = rotation.rotation;
    if (r.kind === 'custom' && r.unit === 'hours' && 24 % r.every === 0 && zone(schedule.time_zone).nextTransition(now, now + YEAR) !== Infinity) {
      notes.push({
        subject: about,
        reason: `Vigil keeps ${r.every}-hour handoffs at the same local times across a DST change, where PagerDuty may count elapsed hours: compare the two around the next change`,
      });
    }
    if (end !== null) notes.push({ subject: about, reason: `ends ${layer.end}, and Vigil layers have no end: remove the layer then` });
    if (Date.parse(layer.start) > now) notes.push({ subject: about, reason: `starts ${layer.start}; in Vigil it is in force from the import` });
    layers.push({
      name: layer.name.slice(0, 100),
      timeZone: schedule.time_zone,
      rotation: rotation.rotation,
      restriction: restriction.restriction,
      members: layer.users.map((u) => u.user.id),
    });
  }
  if (layers.length === 0) notes.push({ subject, reason: 'not imported: none of its layers could be (a Vigil schedule needs one)' });
  const kept = overrides
    .map((o) => ({ userId: o.user.id, start: Math.max(Date.parse(o.start), now), end: Date.parse(o.end) }))
    .filter((o) => o.end > o.start);
  return {
    sourceId: schedule.id,
    name: schedule.name,
    description: schedule.description ?? '',
    timeZone: schedule.time_zone,
    teamSourceId: schedule.teams[0]?.id ?? null,
    layers,
    overrides: kept,
    notes,
  };
}
