import { claimAt } from './claim.js';
import { compileSchedule, type Final, finalOf, layerAt, sameFinal, sameState } from './layer-state.js';
import { sameShadows, shadowsAt } from './shadow.js';
import type { Instant, LayerSegment, LayerState, PrimarySegment, Schedule, TimelineRows, TimelineSegment } from './types.js';

type Visit = (start: Instant, end: Instant, final: Final, states: LayerState[]) => void;

/**
 * Walks [from, to) from change point to change point (handoffs, window edges, override
 * and shift edges, version starts), re-evaluating only the layers whose state may have
 * changed. Visited pieces are not necessarily maximal: callers merge equal neighbours.
 */
function sweep(schedule: Schedule, from: Instant, to: Instant, visit: Visit): void {
  const cs = compileSchedule(schedule);
  const evals = cs.layers.map((cl) => layerAt(cl, from));
  let wide = claimAt(cs.scheduleWide, from);
  let wideShadows = shadowsAt(cs.wideShadows, from);
  for (let t = from; t < to; ) {
    const states = evals.map((e) => e.state);
    let next = Math.min(to, wide.next, wideShadows.next);
    for (const e of evals) next = Math.min(next, e.next);
    visit(t, next, finalOf(states, wide.winner, wideShadows.userIds), states);
    t = next;
    for (let i = 0; i < evals.length; i++) {
      if ((evals[i] as (typeof evals)[number]).next <= t) evals[i] = layerAt(cs.layers[i] as (typeof cs.layers)[number], t);
    }
    if (wide.next <= t) wide = claimAt(cs.scheduleWide, t);
    if (wideShadows.next <= t) wideShadows = shadowsAt(cs.wideShadows, t);
  }
}

/** Maximal segments of [from, to) over which the whole resolution is constant. */
export function timeline(schedule: Schedule, from: Instant, to: Instant): TimelineSegment[] {
  const segments: TimelineSegment[] = [];
  sweep(schedule, from, to, (start, end, final, layers) => {
    const last = segments[segments.length - 1];
    if (last && sameFinal(last, final) && last.layers.every((s, i) => sameState(s, layers[i] as LayerState))) {
      last.end = end;
    } else {
      segments.push({ start, end, ...final, layers });
    }
  });
  return segments;
}

/** One row of maximal segments per layer, and the final row of primaries. */
export function timelineRows(schedule: Schedule, from: Instant, to: Instant): TimelineRows {
  const rows = schedule.layers.map((layer) => ({ layerId: layer.id, name: layer.name, segments: [] as LayerSegment[] }));
  const final: PrimarySegment[] = [];
  sweep(schedule, from, to, (start, end, answer, states) => {
    states.forEach((state, i) => {
      const segments = (rows[i] as (typeof rows)[number]).segments;
      const last = segments[segments.length - 1];
      if (last && sameSegment(last, state)) last.end = end;
      else {
        segments.push({ start, end, userId: state.userId, source: state.source, active: state.active, shadows: state.shadows, ...(state.coverFor !== undefined && { coverFor: state.coverFor }) });
      }
    });
    const last = final[final.length - 1];
    if (last && sameFinal(last, answer)) last.end = end;
    else final.push({ start, end, ...answer });
  });
  return { layers: rows, final };
}

/** Layer segments compare like layer states (a segment has no layer id). */
export function sameSegment(a: Omit<LayerSegment, 'start' | 'end'>, b: Omit<LayerSegment, 'start' | 'end'>): boolean {
  return a.userId === b.userId && a.source === b.source && a.active === b.active && a.coverFor === b.coverFor && sameShadows(a.shadows, b.shadows);
}
