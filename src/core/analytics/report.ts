import { MINUTE } from '../time/units.js';
import { pagingHours } from './paging-hours.js';
import { summarise, type DurationSummary } from './percentile.js';
import { spanIndexOf, weeksOf, type Span } from './week-buckets.js';

/**
 * Counts arrive from the database per quarter hour (an instant divided by this, rounded
 * down), which keeps the rows few however many incidents a storm opens. Every time zone
 * in use today is a whole number of quarter hours from UTC and changes on one, so all
 * instants of a quarter hour share their local week, sleep hours and business hours.
 */
export const QUARTER_HOUR = 15 * MINUTE;

export interface Tally {
  /** Start of the quarter hour. */
  at: number;
  count: number;
}

export interface PageTally extends Tally {
  userId: string;
  /** The recipient's own zone: sleep and business hours are theirs. */
  timeZone: string;
}

export interface AnalyticsInput {
  from: number;
  to: number;
  /** The zone whose calendar weeks the figures are split into. */
  timeZone: string;
  /** Incidents triggered in [from, to) that could page. */
  incidents: readonly Tally[];
  /** Suppressed incidents triggered in [from, to): recorded, never paged. */
  suppressed: readonly Tally[];
  /** Pages sent to people in [from, to). */
  pages: readonly PageTally[];
  /** Milliseconds from trigger to first acknowledgement, per acknowledged incident. */
  acknowledgeMs: readonly number[];
  /** Milliseconds from trigger to resolution, per resolved incident. */
  resolveMs: readonly number[];
}

export interface PagingCounts {
  pages: number;
  sleepInterruptions: number;
  outsideBusinessHours: number;
}

export interface WeekFigures extends Span, PagingCounts {
  incidents: number;
  suppressed: number;
}

export interface PersonFigures extends PagingCounts {
  userId: string;
}

export interface AnalyticsFigures extends PagingCounts {
  incidents: number;
  suppressed: number;
  timeToAcknowledge: DurationSummary;
  timeToResolve: DurationSummary;
  weeks: WeekFigures[];
  /** Most paged first. */
  people: PersonFigures[];
}

const noPages = (): PagingCounts => ({ pages: 0, sleepInterruptions: 0, outsideBusinessHours: 0 });

function addPages(to: PagingCounts, count: number, hours: { sleep: boolean; outsideBusinessHours: boolean }): void {
  to.pages += count;
  if (hours.sleep) to.sleepInterruptions += count;
  if (hours.outsideBusinessHours) to.outsideBusinessHours += count;
}

export function analyticsFigures(input: AnalyticsInput): AnalyticsFigures {
  const weeks: WeekFigures[] = weeksOf(input.from, input.to, input.timeZone).map((w) => ({ ...w, incidents: 0, suppressed: 0, ...noPages() }));
  // A quarter hour that began before `from` holds only instants from `from` on.
  const weekOf = (at: number) => weeks[spanIndexOf(weeks, Math.max(at, input.from))];
  const totals = { incidents: 0, suppressed: 0, ...noPages() };
  for (const [figure, tallies] of [['incidents', input.incidents], ['suppressed', input.suppressed]] as const) {
    for (const t of tallies) {
      const week = weekOf(t.at);
      if (!week) continue;
      week[figure] += t.count;
      totals[figure] += t.count;
    }
  }
  const people = new Map<string, PersonFigures>();
  for (const t of input.pages) {
    const week = weekOf(t.at);
    if (!week) continue;
    const hours = pagingHours(Math.max(t.at, input.from), t.timeZone);
    let person = people.get(t.userId);
    if (!person) people.set(t.userId, (person = { userId: t.userId, ...noPages() }));
    for (const figures of [week, person, totals]) addPages(figures, t.count, hours);
  }
  return {
    ...totals,
    timeToAcknowledge: summarise(input.acknowledgeMs),
    timeToResolve: summarise(input.resolveMs),
    weeks,
    people: [...people.values()].sort((a, b) => b.pages - a.pages || b.sleepInterruptions - a.sleepInterruptions || a.userId.localeCompare(b.userId)),
  };
}
