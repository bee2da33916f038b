import type { Claim } from './claim.js';
import type { Instant } from './types.js';

export interface ShadowsAt {
  /** Sorted, each once. */
  userIds: string[];
  /** No later than the next instant `userIds` may change. */
  next: Instant;
}

/**
 * Everyone whose shadow claim (sorted by start) covers `instant`. Shadows do not compete
 * the way replacing claims do: every one in force counts.
 */
export function shadowsAt(sorted: Claim[], instant: Instant): ShadowsAt {
  const users = new Set<string>();
  let next = Infinity;
  for (const claim of sorted) {
    if (claim.start > instant) {
      next = Math.min(next, claim.start);
      break;
    }
    if (claim.end > instant) {
      next = Math.min(next, claim.end);
      users.add(claim.userId);
    }
  }
  return { userIds: [...users].sort(), next };
}

/**
 * The union of `groups`, sorted, without `userId`: someone who already holds the pager is
 * not also their own shadow. Sorting makes equal sets compare equal, so a timeline is not
 * cut where only the order in which shadows started would differ.
 */
export function shadowsBeside(userId: string | null, ...groups: string[][]): string[] {
  const users = new Set(groups.flat());
  if (userId !== null) users.delete(userId);
  return [...users].sort();
}

export function sameShadows(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
