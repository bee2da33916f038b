import { compileRestriction } from '../schedule/restriction.js';
import type { Restriction } from '../schedule/types.js';
import { zone } from '../time/zone.js';
import type { Instant } from './types.js';
import type { Urgency } from './urgency.js';

/** Enough edges to cross any week of windows, DST included; more means the windows are empty. */
const MAX_EDGES = 64;

/**
 * When a page due at `due` goes out to someone who takes low-urgency pages only within
 * `hours` (in their zone): at once for high urgency, or within the hours; otherwise at the
 * next moment the hours begin. Hours that never begin wait for nothing: a page is never
 * held for ever.
 */
export function pageTime(due: Instant, urgency: Urgency, hours: Restriction | null, timeZone: string): Instant {
  if (urgency === 'high' || hours === null || hours.kind === 'always') return due;
  const mask = compileRestriction(hours, zone(timeZone));
  let at = due;
  for (let i = 0; i < MAX_EDGES; i++) {
    if (mask.activeAt(at)) return at;
    at = mask.nextEdge(at);
    if (!Number.isFinite(at)) return due;
  }
  return due;
}
