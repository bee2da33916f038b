import type { Instant, LayerSegment, PrimarySegment, Range } from './types.js';

/** Where cover is asked for: one layer, or (null) the whole schedule's primary. */
export type CoverScope = { layerId: string | null };

export type StoredCoverStatus = 'open' | 'accepted' | 'withdrawn';
/** As people see it: an open request whose time has come is expired. */
export type CoverStatus = StoredCoverStatus | 'expired';

export interface CoverRequestState extends Range {
  requesterId: string;
  status: StoredCoverStatus;
  createdAt: Instant;
  /** Who was asked. */
  candidates: readonly string[];
}

/**
 * Until when a request may be accepted: the start of its span, as cover for a shift must
 * be settled before the shift begins. A span already under way when the request was made
 * (someone who has to leave now) would be dead on arrival, so it stays open until its end
 * and the cover starts when it is accepted.
 */
export function acceptDeadline(r: Pick<CoverRequestState, 'start' | 'end' | 'createdAt'>): Instant {
  return r.start > r.createdAt ? r.start : r.end;
}

export function coverStatus(r: Pick<CoverRequestState, 'status' | 'start' | 'end' | 'createdAt'>, now: Instant): CoverStatus {
  return r.status === 'open' && now >= acceptDeadline(r) ? 'expired' : r.status;
}

export type AcceptRefusal = 'not_asked' | 'closed';

/** Whether `userId` may take the request now; `null`: yes. */
export function acceptRefusal(r: CoverRequestState, userId: string, now: Instant): AcceptRefusal | null {
  if (!r.candidates.includes(userId)) return 'not_asked';
  return coverStatus(r, now) === 'open' ? null : 'closed';
}

/** The span the accepter's override covers: the part of the request not yet past. */
export function coverSpan(r: Range, now: Instant): Range {
  return { start: Math.max(r.start, now), end: r.end };
}

export type WithdrawRefusal = 'not_allowed' | 'closed';

export function withdrawRefusal(r: CoverRequestState, userId: string, isManager: boolean, now: Instant): WithdrawRefusal | null {
  if (r.requesterId !== userId && !isManager) return 'not_allowed';
  return coverStatus(r, now) === 'open' ? null : 'closed';
}

/**
 * Who is asked: the other people of the layer's rotation, or of the schedule's team for a
 * schedule-wide request; each once, in the order given, never the requester.
 */
export function candidatesFor(people: readonly string[], requesterId: string): string[] {
  return [...new Set(people)].filter((id) => id !== requesterId);
}

/**
 * Whether `userId` holds the scope throughout `span`: the given rows (the layer's
 * segments, or the final row) must cover all of it with them, without a gap.
 */
export function holdsThroughout(segments: readonly (LayerSegment | PrimarySegment)[], userId: string, span: Range): boolean {
  let covered = span.start;
  for (const s of segments) {
    if (s.end <= covered || s.start >= span.end) continue;
    if (s.start > covered || holderOf(s) !== userId) return false;
    covered = s.end;
    if (covered >= span.end) return true;
  }
  return covered >= span.end;
}

function holderOf(s: LayerSegment | PrimarySegment): string | null {
  return 'primary' in s ? (s.primary?.userId ?? null) : s.active ? s.userId : null;
}
