// Coverage-gap scan: 1,000 schedules a policy pages through (2-3 layers each, weekly and
// daily rotations with restrictions, some overrides) scanned 14 days ahead on SQLite.
// Figures: the alert loop's first pass (claims, loading every schedule from the database
// into the cold schedule cache, the scan, notices queued), a pass over a warm cache, a
// scan that loads every schedule itself, and the pure part alone on loaded histories.
import { upcomingGaps } from '../src/core/schedule/upcoming-gaps.js';
import type { ScheduleHistory } from '../src/core/schedule/history.js';
import { alertCoverageGaps } from '../src/service/gap-alerts.js';
import { toHistory } from '../src/service/schedule-edits.js';
import { countSchedulesWithGaps, targetedSchedules } from '../src/store/gap-scans.js';
import { intendedGapsOf } from '../src/store/intended-gaps.js';
import { loadSchedule } from '../src/store/schedules.js';
import { onScratchSqlite, seedSchedules } from './seeded-schedules.js';

const SCHEDULES = 1_000;
const TEAMS = 20;
const DAYS = 14;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function run() {
  return onScratchSqlite('gaps', async (database) => {
    const { db } = database;
    const now = Date.parse('2026-12-01T15:00:00Z');
    await seedSchedules(database, { schedules: SCHEDULES, teams: TEAMS, now, days: DAYS });
    await db.updateTable('schedules').set({ gap_alert_days: DAYS }).execute();

    // The loop's first pass: every schedule is due, the schedule cache is cold.
    let t = performance.now();
    const scanned = await alertCoverageGaps({ db, baseUrl: 'https://vigil.example.com' }, now);
    const firstPassMs = performance.now() - t;
    const withGaps = await countSchedulesWithGaps(db);
    const notices = Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    // The next day's pass: every schedule due again, compiled histories still cached.
    const warm: number[] = [];
    for (let day = 1; day <= 3; day++) {
      t = performance.now();
      await alertCoverageGaps({ db, baseUrl: 'https://vigil.example.com' }, now + day * DAY);
      warm.push(performance.now() - t);
    }

    // A scan that reads every schedule from the database itself, no cache.
    const loadRuns: number[] = [];
    let histories: ScheduleHistory[] = [];
    let gapCount = 0;
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const targeted = await targetedSchedules(db);
      const ids = targeted.map((s) => s.id);
      const intended = await intendedGapsOf(db, ids, now);
      histories = [];
      for (const id of ids) histories.push(toHistory(await loadSchedule(db, id, { from: now - DAY })));
      gapCount = 0;
      histories.forEach((h, k) => {
        gapCount += upcomingGaps(h, now, now + DAYS * DAY, (intended.get(ids[k] as string) ?? []).map((g) => ({ start: g.start_at, end: g.end_at }))).length;
      });
      loadRuns.push(performance.now() - t);
    }

    // The pure part alone: 1,000 histories already in memory.
    const pureRuns: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      for (const h of histories) upcomingGaps(h, now, now + DAYS * DAY, []);
      pureRuns.push(performance.now() - t);
    }

    return {
      schedules: SCHEDULES,
      days: DAYS,
      schedulesScanned: scanned,
      schedulesWithGaps: withGaps,
      gapsFound: gapCount,
      noticesQueued: notices,
      firstPassColdCacheMs: round(firstPassMs),
      passWarmCacheMedianMs: round(median(warm)),
      scanLoadingFromSqliteMedianMs: round(median(loadRuns)),
      pureScanMedianMs: round(median(pureRuns)),
      goalMs: 1000,
    };
  });
}
