import type { Instant } from './types.js';

/** An override or a fixed shift: a user holding [start, end). */
export interface Claim {
  userId: string;
  start: Instant;
  end: Instant;
  /** Higher ranks win among overlapping claims. */
  rank: number;
  /** Position in the caller's list: among equal ranks the later one wins. */
  order: number;
}

export interface ClaimAt {
  winner: Claim | null;
  /** No later than the next instant the winner may change. */
  next: Instant;
}

/** Claims sorted by start, with empty spans dropped. */
export function sortClaims(claims: Claim[]): Claim[] {
  return claims.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
}

export function claimAt(sorted: Claim[], instant: Instant): ClaimAt {
  let winner: Claim | null = null;
  let next = Infinity;
  for (const claim of sorted) {
    if (claim.start > instant) {
      next = Math.min(next, claim.start);
      break;
    }
    if (claim.end > instant) {
      next = Math.min(next, claim.end);
      if (!winner || claim.rank > winner.rank || (claim.rank === winner.rank && claim.order > winner.order)) winner = claim;
    }
  }
  return { winner, next };
}
