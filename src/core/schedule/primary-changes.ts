import type { PrimarySegment } from './types.js';

export interface PrimaryChange {
  start: number;
  end: number;
  before: string | null;
  after: string | null;
}

/**
 * Where the paged user differs between two final rows over the same range: what an
 * edit would move, for whom. Adjacent differences with the same pair are merged.
 */
export function primaryChanges(before: PrimarySegment[], after: PrimarySegment[]): PrimaryChange[] {
  const changes: PrimaryChange[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const a = before[i] as PrimarySegment;
    const b = after[j] as PrimarySegment;
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    const was = a.primary?.userId ?? null;
    const now = b.primary?.userId ?? null;
    if (end > start && was !== now) {
      const last = changes[changes.length - 1];
      if (last && last.end === start && last.before === was && last.after === now) last.end = end;
      else changes.push({ start, end, before: was, after: now });
    }
    if (a.end <= b.end) i++;
    if (b.end <= a.end) j++;
  }
  return changes;
}
