import { Temporal } from 'temporal-polyfill';
import { DAY } from './units.js';
import type { WallTime } from './wall-clock.js';

/**
 * How a local time maps to an instant when the wall clock is ambiguous or skipped.
 * Both edges send a skipped (spring-forward) time to the first instant after the gap;
 * an ambiguous (fall-back) time is its first occurrence for a 'start' and its last for
 * an 'end', so that a window touching the repeated hour grows rather than shrinks.
 */
export type Edge = 'start' | 'end';

export interface ZoneRules {
  readonly name: string;
  /** UTC offset in milliseconds in force at `instant`. */
  offsetAt(instant: number): number;
  toWall(instant: number): WallTime;
  fromWall(wall: WallTime, edge: Edge): number;
  /** First offset change strictly after `instant`, or Infinity if none within `limit`. */
  nextTransition(instant: number, limit: number): number;
}

/**
 * Offsets are looked up in per-year chunks computed once from temporal-polyfill: a direct
 * polyfill call costs ~25 µs, far too slow for timelines that convert thousands of times.
 */
const CHUNK = 366 * DAY;

interface Chunk {
  /** starts[0] is the chunk start; offsets[i] holds from starts[i] to starts[i + 1]. */
  starts: number[];
  offsets: number[];
}

const cache = new Map<string, ZoneRules>();

export function zone(name: string): ZoneRules {
  let rules = cache.get(name);
  if (!rules) {
    rules = buildRules(name);
    cache.set(name, rules);
  }
  return rules;
}

/** Throws a RangeError unless `name` is an IANA zone temporal-polyfill knows. */
export function assertTimeZone(name: string): void {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
  } catch {
    throw new RangeError(`unknown time zone "${name}"`);
  }
}

/**
 * The canonical name of a zone: links such as US/Pacific, EST5EDT, Etc/UTC or a name in
 * the wrong case become the zone they stand for (America/Los_Angeles, America/New_York,
 * UTC). The canonical names are those of CLDR, the zone database behind Intl, and so the
 * very list the UI offers (Intl.supportedValuesOf); CLDR never renames a zone, so a few
 * keep older spellings (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv).
 * Throws a RangeError for a name that is no zone.
 */
export function canonicalTimeZone(name: string): string {
  assertTimeZone(name);
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

function buildRules(name: string): ZoneRules {
  assertTimeZone(name);
  const chunks = new Map<number, Chunk>();

  // Consecutive lookups nearly always hit the same chunk; skip the Map for them.
  let lastIndex = NaN;
  let lastChunk: Chunk = { starts: [], offsets: [] };
  const chunkAt = (index: number): Chunk => {
    if (index === lastIndex) return lastChunk;
    let chunk = chunks.get(index);
    if (!chunk) {
      chunk = computeChunk(name, index * CHUNK, (index + 1) * CHUNK);
      chunks.set(index, chunk);
    }
    lastIndex = index;
    lastChunk = chunk;
    return chunk;
  };

  const offsetAt = (instant: number): number => {
    const { starts, offsets } = chunkAt(Math.floor(instant / CHUNK));
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > instant) i--;
    return offsets[i] as number;
  };

  const nextTransition = (instant: number, limit: number): number => {
    for (let index = Math.floor(instant / CHUNK); index * CHUNK <= instant + limit; index++) {
      const { starts } = chunkAt(index);
      for (let i = 1; i < starts.length; i++) {
        const start = starts[i] as number;
        if (start > instant) return start <= instant + limit ? start : Infinity;
      }
    }
    return Infinity;
  };

  const fromWall = (wall: WallTime, edge: Edge): number => {
    // Offsets a day either side bracket any single transition near this wall time.
    const offsetBefore = offsetAt(wall - DAY);
    const offsetAfter = offsetAt(wall + DAY);
    if (offsetBefore === offsetAfter) return wall - offsetBefore;
    const before = wall - offsetBefore;
    const after = wall - offsetAfter;
    const beforeValid = before + offsetAt(before) === wall;
    const afterValid = after + offsetAt(after) === wall;
    if (beforeValid && afterValid) {
      return edge === 'start' ? Math.min(before, after) : Math.max(before, after);
    }
    if (beforeValid) return before;
    if (afterValid) return after;
    // Skipped wall time: the gap ends at the transition just after the earlier candidate.
    return nextTransition(Math.min(before, after), 2 * DAY);
  };

  return {
    name,
    offsetAt,
    toWall: (instant) => instant + offsetAt(instant),
    fromWall,
    nextTransition,
  };
}

function computeChunk(name: string, from: number, to: number): Chunk {
  let zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(name);
  const starts = [from];
  const offsets = [zdt.offsetNanoseconds / 1e6];
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= to) break;
    zdt = next;
    starts.push(next.epochMilliseconds);
    offsets.push(next.offsetNanoseconds / 1e6);
  }
  return { starts, offsets };
}
