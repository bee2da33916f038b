import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp, type Caller } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * The status pages' admin API on both databases: pages and their settings, the layout
 * replaced whole with ids kept, public incidents and maintenance, who may do what, and
 * the view the public forms are rendered from (state, uptime, maintenance, no private data).
 */
describeEachDatabase('status pages', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-10T12:00:00Z' });
  const people = useTeamPeople(t, 'Status', [{ name: 'Mona', teamRole: 'manager' }, { name: 'Rex' }, { name: 'Otto', team: 'other' }, { name: 'Vera', role: 'viewer' }]);
  let policyId = '';
  let pushed = '';
  let checked = '';
  let elsewhere = '';
  let made = 0;
  const now = () => t.vigil.clock.now();

  beforeAll(async () => {
    policyId = (
      await t.admin.post('/api/v1/escalation-policies', { name: 'Status policy', teamId: people.teamId, repeat: 0, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: people.ids['Rex'] }] }] })
    ).body.id;
    const otherPolicy = (
      await t.admin.post('/api/v1/escalation-policies', { name: 'Other policy', teamId: people.otherTeamId, repeat: 0, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: people.ids['Otto'] }] }] })
    ).body.id;
    pushed = (await t.admin.post('/api/v1/monitors', { name: 'payments-db-primary', teamId: people.teamId, policyId, kind: 'webhook' })).body.id;
    const http = await t.admin.post('/api/v1/monitors', { name: 'edge-lb-internal', teamId: people.teamId, policyId, kind: 'http', paused: true, http: { url: 'https://10-0-0-7.internal.example/health' } });
    expect(http.status, JSON.stringify(http.body)).toBe(201);
    checked = http.body.id;
    // Made a month ago: a pushed monitor has uptime data from its creation on.
    await t.vigil.database.db.updateTable('monitors').set({ created_at: now() - 30 * DAY }).where('id', '=', pushed).execute();
    elsewhere = (await t.admin.post('/api/v1/monitors', { name: 'Not ours', teamId: people.otherTeamId, policyId: otherPolicy, kind: 'webhook' })).body.id;
  });

  const as = (name: string) => people.as[name] as Caller;
  const settings = (over: object = {}) => ({ teamId: people.teamId, name: 'Acme status', slug: `acme-${dialect}-${++made}`, timeZone: 'Europe/Berlin', accentColor: '#0B5FFF', access: 'public', ...over });
  async function page(over: object = {}): Promise<{ id: string; slug: string; version: number }> {
    const res = await t.admin.post('/api/v1/status-pages', settings(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** The page's overall state as the list shows it. */
  async function listedOverall(id: string): Promise<string | undefined> {
    const res = await as('Vera').get(`/api/v1/status-pages?teamId=${people.teamId}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string; overall: string }[]).find((i) => i.id === id)?.overall;
  }

  describe('pages', () => {
    it('creates, shows, lists, changes and deletes a page, never showing its password', async () => {
      const created = await as('Mona').post('/api/v1/status-pages', settings({ access: 'password', password: 'correct horse', customDomain: 'Status.Acme.Example' }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ teamId: people.teamId, accentColor: '#0b5fff', access: 'password', hasPassword: true, customDomain: 'status.acme.example', logoPath: null, version: 1 });
      expect(JSON.stringify(created.body)).not.toContain('correct horse');
      const id = created.body.id;
      expect((await t.admin.get(`/api/v1/status-pages/${id}`)).body).toEqual(created.body);
      expect(((await as('Vera').get(`/api/v1/status-pages?teamId=${people.teamId}`)).body.items as { id: string }[]).map((p) => p.id)).toContain(id);
      expect((await t.admin.get(`/api/v1/status-pages?teamId=${people.otherTeamId}`)).body.items).toEqual([]);

      // Leaving password access drops the password.
      const patched = await as('Mona').patch(`/api/v1/status-pages/${id}`, { access: 'public', description: 'All our services' });
      expect(patched.body).toMatchObject({ access: 'public', hasPassword: false, description: 'All our services', version: 2 });

      const log = (await t.admin.get(`/api/v1/audit-log?entityType=status_page&entityId=${id}`)).body.items as { action: string; changes: { path: string }[] }[];
      expect(log.map((e) => e.action)).toEqual(['update', 'create']);
      expect(JSON.stringify(log)).not.toContain('correct horse');

      expect((await as('Mona').delete(`/api/v1/status-pages/${id}`)).status).toBe(204);
      expect((await t.admin.get(`/api/v1/status-pages/${id}`)).status).toBe(404);
    });

    it('refuses bad settings with 400 at the field, and a taken slug or domain with 409', async () => {
      const refused = async (over: object, path: string) => {
        const res = await t.admin.post('/api/v1/status-pages', settings(over));
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
      };
      await refused({ slug: 'Acme Status' }, '/body/slug');
      await refused({ slug: '-acme' }, '/body/slug');
      await refused({ accentColor: 'blue' }, '/body/accentColor');
      await refused({ accentColor: '#12345' }, '/body/accentColor');
      await refused({ timeZone: 'Mars/Olympus' }, '/body/timeZone');
      await refused({ customDomain: 'https://status.example.com/' }, '/body/customDomain');
      await refused({ customDomain: '127.0.0.1' }, '/body/customDomain');
      await refused({ access: 'password' }, '/body/password');
      await refused({ access: 'password', password: 'short' }, '/body/password');
      await refused({ teamId: '01900000-0000-7000-8000-000000000000' }, '/body/teamId');

      const first = await page({ customDomain: `taken-${dialect}.example.com` });
      const slug = await t.admin.post('/api/v1/status-pages', settings({ slug: first.slug }));
      expect(slug.status).toBe(409);
      expect(slug.body).toMatchObject({ code: 'slug_taken', errors: [{ path: '/body/slug' }] });
      const domain = await t.admin.post('/api/v1/status-pages', settings({ customDomain: `TAKEN-${dialect}.example.com` }));
      expect(domain.status).toBe(409);
      expect(domain.body).toMatchObject({ code: 'domain_taken', errors: [{ path: '/body/customDomain' }] });
      const other = await page();
      expect((await t.admin.patch(`/api/v1/status-pages/${other.id}`, { slug: first.slug })).status).toBe(409);
      // A page keeps its own slug and domain.
      expect((await t.admin.patch(`/api/v1/status-pages/${first.id}`, { slug: first.slug, customDomain: `taken-${dialect}.example.com` })).status).toBe(200);
      expect((await t.admin.get('/api/v1/status-pages/01900000-0000-7000-8000-000000000000')).status).toBe(404);
    });

    it('takes a PNG, JPEG or WebP logo of at most 256 KiB, told by its bytes, and never an SVG', async () => {
      const p = await page();
      const put = (body: Buffer, type: string) =>
        t.vigil.app.inject({ method: 'PUT', url: `/api/v1/status-pages/${p.id}/logo`, headers: { ...tokenHeaders, 'content-type': type }, payload: body });
      const ok = await put(PNG, 'image/png');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().logoPath).toMatch(new RegExp(`^/status/${p.slug}/logo\\?v=[0-9a-f]{16}$`));
      expect(ok.json().version).toBe(p.version + 1);
      expect((await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml')).statusCode).toBe(415);
      const lying = await put(Buffer.from('GIF89a not a png'), 'image/png');
      expect(lying.statusCode).toBe(400);
      expect(lying.json().errors).toEqual([{ path: '/body', message: 'is not a image/png image' }]);
      expect((await put(Buffer.concat([PNG, Buffer.alloc(256 * 1024)]), 'image/png')).statusCode).toBe(413);
      expect((await t.admin.delete(`/api/v1/status-pages/${p.id}/logo`)).status).toBe(204);
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}`)).body.logoPath).toBeNull();
      // The rights check runs before the params are validated: a malformed id is still a 400 at the field (PostgreSQL refused one with a NUL byte: a 500).
      const malformed = await t.vigil.app.inject({ method: 'PUT', url: '/api/v1/status-pages/a%00b/logo', headers: { ...tokenHeaders, 'content-type': 'image/png' }, payload: PNG });
      expect([malformed.statusCode, malformed.json().errors?.[0]?.path]).toEqual([400, '/params/id']);
    });
  });

  // Logo uploads are raw bodies: sent with an API token rather than through the JSON caller.
  let tokenHeaders: Record<string, string> = {};
  beforeAll(async () => {
    const token = await t.admin.post('/api/v1/me/tokens', { name: 'status logo' });
    tokenHeaders = { authorization: `Bearer ${token.body.token}` };
  });

  it("keeps a team with pages from being deleted, and moves them with the team's other things", async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: `Short-lived ${dialect}` })).body.id;
    const p = await page({ teamId: team });
    const refused = await t.admin.delete(`/api/v1/teams/${team}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('team_in_use');
    expect((await t.admin.delete(`/api/v1/teams/${team}?replaceWith=${people.teamId}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/status-pages/${p.id}`)).body.teamId).toBe(people.teamId);
  });

  describe('layout', () => {
    it('replaces the layout whole, keeping the ids given and deleting those left out', async () => {
      const p = await page();
      const first = await as('Mona').put(`/api/v1/status-pages/${p.id}/layout`, {
        sections: [
          { name: 'Core', components: [{ name: 'Payments', monitorIds: [pushed] }, { name: 'Website', description: 'www', monitorIds: [], manualState: 'partial_outage' }] },
          { name: 'Extras', components: [{ name: 'Blog', monitorIds: [] }] },
        ],
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const [core, extras] = first.body.sections;
      expect(core.components.map((c: { name: string }) => c.name)).toEqual(['Payments', 'Website']);
      expect(core.components[1]).toMatchObject({ description: 'www', monitorIds: [], manualState: 'partial_outage' });
      expect(extras.components[0].manualState).toBeNull();

      // Reordered, Website renamed, Blog and Extras dropped, a new component added.
      const second = await as('Mona').put(`/api/v1/status-pages/${p.id}/layout`, {
        sections: [{ id: core.id, name: 'Core services', components: [{ id: core.components[1].id, name: 'Web', monitorIds: [] }, { id: core.components[0].id, name: 'Payments', monitorIds: [pushed, checked] }, { name: 'API', monitorIds: [checked] }] }],
      });
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body.sections).toHaveLength(1);
      const [section] = second.body.sections;
      expect(section.id).toBe(core.id);
      expect(section.components.map((c: { id: string }) => c.id).slice(0, 2)).toEqual([core.components[1].id, core.components[0].id]);
      expect([...section.components[1].monitorIds].sort()).toEqual([pushed, checked].sort());
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}/layout`)).body).toEqual(second.body);
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}`)).body.version).toBe(p.version + 2);
    });

    it("refuses ids of other pages, ids given twice and other teams' monitors, at their paths", async () => {
      const p = await page();
      const other = await page();
      const otherLayout = (await t.admin.put(`/api/v1/status-pages/${other.id}/layout`, { sections: [{ name: 'S', components: [{ name: 'C', monitorIds: [] }] }] })).body;
      const res = await t.admin.put(`/api/v1/status-pages/${p.id}/layout`, {
        sections: [
          { id: otherLayout.sections[0].id, name: 'Stolen', components: [{ id: otherLayout.sections[0].components[0].id, name: 'C', monitorIds: [pushed, elsewhere] }] },
          { name: 'Fine', components: [{ name: 'D', monitorIds: ['01900000-0000-7000-8000-000000000000'] }] },
        ],
      });
      expect(res.status).toBe(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
        ['/body/sections/0/id', '/body/sections/0/components/0/id', '/body/sections/0/components/0/monitorIds/1', '/body/sections/1/components/0/monitorIds/0'].sort(),
      );
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}/layout`)).body.sections).toEqual([]);
    });
  });

  describe('rights', () => {
    it('lets managers change the page, members publish, and nobody else', async () => {
      const p = await page();
      const layout = { sections: [{ name: 'S', components: [{ name: 'C', monitorIds: [] }] }] };
      expect((await as('Rex').post('/api/v1/status-pages', settings())).status).toBe(403);
      expect((await as('Otto').post('/api/v1/status-pages', settings())).status).toBe(403);
      expect((await as('Rex').patch(`/api/v1/status-pages/${p.id}`, { name: 'Mine' })).status).toBe(403);
      expect((await as('Rex').put(`/api/v1/status-pages/${p.id}/layout`, layout)).status).toBe(403);
      expect((await as('Mona').put(`/api/v1/status-pages/${p.id}/layout`, layout)).status).toBe(200);
      const span = { startsAt: new Date(now() + DAY).toISOString(), endsAt: new Date(now() + DAY + HOUR).toISOString() };
      expect((await as('Rex').post(`/api/v1/status-pages/${p.id}/maintenances`, { title: 'M', body: 'B', componentIds: [], ...span })).status).toBe(403);
      expect((await as('Mona').post(`/api/v1/status-pages/${p.id}/maintenances`, { title: 'M', body: 'B', componentIds: [], ...span })).status).toBe(201);

      const incident = { title: 'Slow', status: 'investigating', body: 'Looking', componentIds: [] };
      expect((await as('Otto').post(`/api/v1/status-pages/${p.id}/incidents`, incident)).status).toBe(403);
      expect((await as('Vera').post(`/api/v1/status-pages/${p.id}/incidents`, incident)).status).toBe(403);
      const published = await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents`, incident);
      expect(published.status).toBe(201);
      expect((await as('Otto').post(`/api/v1/status-pages/${p.id}/incidents/${published.body.id}/entries`, { status: 'resolved', body: 'x' })).status).toBe(403);
      expect((await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents/${published.body.id}/entries`, { status: 'resolved', body: 'Fixed' })).status).toBe(201);
      // Everyone logged in reads, like the rest of the configuration.
      expect((await as('Otto').get(`/api/v1/status-pages/${p.id}/view`)).status).toBe(200);
      expect((await t.anonymous.get(`/api/v1/status-pages/${p.id}`)).status).toBe(401);
    });

    it('tells each caller, with the list, the teams they may make pages for: all for admins, the managed ones for others', async () => {
      const creatable = async (caller: Caller) => (await caller.get('/api/v1/status-pages')).body.creatableTeamIds as string[];
      expect(await creatable(as('Mona'))).toEqual([people.teamId]);
      for (const name of ['Rex', 'Otto', 'Vera']) expect(await creatable(as(name)), name).toEqual([]);
      expect(await creatable(t.admin)).toEqual(expect.arrayContaining([people.teamId, people.otherTeamId]));
      // As the API decides: Mona may not make one for a team she does not manage.
      expect((await as('Mona').post('/api/v1/status-pages', settings({ teamId: people.otherTeamId }))).status).toBe(403);
    });
  });

  describe('updates and maintenance', () => {
    it('keeps an incident open until its latest entry says resolved, and lists it under its Vigil incident', async () => {
      const p = await page();
      const layout = (await t.admin.put(`/api/v1/status-pages/${p.id}/layout`, { sections: [{ name: 'S', components: [{ name: 'Payments', monitorIds: [pushed] }] }] })).body;
      const componentId = layout.sections[0].components[0].id;
      const alert = await t.admin.post(`/api/v1/monitors/${pushed}/alerts`, { title: 'Linked incident' });
      const vigilIncident = alert.body.incident.id;

      const bad = await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents`, { title: 'T', status: 'investigating', body: 'B', componentIds: [componentId, '01900000-0000-7000-8000-000000000000'] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ path: '/body/componentIds/1', message: 'is not a component of this page' }]);
      const otherIncident = (await t.admin.post(`/api/v1/monitors/${elsewhere}/alerts`, { title: 'Theirs' })).body.incident.id;
      const foreign = await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents`, { title: 'T', status: 'investigating', body: 'B', componentIds: [], incidentId: otherIncident });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors[0].path).toBe('/body/incidentId');

      const created = await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents`, { title: 'Payments failing', status: 'investigating', body: 'Looking', componentIds: [componentId], incidentId: vigilIncident });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ incidentId: vigilIncident, components: [componentId], resolvedAt: null, entries: [{ status: 'investigating', body: 'Looking' }] });
      const sid = created.body.id;
      const entry = (status: string) => as('Rex').post(`/api/v1/status-pages/${p.id}/incidents/${sid}/entries`, { status, body: status });
      expect((await entry('resolved')).body.resolvedAt).toBe(new Date(now()).toISOString());
      // A later update reopens it.
      const reopened = (await entry('monitoring')).body;
      expect(reopened.resolvedAt).toBeNull();
      expect(reopened.entries.map((e: { status: string }) => e.status)).toEqual(['monitoring', 'resolved', 'investigating']);
      const renamed = await as('Rex').patch(`/api/v1/status-pages/${p.id}/incidents/${sid}`, { title: 'Card payments failing', componentIds: [] });
      expect(renamed.body).toMatchObject({ title: 'Card payments failing', components: [] });

      const linked = (await t.admin.get(`/api/v1/incidents/${vigilIncident}/status-incidents`)).body.items;
      expect(linked.map((i: { id: string }) => i.id)).toEqual([sid]);
      const log = (await t.admin.get(`/api/v1/audit-log?entityType=status_incident&entityId=${sid}`)).body.items as { action: string }[];
      expect(log.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}/incidents/${sid}/entries`)).status).toBe(404);
      expect((await as('Rex').post(`/api/v1/status-pages/${p.id}/incidents/01900000-0000-7000-8000-000000000000/entries`, { status: 'resolved', body: 'x' })).status).toBe(404);
      await t.admin.post(`/api/v1/incidents/${vigilIncident}/resolve`, {});
    });

    it('schedules, changes and deletes maintenance, refusing an end before the start', async () => {
      const p = await page();
      const at = (ms: number) => new Date(now() + ms).toISOString();
      const backwards = await t.admin.post(`/api/v1/status-pages/${p.id}/maintenances`, { title: 'Upgrade', body: 'DB', startsAt: at(2 * HOUR), endsAt: at(HOUR), componentIds: [] });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([{ path: '/body/endsAt', message: 'must be after startsAt' }]);
      const created = await t.admin.post(`/api/v1/status-pages/${p.id}/maintenances`, { title: 'Upgrade', body: 'DB', startsAt: at(HOUR), endsAt: at(2 * HOUR), componentIds: [] });
      expect(created.status).toBe(201);
      expect(created.body.state).toBe('scheduled');
      const mid = created.body.id;
      expect((await t.admin.patch(`/api/v1/status-pages/${p.id}/maintenances/${mid}`, { endsAt: at(HOUR / 2) })).status).toBe(400);
      const moved = await t.admin.patch(`/api/v1/status-pages/${p.id}/maintenances/${mid}`, { startsAt: at(-HOUR), title: 'Upgrade now' });
      expect(moved.body).toMatchObject({ title: 'Upgrade now', state: 'in_progress', body: 'DB' });
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}/maintenances`)).body.items.map((m: { id: string }) => m.id)).toEqual([mid]);
      expect((await t.admin.delete(`/api/v1/status-pages/${p.id}/maintenances/${mid}`)).status).toBe(204);
      expect((await t.admin.delete(`/api/v1/status-pages/${p.id}/maintenances/${mid}`)).status).toBe(404);
      expect((await t.admin.get(`/api/v1/status-pages/${p.id}`)).body.version).toBe(p.version + 3);
    });
  });

  describe('the view', () => {
    it('shows states from open incidents and hand-set states, uptime from rollups and incidents, maintenance days, and nothing private', async () => {
      const p = await page();
      const layout = (
        await t.admin.put(`/api/v1/status-pages/${p.id}/layout`, {
          sections: [
            { name: 'Core', components: [{ name: 'Payments', monitorIds: [pushed] }, { name: 'Edge', monitorIds: [checked] }] },
            { name: 'Other', components: [{ name: 'Docs', monitorIds: [], manualState: 'degraded_performance' }] },
          ],
        })
      ).body;
      const [payments, edge] = layout.sections[0].components.map((c: { id: string }) => c.id);

      // Checked monitor: yesterday (Berlin) 20 checks an hour, one hour half down and one in
      // its maintenance window; the day before, every check up.
      const db = t.vigil.database.db;
      const berlinMidnight = Date.parse('2026-03-09T00:00:00+01:00');
      const rollups = [];
      for (let h = 0; h < 24; h++) {
        const hour = berlinMidnight + h * HOUR;
        rollups.push({ monitor_id: checked, hour, checks: h === 5 ? 0 : 20, up: h === 3 ? 10 : h === 5 ? 0 : 20, response_ms_sum: 0, response_count: 0, maintenance: h === 5 ? 20 : 0 });
        rollups.push({ monitor_id: checked, hour: hour - DAY, checks: 20, up: 20, response_ms_sum: 0, response_count: 0, maintenance: 0 });
      }
      await db.insertInto('check_rollups').values(rollups).execute();

      // Pushed monitor: an incident open since 11:00 UTC today (high urgency).
      const alert = await t.admin.post(`/api/v1/monitors/${pushed}/alerts`, { title: 'SECRET primary replica lag on payments-db' });
      const incidentId = alert.body.incident.id;
      await db.updateTable('incidents').set({ triggered_at: now() - HOUR }).where('id', '=', incidentId).execute();
      // The checked monitor's certificate warning, open: no outage.
      const warning = { ...(await db.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow()), id: randomUUID(), monitor_id: checked, dedup_key: 'certificate', next_action_at: null };
      await db.insertInto('incidents').values(warning).execute();
      await t.admin.post(`/api/v1/status-pages/${p.id}/incidents`, { title: 'Payments are failing', status: 'identified', body: 'Card payments fail', componentIds: [payments], incidentId });
      await t.admin.post(`/api/v1/status-pages/${p.id}/maintenances`, {
        title: 'Edge upgrade',
        body: 'Brief blips',
        startsAt: new Date(now() + DAY).toISOString(),
        endsAt: new Date(now() + DAY + HOUR).toISOString(),
        componentIds: [edge],
      });

      const res = await as('Vera').get(`/api/v1/status-pages/${p.id}/view`);
      expect(res.status).toBe(200);
      const view = res.body;
      expect(view.overall).toBe('major_outage');
      const [paymentsView, edgeView] = view.sections[0].components;
      expect(paymentsView.state).toBe('major_outage');
      // Paused: not counted.
      expect(edgeView.state).toBe('operational');
      expect(view.sections[1].components[0].state).toBe('degraded_performance');

      expect(edgeView.days).toHaveLength(90);
      const day = (c: { days: { date: string }[] }, date: string) => c.days.find((d) => d.date === date) as unknown as { uptime: number | null; maintenance: boolean; outages: { start: string; end: string | null }[] };
      expect(day(edgeView, '2026-03-08')).toMatchObject({ uptime: 1, maintenance: false });
      expect(day(edgeView, '2026-03-10').outages).toEqual([]);
      // 480 checks: 10 down, the 20 in maintenance count as up.
      expect(day(edgeView, '2026-03-09').uptime).toBeCloseTo(470 / 480, 10);
      expect(day(edgeView, '2026-03-09').maintenance).toBe(true);
      expect(day(edgeView, '2026-03-07').uptime).toBeNull();
      expect(edgeView.uptime90).toBeCloseTo((1 + 470 / 480) / 2, 10);

      // Today in Berlin began 23:00 UTC; 13 h so far, the last hour down.
      const today = day(paymentsView, '2026-03-10');
      expect(today.uptime).toBeCloseTo(1 - 1 / 13, 10);
      expect(today.outages).toEqual([{ start: new Date(now() - HOUR).toISOString(), end: null }]);
      expect(paymentsView.days.at(-1).date).toBe('2026-03-10');

      expect(view.incidents).toHaveLength(1);
      expect(view.incidents[0]).toMatchObject({ title: 'Payments are failing', components: [payments], resolvedAt: null });
      expect(view.maintenances).toMatchObject([{ title: 'Edge upgrade', state: 'scheduled', components: [edge] }]);

      // The list says the same, certificate warning and paused monitor left out alike.
      expect(await listedOverall(p.id)).toBe('major_outage');

      const text = JSON.stringify(view);
      for (const secret of ['payments-db-primary', 'edge-lb-internal', '10-0-0-7.internal.example', 'SECRET primary replica', incidentId, pushed, checked, people.teamId]) {
        expect(text, secret).not.toContain(secret);
      }
      await t.admin.post(`/api/v1/incidents/${incidentId}/resolve`, {});
      await db.updateTable('incidents').set({ status: 'resolved', resolved_at: now() }).where('id', '=', warning.id).execute();
    });

    it('shows a page maintenance in progress as maintenance, not downtime', async () => {
      const p = await page();
      const layout = (
        await t.admin.put(`/api/v1/status-pages/${p.id}/layout`, { sections: [{ name: 'Core', components: [{ name: 'Payments', monitorIds: [pushed] }, { name: 'Edge', monitorIds: [checked] }] }] })
      ).body;
      const [component, edge] = layout.sections[0].components.map((c: { id: string }) => c.id);
      // Every check failing in the hour the maintenance began; an hour before it, all up.
      await t.vigil.database.db
        .insertInto('check_rollups')
        .values([
          { monitor_id: checked, hour: now() - 2 * HOUR, checks: 60, up: 0, response_ms_sum: 0, response_count: 0, maintenance: 0 },
          { monitor_id: checked, hour: now() - 3 * HOUR, checks: 60, up: 60, response_ms_sum: 0, response_count: 0, maintenance: 0 },
        ])
        .execute();
      await t.admin.post(`/api/v1/status-pages/${p.id}/maintenances`, {
        title: 'Database move',
        body: 'Payments pause',
        startsAt: new Date(now() - 2 * HOUR).toISOString(),
        endsAt: new Date(now() + HOUR).toISOString(),
        componentIds: [component, edge],
      });
      const alert = await t.admin.post(`/api/v1/monitors/${pushed}/alerts`, { title: 'Down during the move' });
      await t.vigil.database.db.updateTable('incidents').set({ triggered_at: now() - HOUR }).where('id', '=', alert.body.incident.id).execute();
      const view = (await t.admin.get(`/api/v1/status-pages/${p.id}/view`)).body;
      const c = view.sections[0].components[0];
      expect(c.state).toBe('under_maintenance');
      expect(view.overall).toBe('under_maintenance');
      expect(c.days.at(-1)).toMatchObject({ uptime: 1, maintenance: true });
      expect(view.sections[0].components[1].days.at(-1)).toMatchObject({ uptime: 1, maintenance: true });
      expect(view.maintenances[0].state).toBe('in_progress');
      expect(await listedOverall(p.id)).toBe('under_maintenance');
      await t.admin.post(`/api/v1/incidents/${alert.body.incident.id}/resolve`, {});
    });

    it('lists each page with the overall state its view shows: from an open incident of a component\'s monitor, operational when empty', async () => {
      const empty = await page();
      const watched = await page();
      const other = await page();
      await t.admin.put(`/api/v1/status-pages/${watched.id}/layout`, { sections: [{ name: 'Core', components: [{ name: 'Payments', monitorIds: [pushed] }] }] });
      await t.admin.put(`/api/v1/status-pages/${other.id}/layout`, { sections: [{ name: 'Docs', components: [{ name: 'Docs', monitorIds: [], manualState: 'partial_outage' }] }] });
      expect(await listedOverall(watched.id)).toBe('operational');

      const alert = await t.admin.post(`/api/v1/monitors/${pushed}/alerts`, { title: 'Payments down' });
      expect(alert.status, JSON.stringify(alert.body)).toBe(201);
      const overall = async (id: string) => (await t.admin.get(`/api/v1/status-pages/${id}/view`)).body.overall;
      expect(await overall(watched.id)).toBe('major_outage');
      expect(await listedOverall(watched.id)).toBe('major_outage');
      expect(await listedOverall(other.id)).toBe(await overall(other.id));
      expect(await listedOverall(other.id)).toBe('partial_outage');
      expect(await listedOverall(empty.id)).toBe('operational');
      expect(await overall(empty.id)).toBe('operational');

      await t.admin.post(`/api/v1/incidents/${alert.body.incident.id}/resolve`, {});
      expect(await listedOverall(watched.id)).toBe('operational');
    });
  });
});
