import { type Claim, claimAt, sortClaims } from './claim.js';
import { type CompiledVersion, compileVersion, rotationAt, rotationUserAt, versionIndexAt } from './layer-version.js';
import type { Instant, Layer, LayerState, Primary, Schedule } from './types.js';

/** A layer ready for repeated evaluation; versions are compiled on first use. */
export interface CompiledLayer {
  layer: Layer;
  overrides: Claim[];
  fixedShifts: Claim[];
  compiled: (CompiledVersion | undefined)[];
}

export interface CompiledSchedule {
  layers: CompiledLayer[];
  scheduleWide: Claim[];
}

export interface LayerEval {
  state: LayerState;
  /** No later than the next instant `state` may change. */
  next: Instant;
}

export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const overrides = schedule.overrides.map((o, order) => ({ layerId: o.layerId, claim: { userId: o.userId, start: o.start, end: o.end, rank: o.createdAt, order } }));
  return {
    layers: schedule.layers.map((layer) => ({
      layer,
      overrides: sortClaims(overrides.filter((o) => o.layerId === layer.id).map((o) => o.claim)),
      // Among overlapping fixed shifts, the one that started last holds the layer.
      fixedShifts: sortClaims(schedule.fixedShifts.flatMap((f, order) => (f.layerId === layer.id ? [{ ...f, rank: f.start, order }] : []))),
      compiled: [],
    })),
    scheduleWide: sortClaims(overrides.filter((o) => o.layerId === null).map((o) => o.claim)),
  };
}

function versionAt(cl: CompiledLayer, index: number): CompiledVersion {
  return (cl.compiled[index] ??= compileVersion(cl.layer.versions[index] as Layer['versions'][number]));
}

export function layerAt(cl: CompiledLayer, instant: Instant): LayerEval {
  const { versions, id } = cl.layer;
  const index = versionIndexAt(versions, instant);
  if (index < 0) {
    return { state: { layerId: id, userId: null, source: 'none', active: false }, next: versions[0]?.effectiveFrom ?? Infinity };
  }
  const cv = versionAt(cl, index);
  const active = cv.mask.activeAt(instant);
  let next = Math.min(versions[index + 1]?.effectiveFrom ?? Infinity, cv.mask.nextEdge(instant));

  const override = claimAt(cl.overrides, instant);
  next = Math.min(next, override.next);
  if (override.winner) return { state: { layerId: id, userId: override.winner.userId, source: 'override', active }, next };

  const fixed = claimAt(cl.fixedShifts, instant);
  next = Math.min(next, fixed.next);
  if (fixed.winner) return { state: { layerId: id, userId: fixed.winner.userId, source: 'fixed', active }, next };

  const rotation = rotationAt(cv, instant);
  const source = rotation.userId === null ? 'none' : 'rotation';
  return { state: { layerId: id, userId: rotation.userId, source, active }, next: Math.min(next, rotation.next) };
}

/** The primary among already evaluated layer states (in position order). */
export function primaryOf(states: LayerState[], scheduleWide: Claim | null): Primary | null {
  if (scheduleWide) return { userId: scheduleWide.userId, layerId: null, source: 'override' };
  for (const s of states) {
    if (s.active && s.userId !== null && s.source !== 'none') return { userId: s.userId, layerId: s.layerId, source: s.source };
  }
  return null;
}

/** The primary at `instant` without computing how long anything lasts. */
export function quickPrimary(cs: CompiledSchedule, instant: Instant): Primary | null {
  const wide = claimAt(cs.scheduleWide, instant).winner;
  if (wide) return { userId: wide.userId, layerId: null, source: 'override' };
  for (const cl of cs.layers) {
    const index = versionIndexAt(cl.layer.versions, instant);
    if (index < 0) continue;
    const cv = versionAt(cl, index);
    if (!cv.mask.activeAt(instant)) continue;
    const override = claimAt(cl.overrides, instant).winner;
    if (override) return { userId: override.userId, layerId: cl.layer.id, source: 'override' };
    const fixed = claimAt(cl.fixedShifts, instant).winner;
    if (fixed) return { userId: fixed.userId, layerId: cl.layer.id, source: 'fixed' };
    const userId = rotationUserAt(cv, instant);
    if (userId !== null) return { userId, layerId: cl.layer.id, source: 'rotation' };
  }
  return null;
}

export function sameState(a: LayerState, b: LayerState): boolean {
  return a.userId === b.userId && a.source === b.source && a.active === b.active;
}

export function samePrimary(a: Primary | null, b: Primary | null): boolean {
  return a === b || (a !== null && b !== null && a.userId === b.userId && a.layerId === b.layerId && a.source === b.source);
}
