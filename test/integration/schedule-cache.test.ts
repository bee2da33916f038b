import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { triggerAlert } from '../../src/service/incidents.js';
import { loadResolver } from '../../src/service/target-resolver.js';
import { insertContactMethod, insertRule } from '../../src/store/contacts.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { newId } from '../../src/store/ids.js';
import { insertMonitor } from '../../src/store/monitors.js';
import { insertPolicy } from '../../src/store/policies.js';
import type { DB } from '../../src/store/schema.js';
import { createUser } from '../../src/store/users.js';
import { describeEachDatabase, type TestDialect } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { logInTo, testConfig, useTestApp, type Caller } from '../support/test-app.js';

const MONDAY_NOON = '2026-03-02T12:00:00.000Z';
const HOUR = 3_600_000;

function sqliteFile(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 2000');
  return sqlite;
}

/** A Kysely on the suite's database that records the SQL it runs. */
function loggedDatabase(dialect: TestDialect, url: string, statements: string[]): Database {
  const log = (event: { level: string; query: { sql: string } }) => {
    if (event.level === 'query') statements.push(event.query.sql);
  };
  const db =
    dialect === 'sqlite'
      ? new Kysely<DB>({ dialect: new SqliteDialect({ database: sqliteFile(url.slice('sqlite:'.length)) }), log })
      : new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }), log });
  return { db, dialect, close: () => db.destroy() };
}

