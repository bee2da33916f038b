import type { Absence, Instant } from './types.js';

/** A schedule's time off, ready for repeated "who is away at t" questions. */
export interface CompiledTimeOff {
  /** Each user's absences, sorted by start (they may overlap). */
  byUser: Map<string, Absence[]>;
  /** Every start and end, ascending and distinct: where anyone's being away may change. */
  edges: Instant[];
}

const EMPTY: CompiledTimeOff = { byUser: new Map(), edges: [] };

export function compileTimeOff(timeOff: Absence[] | undefined): CompiledTimeOff {
  if (!timeOff || timeOff.length === 0) return EMPTY;
  const byUser = new Map<string, Absence[]>();
  const edges = new Set<Instant>();
  for (const a of timeOff) {
    if (a.end <= a.start) continue;
    const list = byUser.get(a.userId) ?? [];
    list.push(a);
    byUser.set(a.userId, list);
    edges.add(a.start).add(a.end);
  }
  for (const list of byUser.values()) list.sort((a, b) => a.start - b.start);
  return { byUser, edges: [...edges].sort((a, b) => a - b) };
}

export function isAway(timeOff: CompiledTimeOff, userId: string, instant: Instant): boolean {
  const list = timeOff.byUser.get(userId);
  if (!list) return false;
  for (const a of list) {
    if (a.start > instant) return false;
    if (instant < a.end) return true;
  }
  return false;
}

/** The first edge after `instant` (Infinity when none): until then nobody's being away changes. */
export function nextTimeOffEdge(timeOff: CompiledTimeOff, instant: Instant): Instant {
  const { edges } = timeOff;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as Instant) <= instant) lo = mid + 1;
    else hi = mid;
  }
  return edges[lo] ?? Infinity;
}

/**
 * Who holds a turn whose owner is away: the first member after position `index` in the
 * rotation order (wrapping round to it) who is not away at `instant`, or null when all
 * are. Turn counting is untouched: the next turn still belongs to whoever follows `index`.
 */
export function coverAt(members: string[], index: number, timeOff: CompiledTimeOff, instant: Instant): string | null {
  for (let step = 1; step <= members.length; step++) {
    const candidate = members[(index + step) % members.length] as string;
    if (!isAway(timeOff, candidate, instant)) return candidate;
  }
  return null;
}
