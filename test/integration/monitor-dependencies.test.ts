import { beforeAll, describe, expect, it } from 'vitest';
import { triggerAlert, triggerAllIn } from '../../src/service/incidents.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';

const MISSING = '01900000-0000-7000-8000-000000000000';

/**
 * Monitor dependencies: the API that sets them (existence, no self, no cycles, even from
 * two edits at once), and what they do: a child's new incident while a parent is down
 * pages nobody and points at the parent's incident, until that resolves.
 */
describeEachDatabase('monitor dependencies', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-02T10:00:00Z' });
  const people = useTeamPeople(t, 'Dependencies', [{ name: 'Dana' }, { name: 'Olaf', team: 'other' }, { name: 'Vic', role: 'viewer' }]);
  let policyId = '';
  let otherPolicyId = '';

  beforeAll(async () => {
    const policy = async (teamId: string, userId: string) =>
      (await t.admin.post('/api/v1/escalation-policies', { name: `Deps ${userId}`, teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId }] }] })).body.id as string;
    policyId = await policy(people.teamId, people.ids['Dana'] as string);
    otherPolicyId = await policy(people.otherTeamId, people.ids['Olaf'] as string);
  });

  let made = 0;
  async function monitor(dependsOn?: string[], teamId = people.teamId): Promise<string> {
    const res = await t.admin.post('/api/v1/monitors', { name: `Dep ${++made}`, teamId, policyId: teamId === people.teamId ? policyId : otherPolicyId, ...(dependsOn && { dependsOn }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }
  const dependsOn = async (id: string) => (await t.admin.get(`/api/v1/monitors/${id}`)).body.dependsOn as string[];
  const now = () => t.vigil.clock.now();

  describe('the API', () => {
    it('sets, shows, replaces and clears what a monitor depends on', async () => {
      const db = await monitor();
      const cache = await monitor();
      const api = await monitor([db, cache]);
      const created = (await t.admin.get(`/api/v1/monitors/${api}`)).body;
      expect([...created.dependsOn].sort()).toEqual([db, cache].sort());
      expect((await t.admin.get(`/api/v1/monitors/${db}`)).body.dependsOn).toEqual([]);
      const listed = (await t.admin.get('/api/v1/monitors?limit=200')).body.items.find((m: { id: string }) => m.id === api);
      expect([...listed.dependsOn].sort()).toEqual([db, cache].sort());

      const patched = await t.admin.patch(`/api/v1/monitors/${api}`, { dependsOn: [cache] });
      expect(patched.status).toBe(200);
      expect(patched.body.dependsOn).toEqual([cache]);
      // Leaving dependsOn out keeps it.
      expect((await t.admin.patch(`/api/v1/monitors/${api}`, { name: 'API' })).body.dependsOn).toEqual([cache]);
      expect((await t.admin.patch(`/api/v1/monitors/${api}`, { dependsOn: [] })).body.dependsOn).toEqual([]);

      // Each change is in the audit log as part of the monitor, newest first: a monitor
      // created with parents is logged created, then given them.
      const log = (await t.admin.get(`/api/v1/audit-log?entityType=monitor&entityId=${api}`)).body.items as { action: string; changes: { path: string; before: unknown; after: unknown }[] }[];
      expect(log.map((e) => [e.action, e.changes.filter((c) => c.path === '/dependsOn').map((c) => [c.before, c.after])])).toEqual([
        ['update', [[[cache], []]]],
        ['update', []],
        ['update', [[[db, cache].sort(), [cache]]]],
        ['update', [[[], [db, cache].sort()]]],
        ['create', [[null, []]]],
      ]);
    });

    it('refuses a monitor that does not exist, the monitor itself and cycles, each at its index, and changes nothing', async () => {
      const a = await monitor();
      const b = await monitor([a]);
      const c = await monitor([b]);

      const unknown = await t.admin.post('/api/v1/monitors', { name: 'Orphan', teamId: people.teamId, policyId, dependsOn: [a, MISSING] });
      expect(unknown.status).toBe(400);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.body).toMatchObject({ code: 'invalid_dependencies', errors: [{ path: '/body/dependsOn/1', message: 'is not an existing monitor' }] });
      expect(((await t.admin.get('/api/v1/monitors?limit=200')).body.items as { name: string }[]).map((m) => m.name)).not.toContain('Orphan');

      const self = await t.admin.patch(`/api/v1/monitors/${a}`, { dependsOn: [a] });
      expect(self.status).toBe(400);
      expect(self.body.errors).toEqual([{ path: '/body/dependsOn/0', message: 'is this monitor: a monitor cannot depend on itself' }]);

      const cycle = await t.admin.patch(`/api/v1/monitors/${a}`, { name: 'Renamed with a cycle', dependsOn: [MISSING, c] });
      expect(cycle.status).toBe(400);
      const names = ['a', 'b', 'c'].map((_, i) => `Dep ${made - 2 + i}`);
      expect(cycle.body.errors).toEqual([
        { path: '/body/dependsOn/0', message: 'is not an existing monitor' },
        // The cycle reads with the name the same request gives the monitor.
        { path: '/body/dependsOn/1', message: `already depends on this monitor (Renamed with a cycle → ${names[2]} → ${names[1]} → Renamed with a cycle): depending on it back would make a cycle` },
      ]);
      // Nothing of a refused change is kept, the rename included.
      expect((await t.admin.get(`/api/v1/monitors/${a}`)).body).toMatchObject({ name: names[0], dependsOn: [] });

      // Replacing b's parents drops b → a, so a may then depend on c.
      expect((await t.admin.patch(`/api/v1/monitors/${b}`, { dependsOn: [] })).status).toBe(200);
      expect((await t.admin.patch(`/api/v1/monitors/${a}`, { dependsOn: [c] })).status).toBe(200);
    });

    it("refuses a team's Manual pages monitor: its incidents are manual pages, not an outage", async () => {
      const paged = await t.admin.post('/api/v1/incidents', { title: 'Help', teamId: people.teamId, target: { type: 'user', id: people.ids['Dana'] } });
      expect(paged.status, JSON.stringify(paged.body)).toBe(201);
      const refused = await t.admin.post('/api/v1/monitors', { name: 'After manual', teamId: people.teamId, policyId, dependsOn: [paged.body.monitorId] });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: '/body/dependsOn/0', message: "is a team's Manual pages monitor: its incidents are pages sent by hand, not an outage" }]);
    });

    it('answers malformed and repeated ids with 400 at the field', async () => {
      const a = await monitor();
      const malformed = await t.admin.patch(`/api/v1/monitors/${a}`, { dependsOn: ['not-an-id'] });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].path).toBe('/body/dependsOn/0');
      const b = await monitor();
      const repeated = await t.admin.patch(`/api/v1/monitors/${a}`, { dependsOn: [b, b] });
      expect(repeated.status).toBe(400);
      expect(repeated.body.errors[0].path).toBe('/body/dependsOn');
    });

    it('lets two edits that would close a cycle together through one at a time: exactly one wins', async () => {
      for (let round = 0; round < 5; round++) {
        const a = await monitor();
        const b = await monitor();
        const answers = await Promise.all([t.admin.patch(`/api/v1/monitors/${a}`, { dependsOn: [b] }), t.admin.patch(`/api/v1/monitors/${b}`, { dependsOn: [a] })]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
        expect([...(await dependsOn(a)), ...(await dependsOn(b))]).toHaveLength(1);
      }
    });

    it("lets a team member depend on another team's monitor; only the monitor's own team may set its dependencies", async () => {
      const theirs = await monitor(undefined, people.otherTeamId);
      const ours = await monitor();
      const dana = people.as['Dana'];
      expect((await dana?.patch(`/api/v1/monitors/${ours}`, { dependsOn: [theirs] }))?.status).toBe(200);
      expect((await people.as['Olaf']?.patch(`/api/v1/monitors/${ours}`, { dependsOn: [] }))?.status).toBe(403);
      expect((await people.as['Vic']?.patch(`/api/v1/monitors/${ours}`, { dependsOn: [] }))?.status).toBe(403);
      expect(await dependsOn(ours)).toEqual([theirs]);
    });

    it('forgets a deleted parent', async () => {
      const parent = await monitor();
      const child = await monitor([parent]);
      expect((await t.admin.delete(`/api/v1/monitors/${parent}`)).status).toBe(204);
      expect(await dependsOn(child)).toEqual([]);
    });
  });

  describe('suppression', () => {
    const alert = (monitorId: string, title: string) => triggerAlert(t.vigil.database, { monitorId, title, description: '', dedupKey: title }, now());
    const incident = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
    const paged = async (id: string) => ((await incident(id)).notifications as unknown[]).length;
    const resolve = (id: string) => t.admin.post(`/api/v1/incidents/${id}/resolve`);
    const entries = async (id: string, kind: string) => ((await incident(id)).timeline as { kind: string; data: Record<string, unknown> }[]).filter((e) => e.kind === kind);
    /** Resolves a parent incident and expects the child waiting on it to page 2 minutes later. */
    const resolveReleasing = async (parentIncidentId: string, childId: string) => {
      const resolvedAt = now();
      expect((await resolve(parentIncidentId)).status).toBe(200);
      expect((await incident(childId)).nextActionAt).toBe(new Date(resolvedAt + 120_000).toISOString());
    };

    it("records a child's incident without paging while a parent is down, linked to the parent's incident", async () => {
      const parent = await monitor();
      const child = await monitor([parent]);
      const down = await alert(parent, 'db down');
      expect(await paged(down.incident.id)).toBe(1);

      const { incident: suppressed } = await alert(child, 'api errors');
      const shown = await incident(suppressed.id);
      expect(shown).toMatchObject({ status: 'triggered', step: -1, nextActionAt: null, parentIncidentId: down.incident.id, suppression: { by: 'parent', incidentId: down.incident.id, monitorId: parent } });
      expect(await paged(suppressed.id)).toBe(0);
      expect(await entries(suppressed.id, 'suppressed')).toMatchObject([{ data: { by: 'parent', incidentId: down.incident.id, monitorId: parent } }]);

      // The parent resolves: the child pages two minutes later if still open.
      const resolvedAt = now();
      expect((await resolve(down.incident.id)).status).toBe(200);
      expect(await incident(suppressed.id)).toMatchObject({ nextActionAt: new Date(resolvedAt + 120_000).toISOString(), suppression: { by: 'parent' } });
      expect(await entries(suppressed.id, 'released')).toMatchObject([{ data: { reason: 'parent resolved', pagesAt: resolvedAt + 120_000 } }]);
      await t.vigil.engine.runOnce();
      expect(await paged(suppressed.id)).toBe(0);
      await t.admin.post('/api/v1/test/clock', { advanceMs: 120_000 });
      await t.vigil.engine.runOnce();
      expect(await paged(suppressed.id)).toBe(1);
      expect((await incident(suppressed.id)).suppression).toBeNull();

      // Up again: the child's next incident pages at once.
      const { incident: later } = await alert(child, 'api errors again');
      expect(await paged(later.id)).toBe(1);
      expect((await incident(later.id)).parentIncidentId).toBeNull();
    });

    it("suppresses a child whose first alert comes in the same batch as its parent's, ahead of it", async () => {
      const grandparent = await monitor();
      const parent = await monitor([grandparent]);
      const child = await monitor([parent]);
      const alone = await monitor();
      // Children first, as a group commit may take them: the order written must not matter.
      const [childAlert, aloneAlert, parentAlert, grandparentAlert] = await t.vigil.database.db
        .transaction()
        .execute((trx) =>
          triggerAllIn(
            trx,
            [child, alone, parent, grandparent].map((monitorId) => ({ monitorId, title: `batched ${monitorId}`, description: '', dedupKey: 'batched' })),
            now(),
          ),
        );
      expect((await incident(grandparentAlert?.incident.id as string)).suppression).toBeNull();
      expect(await incident(parentAlert?.incident.id as string)).toMatchObject({ suppression: { by: 'parent', incidentId: grandparentAlert?.incident.id } });
      expect(await incident(childAlert?.incident.id as string)).toMatchObject({ suppression: { by: 'parent', incidentId: parentAlert?.incident.id } });
      expect((await incident(aloneAlert?.incident.id as string)).suppression).toBeNull();
      expect(await paged(childAlert?.incident.id as string)).toBe(0);
      expect(await paged(grandparentAlert?.incident.id as string)).toBe(1);
    });

    it('holds a released child again when its parent is down again before the child paged', async () => {
      const parent = await monitor();
      const child = await monitor([parent]);
      const first = await alert(parent, 'flap 1');
      const { incident: waiting } = await alert(child, 'child of a flapping parent');
      expect((await resolve(first.incident.id)).status).toBe(200);
      expect((await incident(waiting.id)).nextActionAt).not.toBeNull();

      await t.admin.post('/api/v1/test/clock', { advanceMs: 60_000 });
      const second = await alert(parent, 'flap 2');
      expect(await incident(waiting.id)).toMatchObject({ nextActionAt: null, parentIncidentId: second.incident.id, suppression: { by: 'parent', incidentId: second.incident.id } });
      expect(await entries(waiting.id, 'suppressed')).toHaveLength(2);
      await t.admin.post('/api/v1/test/clock', { advanceMs: 120_000 });
      await t.vigil.engine.runOnce();
      expect(await paged(waiting.id)).toBe(0);

      await resolveReleasing(second.incident.id, waiting.id);
    });

    it('does not count a parent incident an event rule suppressed, nor a certificate warning', async () => {
      const parent = await monitor();
      const child = await monitor([parent]);
      await triggerAlert(t.vigil.database, { monitorId: parent, title: 'noise', description: '', dedupKey: 'noise', suppression: { by: 'rule', rule: 'quiet' } }, now());
      await triggerAlert(t.vigil.database, { monitorId: parent, title: 'cert', description: '', dedupKey: 'certificate' }, now());
      const { incident: pages } = await alert(child, 'child fails');
      expect(await paged(pages.id)).toBe(1);
      expect((await incident(pages.id)).suppression).toBeNull();
    });

    it('keeps a child waiting while another parent is still down, and releases it when the last one resolves', async () => {
      const db = await monitor();
      const cache = await monitor();
      const api = await monitor([db, cache]);
      const dbDown = await alert(db, 'db');
      await t.admin.post('/api/v1/test/clock', { advanceMs: 1000 });
      const cacheDown = await alert(cache, 'cache');
      const { incident: child } = await alert(api, 'api');
      // The oldest parent incident is the link.
      expect((await incident(child.id)).parentIncidentId).toBe(dbDown.incident.id);

      expect((await resolve(dbDown.incident.id)).status).toBe(200);
      expect(await incident(child.id)).toMatchObject({ nextActionAt: null, parentIncidentId: cacheDown.incident.id, suppression: { by: 'parent', incidentId: cacheDown.incident.id, monitorId: cache } });
      expect(await entries(child.id, 'suppressed')).toHaveLength(2);

      await resolveReleasing(cacheDown.incident.id, child.id);
    });

    it("suppresses down a chain: a parent that waits on its own parent still counts as down", async () => {
      const db = await monitor();
      const api = await monitor([db]);
      const web = await monitor([api]);
      const dbDown = await alert(db, 'db');
      const { incident: apiDown } = await alert(api, 'api');
      const { incident: webDown } = await alert(web, 'web');
      expect(await incident(apiDown.id)).toMatchObject({ parentIncidentId: dbDown.incident.id });
      expect(await incident(webDown.id)).toMatchObject({ parentIncidentId: apiDown.id });
      expect((await paged(apiDown.id)) + (await paged(webDown.id))).toBe(0);

      // The api recovers with the database, and the website with the api: nobody else is paged.
      await resolve(dbDown.incident.id);
      await resolve(apiDown.id);
      await resolve(webDown.id);
      await t.admin.post('/api/v1/test/clock', { advanceMs: 180_000 });
      await t.vigil.engine.runOnce();
      expect((await paged(apiDown.id)) + (await paged(webDown.id))).toBe(0);
    });

    it('releases the children of a parent incident merged into another, or resolved in bulk', async () => {
      const parent = await monitor();
      const child = await monitor([parent]);
      const other = await monitor();
      const first = await alert(parent, 'first');
      const { incident: waiting } = await alert(child, 'child');
      const target = await alert(other, 'elsewhere');
      expect((await t.admin.post(`/api/v1/incidents/${target.incident.id}/merge`, { incidentIds: [first.incident.id] })).status).toBe(200);
      expect((await incident(waiting.id)).nextActionAt).not.toBeNull();

      const again = await alert(parent, 'again');
      const { incident: waiting2 } = await alert(child, 'child again');
      expect((await t.admin.post('/api/v1/incidents/bulk', { action: 'resolve', ids: [again.incident.id] })).status).toBe(200);
      expect((await incident(waiting2.id)).nextActionAt).not.toBeNull();
    });
  });
});
