import { erasOf, type ScheduleHistory } from './history.js';
import { onCallHours, type CategoryHours, type HolidayDates } from './hours-report.js';
import type { Instant } from './types.js';

/**
 * How evenly the unsociable hours (nights, weekends and holidays) are shared: 'even'
 * within 15 % of the mean (coefficient of variation), 'uneven' within 35 %, else
 * 'very_uneven'; 'no_load' when nobody had any.
 */
export type FairnessVerdict = 'no_load' | 'even' | 'uneven' | 'very_uneven';

export interface FairnessMeasure {
  /** Members measured: those of the layers in force over the period. */
  members: number;
  /** Fewest and most unsociable hours of one member. */
  min: number;
  max: number;
  /** max − min. */
  spread: number;
  /** Population standard deviation over the mean; 0 when the mean is 0. */
  coefficientOfVariation: number;
  verdict: FairnessVerdict;
}

export interface FairnessReport {
  /** Everyone with on-call hours and every member, sorted by user id. */
  hours: (CategoryHours & { member: boolean })[];
  measure: FairnessMeasure;
}

const EVEN = 0.15;
const UNEVEN = 0.35;

/** Nights, weekends and holidays: the hours a fair rotation spreads evenly. */
export function unsociableHours(h: Omit<CategoryHours, 'userId'>): number {
  return h.nights + h.weekends + h.holidays;
}

/**
 * The spread of unsociable hours across `members` (each counted once, zero hours
 * included). People who are not members (override takers) are left out: a single
 * favour would otherwise read as a member being spared.
 */
export function fairnessMeasure(hours: CategoryHours[], members: Iterable<string>): FairnessMeasure {
  const byUser = new Map(hours.map((h) => [h.userId, unsociableHours(h)]));
  const loads = [...new Set(members)].map((m) => byUser.get(m) ?? 0);
  if (loads.length === 0) return { members: 0, min: 0, max: 0, spread: 0, coefficientOfVariation: 0, verdict: 'no_load' };
  const min = Math.min(...loads);
  const max = Math.max(...loads);
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  const variance = loads.reduce((a, b) => a + (b - mean) ** 2, 0) / loads.length;
  // Rounding noise of an exactly even split must not read as unevenness.
  const cv = mean === 0 || max - min < 1e-9 ? 0 : Math.sqrt(variance) / mean;
  const verdict: FairnessVerdict = max === 0 ? 'no_load' : cv <= EVEN ? 'even' : cv <= UNEVEN ? 'uneven' : 'very_uneven';
  return { members: loads.length, min, max, spread: max - min, coefficientOfVariation: cv, verdict };
}

/** Members of every layer version in force at some instant of [from, to), in any layer then present. */
export function membersIn(history: ScheduleHistory, from: Instant, to: Instant): Set<string> {
  const members = new Set<string>();
  for (const era of erasOf(history, from, to)) {
    for (const layer of era.schedule.layers) {
      layer.versions.forEach((v, i) => {
        const end = layer.versions[i + 1]?.effectiveFrom ?? Infinity;
        if (v.effectiveFrom < era.end && end > era.start) v.members.forEach((m) => members.add(m));
      });
    }
  }
  return members;
}

/** Hours per person by category over [from, to), across structure changes, and how fairly the unsociable ones fall. */
export function fairnessReport(history: ScheduleHistory, from: Instant, to: Instant, holidays: HolidayDates): FairnessReport {
  const totals = new Map<string, CategoryHours>();
  for (const era of erasOf(history, from, to)) {
    for (const h of onCallHours(era.schedule, era.start, era.end, history.timeZone, holidays)) {
      const row = totals.get(h.userId);
      if (!row) totals.set(h.userId, h);
      else for (const key of ['total', 'businessHours', 'nights', 'weekends', 'holidays'] as const) row[key] += h[key];
    }
  }
  const members = membersIn(history, from, to);
  for (const m of members) if (!totals.has(m)) totals.set(m, { userId: m, total: 0, businessHours: 0, nights: 0, weekends: 0, holidays: 0 });
  const hours = [...totals.values()].map((h) => ({ ...h, member: members.has(h.userId) })).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return { hours, measure: fairnessMeasure(hours, members) };
}
