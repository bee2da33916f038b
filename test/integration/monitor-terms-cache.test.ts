import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { down, up } from '../../src/store/migrations/0041-monitor-terms-version.js';
import { monitorsVersionIn } from '../../src/store/monitors.js';
import { insertPolicy } from '../../src/store/policies.js';
import { createTeam } from '../../src/store/teams.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

// Opening an incident keeps what it read of its monitor (name, urgency, policy, dependency
// links) in memory by the stored version (store/monitor-terms.ts, migration 0041). Each
// change here is made through a second connection, as another node or the command line
// would make it: only the triggers that replace the version can tell the serving node.
describeEachDatabase('monitor terms kept in memory: changes made elsewhere reach the next incident', (dialect) => {
  const t = useTestApp(dialect);
  const { demo, pushed } = useDemoMonitors(t);
  let elsewhere: Database;

  beforeAll(() => {
    elsewhere = openDatabase(t.databaseUrl);
  });
  afterAll(async () => {
    await elsewhere?.close();
  });

  const trigger = async (monitor: PushedMonitor, dedupKey: string) => {
    const res = await t.anonymous.post(monitor.path, { title: `Queue stuck ${dedupKey}`, dedupKey });
    expect(res.status).toBe(202);
    return t.vigil.database.db.selectFrom('incidents').selectAll().where('monitor_id', '=', monitor.id).where('dedup_key', '=', dedupKey).executeTakeFirstOrThrow();
  };
  const policyOf = (row: { policy: string }) => JSON.parse(row.policy) as { id: string; name: string; ackTimeoutSeconds: number | null };

  it('snapshots a policy edited elsewhere, from the next incident on', async () => {
    const monitor = await pushed('webhook');
    const before = policyOf(await trigger(monitor, 'p1'));
    // The second incident is opened from the kept terms: the same snapshot.
    expect(policyOf(await trigger(monitor, 'p2'))).toEqual(before);
    await elsewhere.db.updateTable('escalation_policies').set({ name: 'Renamed elsewhere', ack_timeout_seconds: 77 }).where('id', '=', demo.policyId).execute();
    try {
      const after = policyOf(await trigger(monitor, 'p3'));
      expect(after).toMatchObject({ id: before.id, name: 'Renamed elsewhere', ackTimeoutSeconds: 77 });
    } finally {
      await elsewhere.db.updateTable('escalation_policies').set({ name: before.name, ack_timeout_seconds: before.ackTimeoutSeconds }).where('id', '=', demo.policyId).execute();
    }
  });

  it("follows a monitor moved to another policy elsewhere, and a monitor's urgency changed elsewhere", async () => {
    const monitor = await pushed('webhook');
    const first = await trigger(monitor, 'm1');
    expect(first.urgency).toBe('high');
    const other = await t.admin.post('/api/v1/escalation-policies', {
      name: `Other ${Math.random()}`,
      teamId: demo.teamId,
      repeat: 0,
      steps: [{ waitSeconds: 300, targets: [{ type: 'user', userId: (await t.admin.get('/api/v1/users')).body.items[0].id }] }],
    });
    expect(other.status).toBe(201);
    await elsewhere.db.updateTable('monitors').set({ policy_id: other.body.id, urgency: 'low' }).where('id', '=', monitor.id).execute();
    const second = await trigger(monitor, 'm2');
    expect(policyOf(second).id).toBe(other.body.id);
    expect(second.urgency).toBe('low');
  });

  it('holds the incident of a monitor made to depend elsewhere on a monitor that is down', async () => {
    const parent = await pushed('webhook');
    const child = await pushed('webhook');
    expect((await trigger(child, 'c1')).suppression).toBeNull();
    await trigger(parent, 'down');
    await elsewhere.db.insertInto('monitor_dependencies').values({ monitor_id: child.id, depends_on_id: parent.id }).execute();
    const held = await trigger(child, 'c2');
    expect(held.suppression).not.toBeNull();
    expect(held.parent_incident_id).toEqual(expect.any(String));
    // And released from it once the link is removed elsewhere.
    await elsewhere.db.deleteFrom('monitor_dependencies').where('monitor_id', '=', child.id).execute();
    expect((await trigger(child, 'c3')).suppression).toBeNull();
  });
});

describeEachDatabase('migration 0041: the version follows policies and dependencies', (dialect) => {
  let test: TestDatabase;
  let database: Database;
  let policyId = '';

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = openDatabase(test.url);
    await migrateToLatest(database);
    const team = await createTeam(database.db, { name: 'Terms', description: '' }, 0);
    const steps = [{ waitSeconds: 0, targets: [{ type: 'team' as const, teamId: team.id }] }];
    policyId = (await insertPolicy(database.db, { teamId: team.id, name: 'P', description: '', repeat: 0, ackTimeoutSeconds: null, steps }, 0)).id;
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  const version = () => monitorsVersionIn(database.db);
  const rename = (name: string) => database.db.updateTable('escalation_policies').set({ name }).where('id', '=', policyId).execute();
  const redescribe = (description: string) => database.db.updateTable('escalation_policies').set({ description }).where('id', '=', policyId).execute();

  it('starts each database from a version of its own', async () => {
    expect(await version()).toMatch(/^migrated-[0-9a-f-]{36}$/);
  });

  it('changes with a policy edit that new incidents would snapshot, not with its description; undone and done again', async () => {
    const untyped = database.db as unknown as Kysely<unknown>;
    const v0 = await version();
    await redescribe('only words');
    expect(await version()).toBe(v0);
    await rename('P2');
    const v1 = await version();
    expect(v1).not.toBe(v0);
    await down(untyped);
    await rename('P3');
    expect(await version()).toBe(v1);
    await up(untyped);
    const v2 = await version();
    await rename('P4');
    expect(await version()).not.toBe(v2);
  });
});
