import { parseTimeOfDay, parseWallDateTime } from '../time/wall-clock.js';
import { assertTimeZone } from '../time/zone.js';
import type { LayerDraft, RestrictionWindow } from './types.js';

export interface DraftProblem {
  /** Dotted path inside the draft, e.g. 'rotation.days[2]'. */
  path: string;
  message: string;
}

/**
 * Everything wrong with a layer draft, so an API can answer 400 with field paths rather
 * than letting the compile step throw. An empty list means the core accepts the draft.
 */
export function validateLayerDraft(draft: LayerDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const check = (path: string, test: () => void) => {
    try {
      test();
    } catch (error) {
      problems.push({ path, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const weekday = (path: string, day: unknown) =>
    check(path, () => {
      if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > 7) throw new RangeError('must be an ISO weekday 1 (Monday) to 7 (Sunday)');
    });

  check('timeZone', () => assertTimeZone(draft.timeZone));
  const { rotation, restriction } = draft;
  switch (rotation.kind) {
    case 'daily':
      check('rotation.handoffTime', () => parseTimeOfDay(rotation.handoffTime));
      if (rotation.days !== undefined) {
        if (rotation.days.length === 0) problems.push({ path: 'rotation.days', message: 'must list at least one weekday' });
        rotation.days.forEach((d, i) => weekday(`rotation.days[${i}]`, d));
      }
      break;
    case 'weekly':
      weekday('rotation.handoffDay', rotation.handoffDay);
      check('rotation.handoffTime', () => parseTimeOfDay(rotation.handoffTime));
      break;
    case 'custom':
      if (!Number.isInteger(rotation.every) || rotation.every < 1) problems.push({ path: 'rotation.every', message: 'must be a positive integer' });
      if (!['hours', 'days', 'weeks'].includes(rotation.unit)) problems.push({ path: 'rotation.unit', message: 'must be hours, days or weeks' });
      check('rotation.anchor', () => parseWallDateTime(rotation.anchor));
      break;
    default:
      problems.push({ path: 'rotation.kind', message: 'must be daily, weekly or custom' });
  }
  if (restriction.kind === 'custom') {
    restriction.windows.forEach((w: RestrictionWindow, i) => {
      weekday(`restriction.windows[${i}].startDay`, w.startDay);
      check(`restriction.windows[${i}].startTime`, () => parseTimeOfDay(w.startTime));
      weekday(`restriction.windows[${i}].endDay`, w.endDay);
      check(`restriction.windows[${i}].endTime`, () => parseTimeOfDay(w.endTime));
    });
  } else if (!['always', 'business_hours', 'weekends'].includes(restriction.kind)) {
    problems.push({ path: 'restriction.kind', message: 'must be always, business_hours, weekends or custom' });
  }
  draft.members.forEach((m, i) => {
    if (typeof m !== 'string' || m.length === 0) problems.push({ path: `members[${i}]`, message: 'must be a user id' });
  });
  return problems;
}
