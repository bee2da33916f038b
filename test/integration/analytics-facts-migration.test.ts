import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { addEventsOf, insertIncidents, newIncidentRow } from '../../src/store/incidents.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { down, up } from '../../src/store/migrations/0035-analytics-facts.js';
import { insertMonitor } from '../../src/store/monitors.js';
import { enqueue } from '../../src/store/notifications.js';
import { insertPolicy } from '../../src/store/policies.js';
import { createTeam } from '../../src/store/teams.js';
import { createUser } from '../../src/store/users.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-02T10:00:00Z');

/**
 * Migration 0035 backfills what analytics now reads from rows: an incident's first
 * acknowledgement from its timeline, and each page's incident trigger time and monitor.
 * Undone and done again on rows written before it, on both databases.
 */
describeEachDatabase('migration 0035: analytics facts backfilled', (dialect) => {
  let test: TestDatabase;
  let database: Database;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = openDatabase(test.url);
    await migrateToLatest(database);
    const { db } = database;
    const team = await createTeam(db, { name: 'Backfill', description: '' }, T0);
    const user = await createUser(db, { email: 'backfill@example.com', name: 'Bea', role: 'responder', timeZone: 'UTC', passwordHash: null }, T0);
    const policy = await insertPolicy(db, { teamId: team.id, name: 'P', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId: team.id }] }] }, T0);
    const monitor = await insertMonitor(db, { teamId: team.id, name: 'M', kind: 'manual', policyId: policy.id, config: {}, paused: false }, T0);
    const snapshot = { id: policy.id, name: 'P', repeat: 0, ackTimeoutSeconds: null, steps: [] };
    const row = (title: string, acknowledgedAt: number | null) => ({
      ...newIncidentRow({ monitorId: monitor.id, title, description: '', dedupKey: null, policy: snapshot, urgency: 'high' }, T0),
      acknowledged_at: acknowledgedAt,
      status: acknowledgedAt === null ? ('triggered' as const) : ('acknowledged' as const),
    });
    // Acknowledged at 2 min, handed back, acknowledged again at 9: acknowledged_at holds the latest.
    const twice = row('twice', T0 + 9 * MINUTE);
    const never = row('never', null);
    await insertIncidents(db, [twice, never]);
    await addEventsOf(db, [
      { incidentId: twice.id, at: T0 + 2 * MINUTE, kind: 'acknowledged' },
      { incidentId: twice.id, at: T0 + 3 * MINUTE, kind: 'reassigned' },
      { incidentId: twice.id, at: T0 + 9 * MINUTE, kind: 'acknowledged' },
    ]);
    const page = { userId: user.id, contactMethodId: null, channel: 'webhook' as const, address: 'https://example.com/hook', dueAt: T0 };
    await enqueue(db, [{ ...page, idempotencyKey: 'page', incidentId: twice.id }, { ...page, idempotencyKey: 'notice', incidentId: null }], T0);
    Object.assign(ids, { twice: twice.id, never: never.id, monitor: monitor.id });
    // Migrations are written against no schema type.
    const untyped = db as unknown as Kysely<unknown>;
    await down(untyped);
    await up(untyped);
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("keeps each incident's first acknowledgement from its timeline", async () => {
    const rows = await database.db.selectFrom('incidents').select(['id', 'first_acknowledged_at']).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.first_acknowledged_at === null ? null : Number(r.first_acknowledged_at)]))).toEqual({
      [ids['twice'] as string]: T0 + 2 * MINUTE,
      [ids['never'] as string]: null,
    });
  });

  it("copies the incident's trigger time and monitor onto its pages, and leaves notices without one", async () => {
    const rows = await database.db.selectFrom('notifications').select(['idempotency_key', 'incident_triggered_at', 'incident_monitor_id']).orderBy('idempotency_key').execute();
    expect(rows.map((r) => [r.idempotency_key, r.incident_triggered_at === null ? null : Number(r.incident_triggered_at), r.incident_monitor_id])).toEqual([
      ['notice', null, null],
      ['page', T0, ids['monitor']],
    ]);
  });
});
