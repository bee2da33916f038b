import { DAY } from '../time/units.js';
import { claimAt } from './claim.js';
import { compileSchedule, layerAt, primaryOf, quickPrimary, samePrimary, sameState } from './layer-state.js';
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

  // Until a layer changes, only schedule-wide overrides can move the primary.
  let wide = claimAt(cs.scheduleWide, instant);
  const primary = primaryOf(layers, wide.winner);
  let until = wide.next;
  while (until < layersUntil) {
    wide = claimAt(cs.scheduleWide, until);
    if (!samePrimary(primaryOf(layers, wide.winner), primary)) break;
    until = wide.next;
  }
  return { primary, layers, until: Math.min(until, layersUntil) };
}

/** Just the primary at `instant`: the fast path for paging. */
export function primaryAt(schedule: Schedule, instant: Instant): Primary | null {
  return quickPrimary(schedule, instant);
}
