import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Two transactions that lock the same incidents in opposite orders deadlock on
 * PostgreSQL, and it rolls one of them back. Here a writer of the engine's kind locks
 * the second incident, a merge locks the first and waits for the second, and the writer
 * then wants the first: whichever PostgreSQL picks, the request must still succeed.
 */
describeEachDatabase('lock conflicts', (dialect) => {
  const t = useTestApp(dialect);
  let monitorId = '';

  beforeAll(async () => {
    monitorId = (await t.admin.get('/api/v1/monitors')).body.items.find((m: { name: string }) => m.name === 'Demo API').id;
  });

  const open = async (title: string) => (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title, dedupKey: title })).body.incident.id as string;

  /** Resolves once some backend of this database waits for a row lock. */
  async function someoneWaits(): Promise<void> {
    const { db } = t.vigil.database;
    for (;;) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('a merge that PostgreSQL rolls back as a deadlock victim is run again, not answered with a 500', async () => {
    const [a, b] = [await open('Lock A'), await open('Lock B')].sort();
    const [first, second] = [a as string, b as string];
    const { db } = t.vigil.database;
    let merged: Promise<{ status: number; body: Record<string, unknown> }> | undefined;
    const writer = db.transaction().execute(async (trx) => {
      await trx.updateTable('incidents').set({ updated_at: 1 }).where('id', '=', second).execute();
      merged = t.admin.post(`/api/v1/incidents/${first}/merge`, { incidentIds: [second] });
      if (dialect === 'postgres') await someoneWaits();
      await trx.updateTable('incidents').set({ updated_at: 2 }).where('id', '=', first).execute();
    });
    // The writer may be the one rolled back instead; then it is the merge's to finish.
    await writer.catch((err: { code?: string }) => expect(err.code).toBe('40P01'));
    const res = await (merged as NonNullable<typeof merged>);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.alertCount).toBe(2);
    expect((await t.admin.get(`/api/v1/incidents/${second}`)).body.status).toBe('resolved');
  });

  it('a group commit write that PostgreSQL rolls back as a deadlock victim is written again', async () => {
    const [first, second] = [await open('Lock C'), await open('Lock D')].sort() as [string, string];
    const { db } = t.vigil.database;
    const commits = new GroupCommit(t.vigil.database);
    let written: Promise<void> | undefined;
    const writer = db.transaction().execute(async (trx) => {
      await trx.updateTable('incidents').set({ updated_at: 3 }).where('id', '=', second).execute();
      // In the order its work came, as page outcomes lock their incidents.
      written = commits.run(async (w) => {
        await w.updateTable('incidents').set({ description: 'written by the group commit' }).where('id', '=', first).execute();
        await w.updateTable('incidents').set({ description: 'written by the group commit' }).where('id', '=', second).execute();
      });
      if (dialect === 'postgres') await someoneWaits();
      await trx.updateTable('incidents').set({ updated_at: 4 }).where('id', '=', first).execute();
    });
    await writer.catch((err: { code?: string }) => expect(err.code).toBe('40P01'));
    await written;
    const rows = await db.selectFrom('incidents').select('description').where('id', 'in', [first, second]).execute();
    expect(rows.map((r) => r.description)).toEqual(['written by the group commit', 'written by the group commit']);
  });
});
