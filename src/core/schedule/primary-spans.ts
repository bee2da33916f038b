import { samePrimary } from './layer-state.js';
import type { Primary, PrimarySegment, Range } from './types.js';

export interface PrimarySpan extends Range {
  primary: Primary | null;
}

/**
 * A final row read for its primaries alone: neighbouring segments that differ only in
 * their shadows are one span. What lists shifts of the person holding the pager (an iCal
 * event per shift) should not be cut where a shadow joins or leaves.
 */
export function primarySpans(final: PrimarySegment[]): PrimarySpan[] {
  const spans: PrimarySpan[] = [];
  for (const { start, end, primary } of final) {
    const last = spans[spans.length - 1];
    if (last && last.end === start && samePrimary(last.primary, primary)) last.end = end;
    else spans.push({ start, end, primary });
  }
  return spans;
}
