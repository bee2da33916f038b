import { beforeAll, expect, it } from 'vitest';
import { triggerAlert } from '../../src/service/incidents.js';
import { releaseSuppressed } from '../../src/service/suppression.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Suppressed incidents (the ground event rules and monitor dependencies stand on):
 * recorded, listed and shown, but nobody is paged until someone escalates or they are
 * released; and alerts routed to another policy page that policy's people.
 */
describeEachDatabase('suppressed incidents', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-02T10:00:00Z' });
  let teamId = '';
  let monitorId = '';
  let otherPolicyId = '';
  let erin = '';
  let finn = '';

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const person = async (name: string) => {
      const id = (await t.admin.post('/api/v1/users', { email: `${name.toLowerCase()}@example.com`, name, role: 'responder' })).body.id as string;
      expect((await t.admin.post(`/api/v1/users/${id}/contact-methods`, { kind: 'webhook', address: `https://hooks.example.com/${name}` })).status).toBe(201);
      return id;
    };
    erin = await person('Erin');
    finn = await person('Finn');
    const policy = async (name: string, userId: string) =>
      (await t.admin.post('/api/v1/escalation-policies', { name, teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId }] }] })).body.id as string;
    const policyId = await policy('To Erin', erin);
    otherPolicyId = await policy('To Finn', finn);
    monitorId = (await t.admin.post('/api/v1/monitors', { name: 'Suppressible', teamId, policyId })).body.id;
  });

  const now = () => t.vigil.clock.now();
  const pagedUsers = async (id: string) => ((await t.admin.get(`/api/v1/incidents/${id}`)).body.notifications as { userId: string | null }[]).map((n) => n.userId);
  const kinds = async (id: string) => ((await t.admin.get(`/api/v1/incidents/${id}`)).body.timeline as { kind: string }[]).map((e) => e.kind);

  it('records a suppressed incident that pages nobody, until someone escalates it', async () => {
    const { incident } = await triggerAlert(t.vigil.database, { monitorId, title: 'Noisy', description: '', dedupKey: 'noisy', suppression: { by: 'rule', rule: 'Quiet the noise' } }, now());
    const shown = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(shown).toMatchObject({ status: 'triggered', step: -1, nextActionAt: null, suppression: { by: 'rule', rule: 'Quiet the noise' }, parentIncidentId: null });
    expect(await pagedUsers(incident.id)).toEqual([]);
    expect(await kinds(incident.id)).toContain('suppressed');

    // The engine finds nothing due; a repeat of the alert folds in and still pages nobody.
    await t.vigil.engine.runOnce();
    const again = await triggerAlert(t.vigil.database, { monitorId, title: 'Noisy', description: '', dedupKey: 'noisy' }, now());
    expect(again).toMatchObject({ created: false, incident: { id: incident.id } });
    expect(await pagedUsers(incident.id)).toEqual([]);

    const listed = async (suppressed: boolean) => ((await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}&suppressed=${suppressed}`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await listed(true)).toContain(incident.id);
    expect(await listed(false)).not.toContain(incident.id);

    expect((await t.admin.post(`/api/v1/incidents/${incident.id}/escalate`)).status).toBe(200);
    expect(await pagedUsers(incident.id)).toEqual([erin]);
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.suppression).toBeNull();
  });

  it('releases a suppressed incident to page from a given time, and leaves finished ones alone', async () => {
    const open = await triggerAlert(t.vigil.database, { monitorId, title: 'Child down', description: '', dedupKey: 'child', suppression: { by: 'rule', rule: 'r' } }, now());
    const closed = await triggerAlert(t.vigil.database, { monitorId, title: 'Child flapped', description: '', dedupKey: 'flap', suppression: { by: 'rule', rule: 'r' } }, now());
    expect((await t.admin.post(`/api/v1/incidents/${closed.incident.id}/resolve`)).status).toBe(200);

    const at = now() + 120_000;
    const released = await t.vigil.database.db.transaction().execute((trx) => releaseSuppressed(trx, [open.incident.id, closed.incident.id], at, 'parent resolved', now()));
    expect(released).toEqual([open.incident.id]);
    expect((await t.admin.get(`/api/v1/incidents/${open.incident.id}`)).body).toMatchObject({ nextActionAt: new Date(at).toISOString(), suppression: { by: 'rule' } });
    expect(await kinds(open.incident.id)).toContain('released');

    await t.vigil.engine.runOnce();
    expect(await pagedUsers(open.incident.id)).toEqual([]);
    expect((await t.admin.post('/api/v1/test/clock', { set: new Date(at).toISOString() })).status).toBe(200);
    await t.vigil.engine.runOnce();
    expect(await pagedUsers(open.incident.id)).toEqual([erin]);
    expect((await t.admin.get(`/api/v1/incidents/${open.incident.id}`)).body).toMatchObject({ step: 0, suppression: null });
    expect(await pagedUsers(closed.incident.id)).toEqual([]);
  });

  it('pages through the policy an alert was routed to, and the monitor\'s when that policy is gone', async () => {
    const routed = await triggerAlert(t.vigil.database, { monitorId, title: 'Database', description: '', dedupKey: 'db', policyId: otherPolicyId }, now());
    expect(routed.incident.policy).toContain(otherPolicyId);
    expect(await pagedUsers(routed.incident.id)).toEqual([finn]);

    const stale = await triggerAlert(t.vigil.database, { monitorId, title: 'Stale route', description: '', dedupKey: 'stale', policyId: '00000000-0000-4000-8000-000000000000' }, now());
    expect(await pagedUsers(stale.incident.id)).toEqual([erin]);
  });
});
