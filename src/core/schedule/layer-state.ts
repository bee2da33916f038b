import { type Claim, claimAt, sortClaims } from './claim.js';
import { type CompiledVersion, compileVersion, rotationAt, rotationUserAt, turnIndexAt, versionIndexAt } from './layer-version.js';
import { sameShadows, shadowsAt, shadowsBeside } from './shadow.js';
import { type CompiledTimeOff, compileTimeOff, coverAt, isAway, nextTimeOffEdge } from './time-off.js';
import type { FixedShift, Instant, Layer, LayerSource, LayerState, LayerVersion, Override, Primary, Schedule } from './types.js';

/** A layer ready for repeated evaluation; versions are compiled on first use. */
export interface CompiledLayer {
  layer: Layer;
  /** Replacing overrides only; shadow ones are in `shadows`. */
  overrides: Claim[];
  shadows: Claim[];
  fixedShifts: Claim[];
  timeOff: CompiledTimeOff;
  compiled: (CompiledVersion | undefined)[];
}

export interface CompiledSchedule {
  layers: CompiledLayer[];
  /** Replacing schedule-wide overrides. */
  scheduleWide: Claim[];
  wideShadows: Claim[];
}

/** The answer for the schedule as a whole: who a "schedule" target pages. */
export interface Final {
  primary: Primary | null;
  shadows: string[];
}

export interface LayerEval {
  state: LayerState;
  /** No later than the next instant `state` may change. */
  next: Instant;
}

const isShadow = (o: Override) => o.mode === 'shadow';

export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const overrides = schedule.overrides.map((o, order) => ({ layerId: o.layerId, shadow: isShadow(o), claim: { userId: o.userId, start: o.start, end: o.end, rank: o.createdAt, order } }));
  const claims = (layerId: string | null, shadow: boolean) => sortClaims(overrides.filter((o) => o.layerId === layerId && o.shadow === shadow).map((o) => o.claim));
  const timeOff = compileTimeOff(schedule.timeOff);
  return {
    layers: schedule.layers.map((layer) => ({
      layer,
      overrides: claims(layer.id, false),
      shadows: claims(layer.id, true),
      // Among overlapping fixed shifts, the one that started last holds the layer.
      fixedShifts: sortClaims(schedule.fixedShifts.flatMap((f, order) => (f.layerId === layer.id ? [{ ...f, rank: f.start, order }] : []))),
      timeOff,
      compiled: [],
    })),
    scheduleWide: claims(null, false),
    wideShadows: claims(null, true),
  };
}

function versionAt(cl: CompiledLayer, index: number): CompiledVersion {
  return (cl.compiled[index] ??= compileVersion(cl.layer.versions[index] as LayerVersion));
}

export function layerAt(cl: CompiledLayer, instant: Instant): LayerEval {
  const { versions, id } = cl.layer;
  const index = versionIndexAt(versions, instant);
  if (index < 0) {
    return { state: { layerId: id, userId: null, source: 'none', active: false, shadows: [] }, next: versions[0]?.effectiveFrom ?? Infinity };
  }
  const cv = versionAt(cl, index);
  const active = cv.mask.activeAt(instant);
  const shadows = shadowsAt(cl.shadows, instant);
  let next = Math.min(versions[index + 1]?.effectiveFrom ?? Infinity, cv.mask.nextEdge(instant), shadows.next);
  // A shadow accompanies the layer's user; with nobody on the layer there is no one to shadow.
  const state = (userId: string | null, source: LayerSource, coverFor?: string): LayerState => ({
    layerId: id,
    userId,
    source,
    active,
    shadows: userId === null ? [] : shadowsBeside(userId, shadows.userIds),
    ...(coverFor !== undefined && { coverFor }),
  });

  const override = claimAt(cl.overrides, instant);
  next = Math.min(next, override.next);
  if (override.winner) return { state: state(override.winner.userId, 'override'), next };

  const fixed = claimAt(cl.fixedShifts, instant);
  next = Math.min(next, fixed.next);
  if (fixed.winner) return { state: state(fixed.winner.userId, 'fixed'), next };

  const rotation = rotationAt(cv, instant);
  next = Math.min(next, rotation.next);
  if (rotation.userId === null) return { state: state(null, 'none'), next };
  // Anyone's time off starting or ending may move the turn to or from a cover.
  next = Math.min(next, nextTimeOffEdge(cl.timeOff, instant));
  if (!active || !isAway(cl.timeOff, rotation.userId, instant)) return { state: state(rotation.userId, 'rotation'), next };
  // The cover follows the turn's position, which a repeated member's next turn does not share.
  const turn = turnIndexAt(cv, instant);
  const cover = coverAt(cv.version.members, turn.index, cl.timeOff, instant);
  next = Math.min(next, turn.end);
  return { state: cover === null ? state(null, 'none', rotation.userId) : state(cover, 'cover', rotation.userId), next };
}

