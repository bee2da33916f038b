import { historyGaps, type ScheduleHistory } from './history.js';
import type { Instant, Range } from './types.js';

/** How many days ahead a schedule's coverage is scanned for the gap alert, unless it says. */
export const DEFAULT_GAP_ALERT_DAYS = 14;
/** The furthest a schedule may ask: beyond a quarter, rotas are rarely settled. */
export const MAX_GAP_ALERT_DAYS = 90;

/** A stretch of a gap in the final timeline: all of it marked intended, or none of it. */
export interface GapPiece extends Range {
  intended: boolean;
}

/**
 * Cuts each gap at the edges of the intended ranges that overlap it: a gap partly covered
 * by an intended range keeps its uncovered parts (which still alert). Intended ranges may
 * overlap each other; neighbouring pieces of one kind are merged.
 */
export function classifyGaps(gaps: Range[], intended: Range[]): GapPiece[] {
  const marks = [...intended].sort((a, b) => a.start - b.start);
  const pieces: GapPiece[] = [];
  const push = (start: Instant, end: Instant, isIntended: boolean) => {
    if (end <= start) return;
    const last = pieces[pieces.length - 1];
    if (last && last.end === start && last.intended === isIntended) last.end = end;
    else pieces.push({ start, end, intended: isIntended });
  };
  for (const gap of gaps) {
    let t = gap.start;
    for (const mark of marks) {
      if (mark.end <= t || mark.start >= gap.end) continue;
      push(t, Math.max(t, mark.start), false);
      const until = Math.min(gap.end, mark.end);
      push(Math.max(t, mark.start), until, true);
      t = Math.max(t, until);
      if (t >= gap.end) break;
    }
    push(t, gap.end, false);
  }
  return pieces;
}

/**
 * The gaps of the schedule's final timeline (the one the calendar draws, time off and
 * overrides included) over [from, to), each piece saying whether it was marked intended.
 */
export function upcomingGaps(history: ScheduleHistory, from: Instant, to: Instant, intended: Range[]): GapPiece[] {
  return classifyGaps(historyGaps(history, from, to), intended);
}

/** What should alert: the gaps over [from, to) that no intended range covers. */
export function unintendedGaps(history: ScheduleHistory, from: Instant, to: Instant, intended: Range[]): Range[] {
  return upcomingGaps(history, from, to, intended)
    .filter((piece) => !piece.intended)
    .map(({ start, end }) => ({ start, end }));
}

/** The parts of `pieces` within [from, to): gaps found over a wider window, as a scan of [from, to) finds them. */
export function clipPieces(pieces: readonly GapPiece[], from: Instant, to: Instant): GapPiece[] {
  return pieces.flatMap((p) => (p.end <= from || p.start >= to ? [] : [{ start: Math.max(p.start, from), end: Math.min(p.end, to), intended: p.intended }]));
}
