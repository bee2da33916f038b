// Coverage-gap scan: 1,000 schedules a policy pages through (2-3 layers each, weekly and
// daily rotations with restrictions, some overrides) scanned 14 days ahead on SQLite.
// Figures: the alert loop's first pass (claims, loading every schedule from the database
// into the cold schedule cache, the scan, notices queued), a pass over a warm cache, a
// scan that loads every schedule itself, and the pure part alone on loaded histories.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { upcomingGaps } from '../src/core/schedule/upcoming-gaps.js';
import type { ScheduleHistory } from '../src/core/schedule/history.js';
import type { LayerDraft, Restriction, Rotation, Weekday } from '../src/core/schedule/types.js';
import { alertCoverageGaps } from '../src/service/gap-alerts.js';
import { createSchedule, toHistory } from '../src/service/schedule-edits.js';
import { insertContactMethod, insertRule } from '../src/store/contacts.js';
import { openDatabase } from '../src/store/database.js';
import { countSchedulesWithGaps, targetedSchedules } from '../src/store/gap-scans.js';
import { intendedGapsOf } from '../src/store/intended-gaps.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertOverride, loadSchedule } from '../src/store/schedules.js';
import { insertPolicy } from '../src/store/policies.js';
import { createTeam, putMember } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';

const SCHEDULES = 1_000;
const TEAMS = 20;
const DAYS = 14;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = ['UTC', 'America/Chicago', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];

/** Deterministic PRNG (mulberry32) so every run measures the same schedules. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-gaps-'));
  const database = openDatabase(`sqlite:${path.join(dir, 'vigil.db')}`);
  try {
    await migrateToLatest(database);
    const { db } = database;
    const rnd = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    const now = Date.parse('2026-12-01T15:00:00Z');
    const created = now - 60 * DAY;

    const people: string[] = [];
    for (let i = 0; i < 60; i++) people.push((await createUser(db, { email: `p${i}@bench.test`, name: `Person ${i}`, role: 'responder', timeZone: pick(ZONES), passwordHash: null }, created)).id);
    const teams: string[] = [];
    for (let i = 0; i < TEAMS; i++) {
      const team = await createTeam(db, { name: `Team ${i}`, description: '' }, created);
      teams.push(team.id);
      const manager = people[i] as string;
      await putMember(db, team.id, manager, 'manager', created);
      const method = await insertContactMethod(db, manager, { kind: 'webhook', label: 'hook', address: `https://hooks.example.com/${i}`, verified: true }, created);
      await insertRule(db, manager, { contactMethodId: method.id, delaySeconds: 0 }, created);
    }

    const hhmm = () => `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${pick(['00', '30'])}`;
    const rotation = (): Rotation =>
      pick<() => Rotation>([
        () => ({ kind: 'weekly', handoffDay: (1 + Math.floor(rnd() * 7)) as Weekday, handoffTime: hhmm() }),
        () => ({ kind: 'daily', handoffTime: hhmm() }),
        () => ({ kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] }),
      ])();
    const restrictions: Restriction[] = [
      { kind: 'always' },
      { kind: 'business_hours' },
      { kind: 'weekends' },
      { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '17:00', endTime: '09:00' }] },
    ];
    const scheduleIds: string[] = [];
    for (let s = 0; s < SCHEDULES; s++) {
      const zone = pick(ZONES);
      const layers = Array.from({ length: 2 + Math.floor(rnd() * 2) }, (_, l) => {
        const members = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => pick(people));
        const draft: LayerDraft = { timeZone: zone, rotation: rotation(), restriction: pick(restrictions), members };
        return { name: `Layer ${l + 1}`, draft };
      });
      const id = await createSchedule(database, { teamId: teams[s % TEAMS] as string, name: `Schedule ${s}`, description: '', timeZone: zone, layers }, created);
      for (let o = Math.floor(rnd() * 4); o > 0; o--) {
        const start = now + Math.floor(rnd() * DAYS * 24) * HOUR;
        await insertOverride(db, id, { layerId: null, userId: pick(people), start, end: start + (2 + Math.floor(rnd() * 46)) * HOUR, createdBy: null }, created);
      }
      scheduleIds.push(id);
    }
    // Policies page through every schedule, ten schedules a policy.
    for (let p = 0; p < SCHEDULES / 10; p++) {
      const targets = scheduleIds.slice(p * 10, p * 10 + 10).map((scheduleId) => ({ type: 'schedule' as const, scheduleId }));
      await insertPolicy(db, { teamId: teams[p % TEAMS] as string, name: `Policy ${p}`, description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 0, targets }] }, created);
    }
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
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
