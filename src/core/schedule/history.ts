import { gapsOf } from './coverage.js';
import { onCallHours } from './hours-report.js';
import { resolveAt, DEFAULT_HORIZON } from './resolve.js';
import { sameSegment, timeline, timelineRows } from './timeline.js';
import { sameFinal, sameState } from './layer-state.js';
import type {
  Absence,
  FixedShift,
  Instant,
  Layer,
  LayerState,
  Override,
  PrimarySegment,
  Range,
  Resolution,
  Schedule,
  TimelineRows,
  TimelineSegment,
  UserHours,
} from './types.js';

/** Which layers exist, in position order (index 0 = Primary), from an instant on. */
export interface Structure {
  effectiveFrom: Instant;
  layerIds: string[];
}

/**
 * A schedule with its whole history: adding, deleting and reordering layers are
 * structure versions, so every past instant resolves with the layers then in force.
 */
export interface ScheduleHistory {
  timeZone: string;
  /** Every layer that ever existed, in any order. */
  layers: Layer[];
  /** Sorted by effectiveFrom; before the first one the schedule has no layers. */
  structures: Structure[];
  overrides: Override[];
  fixedShifts: FixedShift[];
  timeOff?: Absence[];
}

interface Era extends Range {
  schedule: Schedule;
}

function structureIndexAt(structures: Structure[], instant: Instant): number {
  let index = -1;
  for (let i = 0; i < structures.length && (structures[i] as Structure).effectiveFrom <= instant; i++) index = i;
  return index;
}

function scheduleOf(history: ScheduleHistory, layerIds: string[]): Schedule {
  const byId = new Map(history.layers.map((l) => [l.id, l]));
  return {
    timeZone: history.timeZone,
    layers: layerIds.flatMap((id) => byId.get(id) ?? []),
    overrides: history.overrides,
    fixedShifts: history.fixedShifts,
    ...(history.timeOff && { timeOff: history.timeOff }),
  };
}

/** The plain schedule in force at `instant`. */
export function scheduleAt(history: ScheduleHistory, instant: Instant): Schedule {
  const index = structureIndexAt(history.structures, instant);
  return scheduleOf(history, index < 0 ? [] : (history.structures[index] as Structure).layerIds);
}

/**
 * [from, to) cut where the structure changes, each piece with its plain schedule. Time
 * before the schedule's first structure is left out: a schedule that did not exist yet
 * has no timeline (and no coverage gap).
 */
export function erasOf(history: ScheduleHistory, from: Instant, to: Instant): Era[] {
  const eras: Era[] = [];
  history.structures.forEach((structure, i) => {
    const start = Math.max(from, structure.effectiveFrom);
    const end = Math.min(to, history.structures[i + 1]?.effectiveFrom ?? Infinity);
    if (start < end) eras.push({ start, end, schedule: scheduleOf(history, structure.layerIds) });
  });
  return eras;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The first structure after `index` that `differs` from the one at `index`, or Infinity. */
function nextStructureWhere(structures: Structure[], index: number, differs: (layerIds: string[]) => boolean): Instant {
  for (let i = index + 1; i < structures.length; i++) {
    const s = structures[i] as Structure;
    if (differs(s.layerIds)) return s.effectiveFrom;
  }
  return Infinity;
}

/**
 * resolveAt over a history. A layer's state does not depend on the structure, so its
 * `until` stops at a structure change only when that removes the layer; the whole
 * answer's `until` stops at the next change of which layers exist or their order (a
 * structure that repeats the current list changes nothing).
 */
export function resolveHistoryAt(history: ScheduleHistory, instant: Instant, horizon = DEFAULT_HORIZON): Resolution {
  const { structures } = history;
  const index = structureIndexAt(structures, instant);
  const current = index < 0 ? [] : (structures[index] as Structure).layerIds;
  const resolution = resolveAt(scheduleAt(history, instant), instant, horizon);
  return {
    primary: resolution.primary,
    shadows: resolution.shadows,
    layers: resolution.layers.map((l) => ({ ...l, until: Math.min(l.until, nextStructureWhere(structures, index, (ids) => !ids.includes(l.layerId))) })),
    until: Math.min(resolution.until, nextStructureWhere(structures, index, (ids) => !sameIds(ids, current))),
  };
}

const sameLayers = (a: LayerState[], b: LayerState[]) => a.length === b.length && a.every((s, i) => sameState(s, b[i] as LayerState));

/** Maximal constant segments of [from, to) across structure changes. */
export function historyTimeline(history: ScheduleHistory, from: Instant, to: Instant): TimelineSegment[] {
  const out: TimelineSegment[] = [];
  for (const era of erasOf(history, from, to)) {
    for (const segment of timeline(era.schedule, era.start, era.end)) {
      const last = out[out.length - 1];
      if (last && last.end === segment.start && sameFinal(last, segment) && sameLayers(last.layers, segment.layers)) {
        last.end = segment.end;
      } else {
        out.push(segment);
      }
    }
  }
  return out;
}

/**
 * Rows for drawing: one per layer that exists somewhere in [from, to) (in the order of
 * the last structure, removed layers after), each with segments only where it exists,
 * and the final row of primaries.
 */
export function historyTimelineRows(history: ScheduleHistory, from: Instant, to: Instant): TimelineRows {
  const eras = erasOf(history, from, to);
  const rows = new Map<string, TimelineRows['layers'][number]>();
  const order = [...eras].reverse().flatMap((e) => e.schedule.layers.map((l) => l.id));
  for (const id of order) if (!rows.has(id)) rows.set(id, { layerId: id, name: '', segments: [] });
  const final: PrimarySegment[] = [];
  for (const era of eras) {
    const piece = timelineRows(era.schedule, era.start, era.end);
    for (const row of piece.layers) {
      const target = rows.get(row.layerId) as TimelineRows['layers'][number];
      target.name = row.name;
      appendMerged(target.segments, row.segments, sameSegment);
    }
    appendMerged(final, piece.final, sameFinal);
  }
  return { layers: [...rows.values()], final };
}

function appendMerged<S extends Range>(target: S[], segments: S[], same: (a: S, b: S) => boolean): void {
  for (const segment of segments) {
    const last = target[target.length - 1];
    if (last && last.end === segment.start && same(last, segment)) last.end = segment.end;
    else target.push({ ...segment });
  }
}

/** Where nobody is primary in [from, to). */
export function historyGaps(history: ScheduleHistory, from: Instant, to: Instant): Range[] {
  return gapsOf(historyTimelineRows(history, from, to).final);
}

/** Per-user on-call hours over [from, to), summed across structure changes. */
export function historyHours(history: ScheduleHistory, from: Instant, to: Instant, timeZone = history.timeZone): UserHours[] {
  const totals = new Map<string, UserHours>();
  for (const era of erasOf(history, from, to)) {
    for (const h of onCallHours(era.schedule, era.start, era.end, timeZone)) {
      const row = totals.get(h.userId) ?? { userId: h.userId, total: 0, businessHours: 0, nights: 0, weekends: 0 };
      row.total += h.total;
      row.businessHours += h.businessHours;
      row.nights += h.nights;
      row.weekends += h.weekends;
      totals.set(h.userId, row);
    }
  }
  return [...totals.values()];
}

