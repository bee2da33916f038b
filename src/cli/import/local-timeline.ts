import type { OnCallSpan } from '../../core/import/fidelity.js';
import type { MappedSchedule } from '../../core/import/setup.js';
import { applyEdit } from '../../core/schedule/edit.js';
import { historyTimelineRows, type ScheduleHistory } from '../../core/schedule/history.js';
import type { Instant } from '../../core/schedule/types.js';

/**
 * Who Vigil would put on call over [from, to) if `schedule` were created at `now`, computed
 * by Vigil's own resolver on the layers the import would send (a dry run creates nothing to
 * ask the API about). `who` turns a source user id into the key the source's answer uses.
 */
export function plannedOnCall(schedule: MappedSchedule, now: Instant, from: Instant, to: Instant, who: (userId: string) => string | null): OnCallSpan[] {
  let history: ScheduleHistory = { timeZone: schedule.timeZone, layers: [], structures: [], overrides: [], fixedShifts: [] };
  schedule.layers.forEach((layer, i) => {
    const draft = { timeZone: layer.timeZone, rotation: layer.rotation, restriction: layer.restriction, members: layer.members };
    history = applyEdit(history, { kind: 'add_layer', layerId: `layer-${i}`, name: layer.name, draft }, now).history;
  });
  history.overrides = schedule.overrides.map((o, i) => ({ id: `override-${i}`, layerId: null, userId: o.userId, mode: 'replace', start: o.start, end: o.end, createdAt: now + i }));
  return historyTimelineRows(history, from, to).final.map((s) => ({ start: s.start, end: s.end, who: s.primary ? who(s.primary.userId) : null }));
}
