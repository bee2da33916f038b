import type { Instant } from './types.js';

/** An override or a fixed shift: a user holding [start, end). */
export interface Claim {
  userId: string;
  start: Instant;
  end: Instant;
  /** Higher ranks win among overlapping claims; ties go to the later one in input order. */
  rank: number;
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
      if (!winner || claim.rank >= winner.rank) winner = claim;
    }
  }
  return { winner, next };
}
