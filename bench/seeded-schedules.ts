// A database full of realistic schedules that policies page through, for the benchmarks
// of what scans many schedules (coverage gaps, the notice planner).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LayerDraft } from '../src/core/schedule/types.js';
import { createSchedule } from '../src/service/schedule-edits.js';
import { insertContactMethod, insertRule } from '../src/store/contacts.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertPolicy } from '../src/store/policies.js';
import { insertOverride } from '../src/store/schedules.js';
import { createTeam, putMember } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';
import { random, scheduleParts, ZONES } from './random-schedules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Runs `fn` on a new, migrated SQLite database in a directory of its own, removed after. */
export async function onScratchSqlite<T>(name: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `vigil-bench-${name}-`));
  const database = openDatabase(`sqlite:${path.join(dir, 'vigil.db')}`);
  try {
    await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Seeded {
  scheduleIds: string[];
  /** Everyone on the rotas; the first of each team (its manager) has a webhook rule. */
  people: string[];
}

/**
 * `schedules` schedules of 2–3 layers (day-based rotations) over `teams` teams of 60 people,
 * made 60 days before `now`, with 0–3 overrides in the next `days` days, ten to a policy.
 */
export async function seedSchedules(database: Database, o: { schedules: number; teams: number; now: number; days: number }): Promise<Seeded> {
  const { db } = database;
  const rnd = random(7);
  const { pick, rotation, restriction } = scheduleParts(rnd, { dayBased: true });
  const created = o.now - 60 * DAY;
  const people: string[] = [];
  for (let i = 0; i < 60; i++) people.push((await createUser(db, { email: `p${i}@bench.test`, name: `Person ${i}`, role: 'responder', timeZone: pick(ZONES), passwordHash: null }, created)).id);
  const teams: string[] = [];
  for (let i = 0; i < o.teams; i++) {
    const team = await createTeam(db, { name: `Team ${i}`, description: '' }, created);
    teams.push(team.id);
    const manager = people[i] as string;
    await putMember(db, team.id, manager, 'manager', created);
    const method = await insertContactMethod(db, manager, { kind: 'webhook', label: 'hook', address: `https://hooks.example.com/${i}`, verified: true }, created);
    await insertRule(db, manager, { contactMethodId: method.id, delaySeconds: 0 }, created);
  }
  const scheduleIds: string[] = [];
  for (let s = 0; s < o.schedules; s++) {
    const zone = pick(ZONES);
    const layers = Array.from({ length: 2 + Math.floor(rnd() * 2) }, (_, l) => {
      const members = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => pick(people));
      const draft: LayerDraft = { timeZone: zone, rotation: rotation(), restriction: restriction(), members };
      return { name: `Layer ${l + 1}`, draft };
    });
    const id = await createSchedule(database, { teamId: teams[s % o.teams] as string, name: `Schedule ${s}`, description: '', timeZone: zone, layers }, created);
    for (let n = Math.floor(rnd() * 4); n > 0; n--) {
      const start = o.now + Math.floor(rnd() * o.days * 24) * HOUR;
      await insertOverride(db, id, { layerId: null, userId: pick(people), start, end: start + (2 + Math.floor(rnd() * 46)) * HOUR, createdBy: null }, created);
    }
    scheduleIds.push(id);
  }
  for (let p = 0; p < o.schedules / 10; p++) {
    const targets = scheduleIds.slice(p * 10, p * 10 + 10).map((scheduleId) => ({ type: 'schedule' as const, scheduleId }));
    await insertPolicy(db, { teamId: teams[p % o.teams] as string, name: `Policy ${p}`, description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 0, targets }] }, created);
  }
  return { scheduleIds, people };
}
