import type { Instant } from '../../schedule/types.js';
import type { ImportNote } from '../report.js';
import { zone as zoneRules } from '../../time/zone.js';
import type { MappedLayer, MappedOverride, MappedSchedule } from '../setup.js';
import { layerOf } from './shift.js';
import type { GoSchedule, GoShift } from './types.js';

/** Vigil allows 20 layers a schedule. */
const MAX_LAYERS = 20;
const YEAR = 366 * 86_400_000;
/**
 * OnCall (pytz with recurring-ical-events 2.1.0) ends every event its first event's elapsed
 * length after its start, so its own handoffs drift by the clock change (grafana/oncall#5247);
 * Vigil keeps the local times the team chose.
 */
const CLOCK_CHANGE =
  "its shifts' handoffs: Grafana OnCall keeps each event's elapsed length when the clock changes, so its handoffs overlap by an hour in spring and leave an hour's gap in autumn (grafana/oncall#5247); Vigil hands over at the same local time all year, and the on-call comparison lists those hours";

/**
 * A calendar schedule as of `now`: a layer per shift, the highest `level` on top (Grafana
 * OnCall pages the highest level among the events in force, as Vigil's first layer on call
 * wins). A single event of one user at the highest level is a Vigil override (which takes
 * the whole schedule over, as that event does). Shifts whose `until` has passed are left out; ical and web schedules, whose events
 * live in iCal feeds or the web UI's drafts, are reported.
 */
export function mapSchedule(schedule: GoSchedule, shifts: Map<string, GoShift>, now: Instant): MappedSchedule {
  const subject = `schedule "${schedule.name}"`;
  const zone = schedule.time_zone ?? 'UTC';
  const notes: ImportNote[] = [];
  const base = { sourceId: schedule.id, name: schedule.name.slice(0, 200), description: 'Imported from Grafana OnCall', timeZone: zone, teamSourceId: schedule.team_id };
  if (schedule.type !== 'calendar') {
    return { ...base, layers: [], overrides: [], notes: [{ subject, reason: `is of type ${schedule.type}, whose shifts the public API does not list: not imported` }] };
  }
  const found = (schedule.shifts ?? []).map((id) => shifts.get(id)).filter((s): s is GoShift => s !== undefined);
  // Highest level first; the sort is stable, so equal levels keep the schedule's order.
  const ordered = [...found].sort((a, b) => b.level - a.level);
  const layers: MappedLayer[] = [];
  const overrides: MappedOverride[] = [];
  const levels = new Set<number>();
  const topRecurring = Math.max(...found.filter((s) => s.type !== 'single_event').map((s) => s.level));
  for (const shift of ordered) {
    const about = `${subject} shift "${shift.name}"`;
    if (shift.type === 'single_event') {
      const rules = zoneRules(shift.time_zone ?? zone);
      const wall = Date.parse(`${shift.start.slice(0, 19)}Z`);
      const end = rules.fromWall(wall + shift.duration * 1000, 'end');
      const users = shift.users ?? [];
      if (end <= now) continue;
      if (users.length === 1 && shift.level >= topRecurring) overrides.push({ userId: users[0] as string, start: Math.max(rules.fromWall(wall, 'start'), now), end });
      else notes.push({ subject: about, reason: `not imported: a single event ${users.length === 1 ? 'below another shift\'s level' : 'of several users'} is no Vigil override (add it in Vigil)` });
      continue;
    }
    // `until` is a local date-time in the shift's zone; a day's margin is plenty to tell past from future.
    const until = shift.until ? Date.parse(`${shift.until}Z`) : Infinity;
    if (until < now - 86_400_000) continue;
    const mapped = layerOf(shift, zone);
    if ('unmappable' in mapped) {
      notes.push({ subject: about, reason: `not imported: ${mapped.unmappable}` });
      continue;
    }
    if (layers.length === MAX_LAYERS) {
      notes.push({ subject: about, reason: `not imported: Vigil schedules have at most ${MAX_LAYERS} layers` });
      continue;
    }
    for (const reason of mapped.notes) notes.push({ subject: about, reason });
    if (until !== Infinity) notes.push({ subject: about, reason: `ends ${shift.until} in Grafana OnCall; the Vigil layer goes on (remove it then)` });
    if (Date.parse(`${shift.start}Z`) > now) notes.push({ subject: about, reason: `starts ${shift.start} in Grafana OnCall; the Vigil layer is on call before` });
    if (levels.has(shift.level)) notes.push({ subject: about, reason: `shares level ${shift.level} with another shift: Grafana OnCall pages both where they overlap, Vigil the layer above` });
    levels.add(shift.level);
    layers.push(mapped.layer);
  }
  if (layers.length === 0) notes.push({ subject, reason: 'not imported: none of its shifts could be (a Vigil schedule needs a layer)' });
  if (layers.some((l) => zoneRules(l.timeZone).nextTransition(now, YEAR) !== Infinity)) notes.push({ subject, reason: CLOCK_CHANGE });
  return { ...base, layers, overrides, notes };
}
