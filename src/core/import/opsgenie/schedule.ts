import type { Instant } from '../../schedule/types.js';
import { zone } from '../../time/zone.js';
import type { ImportNote } from '../report.js';
import type { MappedLayer, MappedOverride, MappedSchedule } from '../setup.js';
import { restrictionOf } from './restriction.js';
import { rotationOf } from './rotation.js';
import type { OgOverride, OgSchedule } from './types.js';

/** Vigil allows 20 layers a schedule. */
const MAX_LAYERS = 20;
const YEAR = 366 * 86_400_000;

/**
 * An Opsgenie schedule as of `now` as a Vigil schedule: each rotation in force or to come
 * becomes a layer, in the order Opsgenie lists them, and the overrides not yet over that
 * cover the whole schedule become schedule-wide overrides.
 *
 * Opsgenie's rotations have no priority: everyone on call in any rotation is notified
 * (support.atlassian.com/opsgenie/docs/build-an-on-call-schedule: "all on-call users in all
 * the different rotations are notified (cumulative)"). Vigil's top layer wins, so where two
 * rotations are on call at once Vigil pages only the first listed: the fidelity check shows
 * those stretches as differences. Rotations split by time restrictions never overlap.
 */
export function mapSchedule(schedule: OgSchedule, overrides: OgOverride[], now: Instant): MappedSchedule {
  const subject = `schedule "${schedule.name}"`;
  const timeZone = schedule.timezone;
  const notes: ImportNote[] = [];
  const layers: MappedLayer[] = [];
  if (!schedule.enabled) notes.push({ subject, reason: 'is disabled in Opsgenie (it pages nobody there); in Vigil it is in force once imported' });
  for (const r of schedule.rotations) {
    const about = `${subject} rotation "${r.name}"`;
    const end = r.endDate === undefined ? null : Date.parse(r.endDate);
    if (end !== null && end <= now) {
      notes.push({ subject: about, reason: `ended ${r.endDate}: not imported` });
      continue;
    }
    const others = r.participants.filter((p) => p.type !== 'user' || p.id === undefined);
    if (others.length > 0 || r.participants.length === 0) {
      const kinds = [...new Set(others.map((p) => (p.type === 'none' ? 'the reserved "none" (nobody for a turn)' : `a ${p.type}`)))].join(', ');
      notes.push({ subject: about, reason: r.participants.length === 0 ? 'not imported: it has no participants' : `not imported: its participants include ${kinds}, and Vigil layers rotate through users only` });
      continue;
    }
    const rotation = rotationOf(r, timeZone);
    const restriction = restrictionOf(r.timeRestriction);
    if ('unmappable' in rotation || 'unmappable' in restriction) {
      notes.push({ subject: about, reason: `not imported: ${'unmappable' in rotation ? rotation.unmappable : (restriction as { unmappable: string }).unmappable}` });
      continue;
    }
    if (layers.length === MAX_LAYERS) {
      notes.push({ subject: about, reason: `not imported: Vigil schedules have at most ${MAX_LAYERS} layers` });
      continue;
    }
    const v = rotation.rotation;
    if (v.kind === 'custom' && v.unit === 'hours' && 24 % v.every === 0 && zone(timeZone).nextTransition(now, now + YEAR) !== Infinity) {
      notes.push({
        subject: about,
        reason: `Vigil keeps ${v.every}-hour handoffs at the same local times across a DST change, where Opsgenie may count elapsed hours: compare the two around the next change`,
      });
    }
    if (end !== null) notes.push({ subject: about, reason: `ends ${r.endDate}, and Vigil layers have no end: remove the layer then` });
    if (Date.parse(r.startDate) > now) notes.push({ subject: about, reason: `starts ${r.startDate}; in Vigil it is in force from the import` });
    layers.push({ name: r.name.slice(0, 100) || `Rotation ${layers.length + 1}`, timeZone, rotation: v, restriction: restriction.restriction, members: r.participants.map((p) => p.id as string) });
  }
  if (layers.length === 0) notes.push({ subject, reason: 'not imported: none of its rotations could be (a Vigil schedule needs one)' });
  const kept: MappedOverride[] = [];
  for (const o of overrides) {
    const about = `${subject} override "${o.alias}"`;
    const start = Math.max(Date.parse(o.startDate), now);
    const end = Date.parse(o.endDate);
    if (!(end > start)) continue;
    if (o.rotations !== undefined && o.rotations.length > 0) notes.push({ subject: about, reason: `covers only rotation ${o.rotations?.map((r) => `"${r.name ?? r.id}"`).join(', ')}, and imported overrides cover the whole schedule: not imported` });
    else if (o.user.type !== 'user' || o.user.id === undefined) notes.push({ subject: about, reason: `hands the schedule to a ${o.user.type}, and Vigil overrides name a user: not imported` });
    else kept.push({ userId: o.user.id, start, end });
  }
  return {
    sourceId: schedule.id,
    name: schedule.name,
    description: schedule.description ?? '',
    timeZone,
    teamSourceId: schedule.ownerTeam?.id ?? null,
    layers,
    overrides: kept,
    notes,
  };
}
