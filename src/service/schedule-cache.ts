import type { Kysely } from 'kysely';
import { deepFreeze } from '../core/deep-freeze.js';
import { LruMap } from '../core/lru-map.js';
import type { ScheduleHistory } from '../core/schedule/history.js';
import type { Instant } from '../core/schedule/types.js';
import { loadSchedule, scheduleVersions } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { toHistory } from './schedule-edits.js';
import { DAY } from '../core/time/units.js';

/** How far before the instant that loads a schedule its entry keeps answering: an engine catching up, a paging plan a little in the past. */
const LOOKBACK = DAY;

interface Entry {
  version: string;
  /** The entry holds every override and fixed shift not ended by then, so it answers any instant from there on. */
  from: Instant;
  history: ScheduleHistory;
}

/**
 * Schedule histories, compiled once per version of each schedule instead of once per
 * incident. Every lookup first reads the stored versions (one indexed query), so an
 * entry is used only while it is what the database holds now: edits made through
 * another node, the command line or a cascade are seen by the next lookup, with no
 * message between nodes. Inside a transaction the answer is the one the old reads
 * would have given at the moment of the version query.
 */
export class ScheduleCache {
  private readonly entries: LruMap<string, Entry>;

  constructor(capacity: number) {
    this.entries = new LruMap(capacity);
  }

  /** The histories of the schedules among `ids` that exist, good for any instant from `at` on. */
  async histories(db: Kysely<DB>, ids: Iterable<string>, at: Instant): Promise<Map<string, ScheduleHistory>> {
    const versions = await scheduleVersions(db, [...new Set(ids)]);
    const histories = new Map<string, ScheduleHistory>();
    for (const [id, version] of versions) {
      let entry = this.entries.get(id);
      if (!entry || entry.version !== version || entry.from > at) {
        // Read after the version: the history is at least as new as the tag it gets, so a
        // concurrent edit can make the entry reload once more, never answer from older data.
        const from = at - LOOKBACK;
        const stored = await loadSchedule(db, id, { from }).catch(() => null);
        // Deleted between the two reads: like a schedule that was never there.
        if (!stored) continue;
        entry = { version, from, history: deepFreeze(toHistory(stored)) };
        this.entries.set(id, entry);
      }
      histories.set(id, entry.history);
    }
    return histories;
  }
}

/** This node's cache; schedules beyond the capacity are compiled again when next needed. */
export const scheduleCache = new ScheduleCache(1_000);
