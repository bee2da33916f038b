import { parseTimeOfDay, parseWallDateTime } from '../time/wall-clock.js';
import { assertTimeZone } from '../time/zone.js';
import type { DailyWindow, LayerDraft, Restriction, RestrictionWindow } from './types.js';

export interface DraftProblem {
  /** Dotted path inside the draft, e.g. 'rotation.days[2]'. */
  path: string;
  message: string;
}

const sameWindow = (a: RestrictionWindow, b: RestrictionWindow) =>
  a.startDay === b.startDay && a.startTime === b.startTime && a.endDay === b.endDay && a.endTime === b.endTime;

/**
 * Everything wrong with a layer draft, so an API can answer 400 with field paths rather
 * than letting the compile step throw. An empty list means the core accepts the draft.
 *
 * `kept` is the restriction the layer already has, if any. A weekly window that ends when
 * it starts has always meant the whole week; new ones are refused as ambiguous, but one
 * the layer already has is let through unchanged so that stored layers stay editable.
 */
export function validateLayerDraft(draft: LayerDraft, kept?: Restriction): DraftProblem[] {
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
    case 'monthly':
      if (!Number.isInteger(rotation.handoffDay) || rotation.handoffDay < 1 || rotation.handoffDay > 31) {
        problems.push({ path: 'rotation.handoffDay', message: 'must be a day of the month, 1 to 31 (31 means the last day)' });
      }
      check('rotation.handoffTime', () => parseTimeOfDay(rotation.handoffTime));
      break;
    case 'custom':
      if (!Number.isInteger(rotation.every) || rotation.every < 1) problems.push({ path: 'rotation.every', message: 'must be a positive integer' });
      if (!['hours', 'days', 'weeks'].includes(rotation.unit)) problems.push({ path: 'rotation.unit', message: 'must be hours, days or weeks' });
      check('rotation.anchor', () => parseWallDateTime(rotation.anchor));
      break;
    default:
      problems.push({ path: 'rotation.kind', message: 'must be daily, weekly, monthly or custom' });
  }
  if (restriction.kind === 'custom') {
    const stored = kept?.kind === 'custom' ? kept.windows : [];
    restriction.windows.forEach((w: RestrictionWindow, i) => {
      const path = `restriction.windows[${i}]`;
      weekday(`${path}.startDay`, w.startDay);
      check(`${path}.startTime`, () => parseTimeOfDay(w.startTime));
      weekday(`${path}.endDay`, w.endDay);
      check(`${path}.endTime`, () => parseTimeOfDay(w.endTime));
      if (w.startDay === w.endDay && w.startTime === w.endTime && !stored.some((s) => sameWindow(s, w))) {
        problems.push({ path: `${path}.endTime`, message: 'must differ from the start: a window that ends when it starts is ambiguous (for the whole week use always)' });
      }
    });
  } else if (restriction.kind === 'daily') {
    restriction.windows.forEach((w: DailyWindow, i) => {
      const path = `restriction.windows[${i}]`;
      if (w.days.length === 0) problems.push({ path: `${path}.days`, message: 'must list at least one weekday' });
      w.days.forEach((d, j) => weekday(`${path}.days[${j}]`, d));
      check(`${path}.startTime`, () => parseTimeOfDay(w.startTime));
      check(`${path}.endTime`, () => parseTimeOfDay(w.endTime));
      if (w.startTime === w.endTime) {
        problems.push({ path: `${path}.endTime`, message: 'must differ from startTime: equal times are ambiguous (an end before the start runs past midnight)' });
      }
    });
  } else if (!['always', 'business_hours', 'weekends'].includes(restriction.kind)) {
    problems.push({ path: 'restriction.kind', message: 'must be always, business_hours, weekends, daily or custom' });
  }
  draft.members.forEach((m, i) => {
    if (typeof m !== 'string' || m.length === 0) problems.push({ path: `members[${i}]`, message: 'must be a user id' });
  });
  return problems;
}