/** The primary among already evaluated layer states (in position order). */
export function primaryOf(states: LayerState[], scheduleWide: Claim | null): Primary | null {
  if (scheduleWide) return { userId: scheduleWide.userId, layerId: null, source: 'override' };
  for (const s of states) {
    if (s.active && s.userId !== null && s.source !== 'none') {
      return { userId: s.userId, layerId: s.layerId, source: s.source, ...(s.coverFor !== undefined && { coverFor: s.coverFor }) };
    }
  }
  return null;
}

/**
 * The primary and who is paged with them: the shadows of the layer that provides the
 * primary (not when a schedule-wide override replaces it: that layer is not paged), and
 * every schedule-wide shadow, also when nobody is primary.
 */
export function finalOf(states: LayerState[], scheduleWide: Claim | null, wideShadows: string[]): Final {
  const primary = primaryOf(states, scheduleWide);
  const layer = primary && primary.layerId !== null ? states.find((s) => s.layerId === primary.layerId) : undefined;
  return { primary, shadows: shadowsBeside(primary?.userId ?? null, layer?.shadows ?? [], wideShadows) };
}

export function sameFinal(a: Final, b: Final): boolean {
  return samePrimary(a.primary, b.primary) && sameShadows(a.shadows, b.shadows);
}

/** Winner among raw replacing overrides of one scope covering `instant`: newest, then latest listed. */
function overrideAt(overrides: Override[], layerId: string | null, instant: Instant): Override | null {
  let winner: Override | null = null;
  for (const o of overrides) {
    if (o.layerId === layerId && !isShadow(o) && o.start <= instant && instant < o.end && (!winner || o.createdAt >= winner.createdAt)) winner = o;
  }
  return winner;
}

function fixedShiftAt(shifts: FixedShift[], layerId: string, instant: Instant): FixedShift | null {
  let winner: FixedShift | null = null;
  for (const f of shifts) {
    if (f.layerId === layerId && f.start <= instant && instant < f.end && (!winner || f.start >= winner.start)) winner = f;
  }
  return winner;
}

/**
 * The primary at `instant` without computing how long anything lasts. It reads the raw
 * schedule instead of compiling it: this is the paging hot path.
 */
export function quickPrimary(schedule: Schedule, instant: Instant): Primary | null {
  const timeOff = compileTimeOff(schedule.timeOff);
  const wide = overrideAt(schedule.overrides, null, instant);
  if (wide) return { userId: wide.userId, layerId: null, source: 'override' };
  for (const layer of schedule.layers) {
    const index = versionIndexAt(layer.versions, instant);
    if (index < 0) continue;
    const cv = compileVersion(layer.versions[index] as LayerVersion);
    if (!cv.mask.activeAt(instant)) continue;
    const override = overrideAt(schedule.overrides, layer.id, instant);
    if (override) return { userId: override.userId, layerId: layer.id, source: 'override' };
    const fixed = fixedShiftAt(schedule.fixedShifts, layer.id, instant);
    if (fixed) return { userId: fixed.userId, layerId: layer.id, source: 'fixed' };
    const userId = rotationUserAt(cv, instant);
    if (userId === null) continue;
    if (!isAway(timeOff, userId, instant)) return { userId, layerId: layer.id, source: 'rotation' };
    const cover = coverAt(cv.version.members, turnIndexAt(cv, instant).index, timeOff, instant);
    if (cover !== null) return { userId: cover, layerId: layer.id, source: 'cover', coverFor: userId };
  }
  return null;
}

export function sameState(a: LayerState, b: LayerState): boolean {
  return a.userId === b.userId && a.source === b.source && a.active === b.active && a.coverFor === b.coverFor && sameShadows(a.shadows, b.shadows);
}

export function samePrimary(a: Primary | null, b: Primary | null): boolean {
  return a === b || (a !== null && b !== null && a.userId === b.userId && a.layerId === b.layerId && a.source === b.source && a.coverFor === b.coverFor);
}