describeEachDatabase('compiled schedules stay correct across nodes', (dialect) => {
  // Node A opens the incidents; node B, on the same database, makes the edits.
  const a = useTestApp(dialect, { frozenAt: MONDAY_NOON });
  let b: Vigil;
  let onB: Caller;
  const users: Record<string, string> = {};
  let teamId: string;
  let scheduleId: string;
  let layer1: string;
  let scheduleMonitor: string;
  let teamMonitor: string;

  /** Opens an incident through node A and answers whom step 1 paged. */
  async function paged(monitorId: string): Promise<string[]> {
    const { incident } = await triggerAlert(a.vigil.database, { monitorId, title: 'cache', description: '', dedupKey: null }, a.vigil.clock.now());
    const rows = await a.vigil.database.db.selectFrom('notifications').select('user_id').where('incident_id', '=', incident.id).execute();
    return [...new Set(rows.map((r) => r.user_id as string))].sort();
  }
  const only = (...names: string[]) => names.map((n) => users[n] as string).sort();

  beforeAll(async () => {
    b = await startVigil(testConfig(a.databaseUrl), createLogger('silent'));
    onB = await logInTo(b, demoAdmin.email, demoAdmin.password);
    const { db } = a.vigil.database;
    const now = a.vigil.clock.now();
    for (const name of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      const user = await createUser(db, { email: `${name}@cache.test`, name, role: 'responder', timeZone: 'UTC', passwordHash: null }, now);
      const method = await insertContactMethod(db, user.id, { kind: 'email', label: 'work', address: `${name}@cache.test`, verified: true }, now);
      await insertRule(db, user.id, { contactMethodId: method.id, delaySeconds: 0 }, now);
      users[name] = user.id;
    }
    teamId = (await a.admin.post('/api/v1/teams', { name: 'Cache', description: '' })).body.id;
    await a.admin.put(`/api/v1/teams/${teamId}/members/${users['u1']}`, { role: 'member' });
    const created = await a.admin.post('/api/v1/schedules', {
      name: 'Cache',
      teamId,
      timeZone: 'UTC',
      layers: [{ name: 'L1', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [users['u1']] }],
    });
    expect(created.status).toBe(201);
    scheduleId = created.body.id;
    layer1 = created.body.layers[0].id;
    const policyFor = async (target: object) =>
      (await insertPolicy(db, { teamId, name: `Cache ${newId()}`, description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 600, targets: [target as never] }] }, now)).id;
    const monitorFor = async (policyId: string) => (await insertMonitor(db, { teamId, name: `Cache ${newId()}`, kind: 'manual', policyId, config: {}, paused: false }, now)).id;
    scheduleMonitor = await monitorFor(await policyFor({ type: 'schedule', scheduleId }));
    teamMonitor = await monitorFor(await policyFor({ type: 'team', teamId }));
  });

  afterAll(async () => {
    await b?.stop();
  });

  it('pages the new on-call person after every kind of schedule edit made through the other node', async () => {
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));

    const now = new Date(a.vigil.clock.now());
    const override = await onB.post(`/api/v1/schedules/${scheduleId}/overrides`, { userId: users['u3'], start: now.toISOString(), end: new Date(+now + HOUR).toISOString() });
    expect(override.status).toBe(201);
    expect(await paged(scheduleMonitor)).toEqual(only('u3'));
    expect((await onB.delete(`/api/v1/schedules/${scheduleId}/overrides/${override.body.id}`)).status).toBe(204);
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));
    const shift = await onB.post(`/api/v1/schedules/${scheduleId}/fixed-shifts`, { layerId: layer1, userId: users['u3'], start: now.toISOString(), end: new Date(+now + HOUR).toISOString() });
    expect(shift.status).toBe(201);
    expect(await paged(scheduleMonitor)).toEqual(only('u3'));
    expect((await onB.delete(`/api/v1/schedules/${scheduleId}/fixed-shifts/${shift.body.id}`)).status).toBe(204);
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));

    const added = await onB.post(`/api/v1/schedules/${scheduleId}/layers`, { name: 'L2', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [users['u2']] });
    expect(added.status).toBe(201);
    const layer2 = added.body.layers.find((l: { name: string }) => l.name === 'L2').id;
    expect((await onB.put(`/api/v1/schedules/${scheduleId}/layer-order`, { layerIds: [layer2, layer1] })).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u2'));

    // Monday 12:00 is business hours in UTC, and Tuesday 01:00 in Auckland is not.
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}/layers/${layer2}`, { restriction: { kind: 'business_hours' } })).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u2'));
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}/layers/${layer2}`, { timeZone: 'Pacific/Auckland' })).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}/layers/${layer2}`, { restriction: { kind: 'always' } })).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u2'));
    expect((await onB.delete(`/api/v1/schedules/${scheduleId}/layers/${layer2}`)).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u1'));

    // The roster change takes effect now: with one member per roster, the new one is on call at once.
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}/layers/${layer1}`, { members: [users['u4']] })).status).toBe(200);
    expect(await paged(scheduleMonitor)).toEqual(only('u4'));
  });

  it("changes a schedule's version with its time zone, which resolution reads, and not with its name", async () => {
    const version = async () =>
      (await a.vigil.database.db.selectFrom('schedule_versions').select('version').where('schedule_id', '=', scheduleId).executeTakeFirstOrThrow()).version;
    const before = await version();
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}`, { name: 'Cache renamed' })).status).toBe(200);
    expect(await version()).toBe(before);
    expect((await onB.patch(`/api/v1/schedules/${scheduleId}`, { timeZone: 'Europe/Berlin' })).status).toBe(200);
    expect(await version()).not.toBe(before);
  });

  it("sees a user's deletion: the database drops their override, and the schedule's answer with it", async () => {
    const now = new Date(a.vigil.clock.now());
    const override = await onB.post(`/api/v1/schedules/${scheduleId}/overrides`, { userId: users['u5'], start: now.toISOString(), end: new Date(+now + HOUR).toISOString() });
    expect(override.status).toBe(201);
    expect(await paged(scheduleMonitor)).toEqual(only('u5'));
    expect((await onB.delete(`/api/v1/users/${users['u5']}?force=true`)).status).toBe(204);
    expect(await paged(scheduleMonitor)).toEqual(only('u4'));
  });

  it('sees an edit written by something that is not Vigil at all, through its own connection', async () => {
    const outsider = openDatabase(a.databaseUrl);
    try {
      const now = a.vigil.clock.now();
      await outsider.db
        .insertInto('schedule_overrides')
        .values({ id: newId(), schedule_id: scheduleId, layer_id: null, user_id: users['u2'] as string, start_at: now, end_at: now + HOUR, created_at: now, created_by: null })
        .execute();
      expect(await paged(scheduleMonitor)).toEqual(only('u2'));
      await outsider.db.deleteFrom('schedule_overrides').where('schedule_id', '=', scheduleId).where('user_id', '=', users['u2'] as string).execute();
      expect(await paged(scheduleMonitor)).toEqual(only('u4'));
    } finally {
      await outsider.close();
    }
  });

  it('follows team membership changed through the other node', async () => {
    expect(await paged(teamMonitor)).toEqual(only('u1'));
    expect((await onB.put(`/api/v1/teams/${teamId}/members/${users['u2']}`, { role: 'member' })).status).toBe(200);
    expect(await paged(teamMonitor)).toEqual(only('u1', 'u2'));
    expect((await onB.delete(`/api/v1/teams/${teamId}/members/${users['u1']}`)).status).toBe(204);
    expect(await paged(teamMonitor)).toEqual(only('u2'));
  });

  it('compiles a schedule once for a run of incidents, again after an edit, and never once it is deleted', async () => {
    const created = await onB.post('/api/v1/schedules', {
      name: 'Storm',
      teamId,
      timeZone: 'UTC',
      layers: [{ name: 'L', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [users['u1']] }],
    });
    const storm = created.body.id as string;
    const { db } = a.vigil.database;
    const policy = await insertPolicy(db, { teamId, name: 'Storm', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 600, targets: [{ type: 'schedule', scheduleId: storm }] }] }, 0);
    const monitorId = (await insertMonitor(db, { teamId, name: 'Storm', kind: 'manual', policyId: policy.id, config: {}, paused: false }, 0)).id;
    const statements: string[] = [];
    const logged = loggedDatabase(dialect, a.databaseUrl, statements);
    const loads = () => statements.filter((s) => /from "layer_versions"/.test(s)).length;
    const openIncidents = async (n: number) => {
      for (let i = 0; i < n; i++) await triggerAlert(logged, { monitorId, title: 'storm', description: '', dedupKey: null }, a.vigil.clock.now());
    };
    try {
      await openIncidents(5);
      expect(loads()).toBe(1);
      expect(statements.filter((s) => /from "schedule_versions"/.test(s))).toHaveLength(5);

      const now = a.vigil.clock.now();
      const override = await onB.post(`/api/v1/schedules/${storm}/overrides`, { userId: users['u3'], start: new Date(now).toISOString(), end: new Date(now + HOUR).toISOString() });
      expect(override.status).toBe(201);
      await openIncidents(3);
      expect(loads()).toBe(2);

      const target = { type: 'schedule' as const, scheduleId: storm };
      expect((await loadResolver(logged.db, [target], now))([target], now)).toEqual([{ kind: 'user', userId: users['u3'] }]);
      expect((await onB.delete(`/api/v1/schedules/${storm}?force=true`)).status).toBe(204);
      // An incident that snapshotted a policy naming the schedule now finds nobody there.
      expect((await loadResolver(logged.db, [target], now))([target], now)).toEqual([]);
    } finally {
      await logged.close();
    }
  });
});
