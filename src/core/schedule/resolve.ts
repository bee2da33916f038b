import { DAY } from '../time/units.js';
import { claimAt } from './claim.js';
import { compileSchedule, finalOf, layerAt, quickPrimary, sameFinal, sameState } from './layer-state.js';
import { shadowsAt } from './shadow.js';
import type { Instant, Primary, Resolution, Schedule } from './types.js';

/** How far ahead `until` looks; an `until` equal to `instant + horizon` means "not before then". */
export const DEFAULT_HORIZON = 366 * DAY;

/** Who is on call at `instant`: the primary, every layer, and until when each holds. */
export function resolveAt(schedule: Schedule, instant: Instant, horizon = DEFAULT_HORIZON): Resolution {
  // A finite horizon bounds the search for a change that may never come.
  if (!Number.isFinite(horizon) || horizon <= 0) throw new RangeError(`horizon must be a positive finite duration, got ${horizon}`);
  const cs = compileSchedule(schedule);
  const cap = instant + horizon;
  const layers = cs.layers.map((cl) => {
    const first = layerAt(cl, instant);
    let until = first.next;
    while (until < cap) {
      const later = layerAt(cl, until);
      if (!sameState(later.state, first.state)) break;
      until = later.next;
    }
    return { ...first.state, until: Math.min(until, cap) };
  });
  const layersUntil = Math.min(cap, ...layers.map((l) => l.until));

  // Until a layer changes, only schedule-wide overrides can move the primary or its shadows.
  const finalAt = (t: Instant) => {
    const wide = claimAt(cs.scheduleWide, t);
    const shadows = shadowsAt(cs.wideShadows, t);
    return { final: finalOf(layers, wide.winner, shadows.userIds), next: Math.min(wide.next, shadows.next) };
  };
  const { final, next } = finalAt(instant);
  let until = next;
  while (until < layersUntil) {
    const later = finalAt(until);
    if (!sameFinal(later.final, final)) break;
    until = later.next;
  }
  return { ...final, layers, until: Math.min(until, layersUntil) };
}

/** Just the primary at `instant` (shadows never change it): the fast path. */
export function primaryAt(schedule: Schedule, instant: Instant): Primary | null {
  return quickPrimary(schedule, instant);
}
