import { DAY, HOUR, MINUTE, WEEK, floorDiv } from '../time/units.js';
import { parseTimeOfDay, parseWallDateTime, wallFromParts } from '../time/wall-clock.js';
import type { ZoneRules } from '../time/zone.js';
import type { Instant, Rotation } from './types.js';

/**
 * The handoffs of a rotation as an infinite sequence of turns: turn k starts at `at(k)`.
 * `at` is non-decreasing; two turns may share an instant when DST skips a wall-clock
 * handoff onto the next one, and the later turn then wins.
 */
export interface Handoffs {
  at(turn: number): Instant;
  /** A turn near the one in force at `instant`; `turnAt` corrects it. */
  guess(instant: Instant): number;
}

export interface Turn {
  turn: number;
  start: Instant;
  end: Instant;
}

// The ISO week containing 1970-01-01 starts on Monday 1969-12-29, three days earlier.
const EPOCH_MONDAY_OFFSET = 3;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

export function compileRotation(rotation: Rotation, zone: ZoneRules): Handoffs {
  switch (rotation.kind) {
    case 'daily':
      return weekdayHandoffs(rotation.days ?? ALL_DAYS, rotation.handoffTime, zone);
    case 'weekly':
      return weekdayHandoffs([rotation.handoffDay], rotation.handoffTime, zone);
    case 'monthly':
      if (!Number.isInteger(rotation.handoffDay) || rotation.handoffDay < 1 || rotation.handoffDay > 31) {
        throw new RangeError(`monthly handoff day must be 1..31, got ${rotation.handoffDay}`);
      }
      return new MonthlyHandoffs(rotation.handoffDay, parseTimeOfDay(rotation.handoffTime) * MINUTE, zone);
    case 'custom': {
      if (!Number.isInteger(rotation.every) || rotation.every < 1) {
        throw new RangeError(`rotation period must be a positive integer, got ${rotation.every}`);
      }
      const anchor = parseWallDateTime(rotation.anchor);
      const unit = rotation.unit === 'hours' ? HOUR : rotation.unit === 'days' ? DAY : WEEK;
      const period = rotation.every * unit;
      return rotation.unit === 'hours' && 24 % rotation.every !== 0
        ? new ElapsedHandoffs(zone.fromWall(anchor, 'start'), period)
        : new WallHandoffs(anchor, period, zone);
    }
  }
}

/** The turn in force at `instant`: the last turn whose handoff is at or before it. */
export function turnAt(handoffs: Handoffs, instant: Instant): Turn {
  let turn = handoffs.guess(instant);
  let start = handoffs.at(turn);
  while (start > instant) start = handoffs.at(--turn);
  let end = handoffs.at(turn + 1);
  while (end <= instant) {
    turn++;
    start = end;
    end = handoffs.at(turn + 1);
  }
  return { turn, start, end };
}

/** Turns counted per handoff on the chosen weekdays, so days without one extend the turn. */
function weekdayHandoffs(days: number[], handoffTime: string, zone: ZoneRules): Handoffs {
  const sorted = days.every((d, i) => i === 0 || d > (days[i - 1] as number));
  const weekdays = sorted ? days : [...new Set(days)].sort((a, b) => a - b);
  if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`handoff days must be ISO weekdays 1..7, got [${days.join(', ')}]`);
  }
  return new WeekdayHandoffs(weekdays, parseTimeOfDay(handoffTime) * MINUTE, zone);
}

class WeekdayHandoffs implements Handoffs {
  constructor(
    private readonly weekdays: number[],
    private readonly timeOfDay: number,
    private readonly zone: ZoneRules,
  ) {}

  at(turn: number): Instant {
    const perWeek = this.weekdays.length;
    const week = floorDiv(turn, perWeek);
    const weekday = this.weekdays[turn - week * perWeek] as number;
    const day = week * 7 + weekday - 1 - EPOCH_MONDAY_OFFSET;
    return this.zone.fromWall(day * DAY + this.timeOfDay, 'start');
  }

  guess(instant: Instant): number {
    const wall = this.zone.toWall(instant);
    const day = floorDiv(wall, DAY);
    const sinceMonday = day + EPOCH_MONDAY_OFFSET;
    const week = floorDiv(sinceMonday, 7);
    const weekday = sinceMonday - week * 7 + 1;
    const afterHandoff = wall - day * DAY >= this.timeOfDay;
    let done = 0;
    for (const d of this.weekdays) if (d < weekday || (d === weekday && afterHandoff)) done++;
    return week * this.weekdays.length + done - 1;
  }
}

/**
 * One handoff per month, turn k in the k-th month after January 1970. A day the month does
 * not have means its last day, so "the 31st" is 30 April and 29 February in a leap year.
 */
class MonthlyHandoffs implements Handoffs {
  constructor(
    private readonly day: number,
    private readonly timeOfDay: number,
    private readonly zone: ZoneRules,
  ) {}

  at(turn: number): Instant {
    const year = 1970 + floorDiv(turn, 12);
    const month = turn - (year - 1970) * 12 + 1;
    // Day 0 of the next month is this month's last day.
    const lastDay = new Date(wallFromParts(year, month + 1, 0)).getUTCDate();
    return this.zone.fromWall(wallFromParts(year, month, Math.min(this.day, lastDay)) + this.timeOfDay, 'start');
  }

  guess(instant: Instant): number {
    const wall = new Date(this.zone.toWall(instant));
    return (wall.getUTCFullYear() - 1970) * 12 + wall.getUTCMonth();
  }
}

/** Handoffs on the local wall clock: every period after the anchor, whatever DST does. */
class WallHandoffs implements Handoffs {
  constructor(
    private readonly anchor: number,
    private readonly period: number,
    private readonly zone: ZoneRules,
  ) {}

  at(turn: number): Instant {
    return this.zone.fromWall(this.anchor + turn * this.period, 'start');
  }

  guess(instant: Instant): number {
    return floorDiv(this.zone.toWall(instant) - this.anchor, this.period);
  }
}

/** Handoffs an exact elapsed duration apart, for periods that cannot align to the day. */
class ElapsedHandoffs implements Handoffs {
  constructor(
    private readonly anchor: Instant,
    private readonly period: number,
  ) {}

  at(turn: number): Instant {
    return this.anchor + turn * this.period;
  }

  guess(instant: Instant): number {
    return floorDiv(instant - this.anchor, this.period);
  }
}
