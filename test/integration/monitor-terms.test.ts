import { expect, it } from 'vitest';
import { integrationKeyVersion } from '../../src/store/monitors.js';
import { keyVersionAndTermsIn, monitorTermsIn } from '../../src/store/monitor-terms.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

/**
 * What opening incidents reads of a monitor, read for many monitors at once with the
 * integration key version (PostgreSQL ingest's first statement of a batch): the same
 * terms as the read of one, remembered for the transaction.
 */
describeEachDatabase('monitor terms read with the key version', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-02T10:00:00Z' });

  it('reads the version and each monitor’s terms as the one-monitor read does, and the transaction keeps them', async () => {
    const teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id as string;
    const me = (await t.admin.get('/api/v1/auth/session')).body.user.id as string;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Terms', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: me }] }] });
    expect(policy.status).toBe(201);
    const create = async (name: string, dependsOn?: string[]) => {
      const res = await t.admin.post('/api/v1/monitors', { name, teamId, policyId: policy.body.id, urgency: 'low', ...(dependsOn && { dependsOn }) });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const parent = await create('Terms parent');
    const child = await create('Terms child', [parent]);
    const loner = await create('Terms loner');
    const { db } = t.vigil.database;
    // Outside a transaction each read goes to the database.
    const alone = Object.fromEntries(await Promise.all([parent, child, loner].map(async (id) => [id, await monitorTermsIn(db, id)])));
    expect(alone[parent]).toMatchObject({ name: 'Terms parent', urgency: 'low', policy_id: policy.body.id, links: { hasParents: false, hasChildren: true } });
    expect(alone[child]).toMatchObject({ links: { hasParents: true, hasChildren: false } });
    expect(alone[loner]).toMatchObject({ links: { hasParents: false, hasChildren: false } });
    expect(alone[loner]?.policy?.steps).toHaveLength(1);

    await db.transaction().execute(async (trx) => {
      expect(await keyVersionAndTermsIn(trx, [parent, child, loner, 'no-such-monitor'])).toBe(await integrationKeyVersion(trx));
      // Changed within the transaction, yet what was read with the version is what it keeps.
      await trx.updateTable('monitors').set({ name: 'Renamed' }).where('id', 'in', [parent, child, loner]).execute();
      for (const id of [parent, child, loner]) expect(await monitorTermsIn(trx, id)).toEqual(alone[id]);
      expect(await monitorTermsIn(trx, 'no-such-monitor')).toBeUndefined();
      throw new Error('roll back');
    }).catch((err: unknown) => expect((err as Error).message).toBe('roll back'));

    await db.transaction().execute(async (trx) => {
      expect(await keyVersionAndTermsIn(trx, ['no-such-monitor'])).toBeNull();
    });
  });
});
