import type { Instant, Primary, PrimarySegment, Range } from './types.js';

/** How the user holds the pager during part of a shift: a layer (null: a schedule-wide override) and why. */
export interface ShiftPart {
  layerId: string | null;
  source: Primary['source'];
}

export interface UserShift extends Range {
  /** Each distinct way the pager is held, in the order it first happens. */
  via: ShiftPart[];
}

/**
 * The spans of a final row where `userId` is the primary that overlap [from, to), kept
 * whole: a shift under way at `from`, or running past `to`, keeps its real start and end
 * as far as the row reaches (callers read the row wider than the window). Neighbouring
 * segments with the same person are one shift even when the layer or source changes
 * between them (a day layer handing over to a night layer with the same person): to that
 * person it is one stretch of being paged, and `via` says how.
 */
export function userShifts(final: PrimarySegment[], userId: string, from: Instant, to: Instant): UserShift[] {
  const shifts: UserShift[] = [];
  for (const segment of final) {
    if (segment.primary?.userId !== userId) continue;
    const part = { layerId: segment.primary.layerId, source: segment.primary.source };
    let last = shifts[shifts.length - 1];
    if (!last || last.end !== segment.start) {
      last = { start: segment.start, end: segment.end, via: [] };
      shifts.push(last);
    }
    last.end = segment.end;
    if (!last.via.some((p) => p.layerId === part.layerId && p.source === part.source)) last.via.push(part);
  }
  return shifts.filter((s) => s.end > from && s.start < to);
}
