import type { Instant } from '../../schedule/types.js';
import type { ImportNote } from '../report.js';
import type { MappedLayer, MappedOverride, MappedSchedule } from '../setup.js';
import { restrictionOf } from './rules.js';
import { rotationOf } from './rotation.js';
import type { GaRotation, GaSchedule, GaUserOverride } from './types.js';

/** Vigil allows 20 layers a schedule. */
const MAX_LAYERS = 20;

/** The Vigil schedule a rotation becomes when an escalation step pages it directly. */
export const rotationScheduleId = (rotationId: string) => `rotation:${rotationId}`;

/**
 * A GoAlert schedule as of `now`: one layer per target (a rotation, or a user as a layer of
 * one), restricted to the target's rules in the schedule's zone. GoAlert puts every active
 * target on call at once; Vigil's layers take turns, the top one winning, so targets whose
 * rules overlap page only the first in Vigil (the fidelity check shows where). Replacing
 * user overrides not yet over become Vigil overrides; GoAlert's add and remove overrides and
 * temporary schedules have no Vigil twin and are reported.
 */
export function mapSchedule(schedule: GaSchedule, rotations: Map<string, GaRotation>, overrides: GaUserOverride[], now: Instant): MappedSchedule {
  const subject = `schedule "${schedule.name}"`;
  const notes: ImportNote[] = [];
  const layers: MappedLayer[] = [];
  for (const { target, rules } of schedule.targets) {
    const about = `${subject} ${target.type} "${target.name}"`;
    const restriction = restrictionOf(rules);
    if (restriction === null) {
      notes.push({ subject: about, reason: 'none of its rules is active on any weekday: not imported' });
      continue;
    }
    if (layers.length === MAX_LAYERS) {
      notes.push({ subject: about, reason: `not imported: Vigil schedules have at most ${MAX_LAYERS} layers` });
      continue;
    }
    const name = target.name.slice(0, 100) || target.id;
    if (target.type === 'user') {
      layers.push({ name, timeZone: schedule.timeZone, rotation: { kind: 'custom', every: 1, unit: 'weeks', anchor: '2020-01-06T00:00' }, restriction, members: [target.id] });
      continue;
    }
    const rotation = target.type === 'rotation' ? rotations.get(target.id) : undefined;
    if (!rotation) {
      notes.push({ subject: about, reason: `a ${target.type} target ${target.type === 'rotation' ? 'that was not listed' : 'has no Vigil equivalent'}: not imported` });
      continue;
    }
    // Always on call: the rotation's own zone keeps its handoffs exact; else the rules' zone.
    const layerZone = restriction.kind === 'always' ? rotation.timeZone : schedule.timeZone;
    const mapped = rotationOf(rotation, layerZone, now);
    if ('unmappable' in mapped) {
      notes.push({ subject: about, reason: `not imported: ${mapped.unmappable}` });
      continue;
    }
    for (const reason of mapped.notes) notes.push({ subject: about, reason });
    layers.push({ name, timeZone: layerZone, rotation: mapped.rotation, restriction, members: mapped.members });
  }
  if (layers.length > 1) notes.push({ subject, reason: 'GoAlert pages every target whose rules are active at once; in Vigil the first layer on call wins' });
  if (layers.length === 0) notes.push({ subject, reason: 'not imported: none of its targets could be (a Vigil schedule needs a layer)' });
  for (const t of schedule.temporarySchedules) {
    if (Date.parse(t.end) > now) notes.push({ subject: `${subject} temporary schedule ${t.start} to ${t.end}`, reason: 'has no Vigil equivalent: not imported (add overrides in Vigil)' });
  }
  const kept: MappedOverride[] = [];
  for (const o of overrides) {
    const start = Math.max(Date.parse(o.start), now);
    const end = Date.parse(o.end);
    if (end <= start) continue;
    if (o.addUserID && o.removeUserID) kept.push({ userId: o.addUserID, start, end });
    else {
      notes.push({
        subject: `${subject} override ${o.start} to ${o.end}`,
        reason: o.addUserID ? 'adds a user beside those on call, which Vigil overrides do not: not imported' : 'removes a user from on call, which Vigil overrides do not: not imported',
      });
    }
  }
  if (kept.length > 0) notes.push({ subject, reason: "a replacing override takes the whole schedule over in Vigil, in GoAlert only its removed user's shifts: the same while that user is the one on call" });
  return { sourceId: schedule.id, name: schedule.name.slice(0, 200), description: schedule.description, timeZone: schedule.timeZone, teamSourceId: null, layers, overrides: kept, notes };
}

/**
 * A rotation an escalation step pages directly, which Vigil steps cannot: a schedule of one
 * always-on layer with the rotation, named after it, for the step to page instead.
 */
export function rotationSchedule(rotation: GaRotation, now: Instant): MappedSchedule {
  const subject = `rotation "${rotation.name}"`;
  const name = `${rotation.name} (rotation)`.slice(0, 200);
  const mapped = rotationOf(rotation, rotation.timeZone, now);
  const base = { sourceId: rotationScheduleId(rotation.id), name, description: rotation.description, timeZone: rotation.timeZone, teamSourceId: null, overrides: [] };
  if ('unmappable' in mapped) return { ...base, layers: [], notes: [{ subject, reason: `an escalation step pages it, and it could not become a schedule: ${mapped.unmappable}` }] };
  return {
    ...base,
    layers: [{ name: rotation.name.slice(0, 100) || rotation.id, timeZone: rotation.timeZone, rotation: mapped.rotation, restriction: { kind: 'always' }, members: mapped.members }],
    notes: [
      { subject, reason: `an escalation step pages it, and Vigil steps page users and schedules: imported as schedule "${name}"` },
      ...mapped.notes.map((reason) => ({ subject, reason })),
    ],
  };
}
