import type { Instant, PrimarySegment, Range } from './types.js';
import { userShifts } from './user-shifts.js';

/**
 * One change to a person's shifts: added (before null), removed (after null), or moved
 * (both: a shift that overlaps what they had but starts or ends elsewhere).
 */
export interface ShiftChange {
  before: Range | null;
  after: Range | null;
}

const span = (r: Range): Range => ({ start: r.start, end: r.end });
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/**
 * What changed in each person's shifts between two final rows of the same window, by
 * user id; people whose shifts are all the same are left out. Shifts are whole stretches
 * of being paged (see userShifts), so a layer handing over to another with the same person
 * is no change, and each change is listed in the order it happens.
 */
export function shiftChanges(before: PrimarySegment[], after: PrimarySegment[], from: Instant, to: Instant): Map<string, ShiftChange[]> {
  const people = new Set([...before, ...after].flatMap((s) => (s.primary ? [s.primary.userId] : [])));
  const changes = new Map<string, ShiftChange[]>();
  for (const userId of people) {
    const had = userShifts(before, userId, from, to).map(span);
    const has = userShifts(after, userId, from, to).map(span);
    const same = (a: Range) => (b: Range) => a.start === b.start && a.end === b.end;
    const gone = had.filter((a) => !has.some(same(a)));
    const fresh = has.filter((b) => !had.some(same(b)));
    const list: ShiftChange[] = [];
    for (const a of gone) {
      const i = fresh.findIndex((b) => overlaps(a, b));
      list.push({ before: a, after: i < 0 ? null : (fresh.splice(i, 1)[0] as Range) });
    }
    list.push(...fresh.map((b) => ({ before: null, after: b })));
    if (list.length === 0) continue;
    list.sort((x, y) => startOf(x) - startOf(y));
    changes.set(userId, list);
  }
  return changes;
}

function startOf(c: ShiftChange): Instant {
  return Math.min(c.before?.start ?? Infinity, c.after?.start ?? Infinity);
}
