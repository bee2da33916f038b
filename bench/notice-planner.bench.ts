// The notice planner's pass (once a minute on every node): 1,000 schedules on SQLite, 20
// people with a webhook rule who asked for handoff notices, then one of them also 24 h
// ahead. Figures: the median pass, and the coverage-gap list the Who's on-call page loads.
import { planNotices } from '../src/engine/notice-planner.js';
import { listCoverageGaps } from '../src/service/coverage-gaps.js';
import { onScratchSqlite, seedSchedules } from './seeded-schedules.js';

const MINUTE = 60_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return round(median(times));
}

export async function run() {
  return onScratchSqlite('planner', async (database) => {
    const { db } = database;
    const now = Date.parse('2026-12-01T15:00:00Z');
    const { people } = await seedSchedules(database, { schedules: 1_000, teams: 20, now, days: 14 });
    // The team managers (the first 20) have a rule: they asked for handoff notices.
    await db.updateTable('users').set({ notify_handoffs: 1 }).where('id', 'in', people.slice(0, 20)).execute();
    const handoffsOnly = await timed(5, (i) => planNotices(db, now + (i + 1) * MINUTE));
    await db.updateTable('users').set({ handoff_lead_minutes: 24 * 60 }).where('id', '=', people[0] as string).execute();
    const withLead = await timed(5, (i) => planNotices(db, now + (i + 10) * MINUTE));
    await listCoverageGaps(db, now);
    const gapList = await timed(10, (i) => listCoverageGaps(db, now + (i + 20) * MINUTE));
    return { schedules: 1_000, plannerPassHandoffsMs: handoffsOnly, plannerPassWith24hLeadMs: withLead, coverageGapListMs: gapList };
  });
}
