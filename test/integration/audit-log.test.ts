import { beforeAll, expect, it } from 'vitest';
import { demoAdmin } from '../support/demo-admin.js';
import { totpCode } from '../../src/security/totp.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

const DAY = 24 * 3600_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = any;

describeEachDatabase('audit log', (dialect) => {
  const t = useTestApp(dialect);
  const ids = { team: '', policy: '', admin: '' };

  beforeAll(async () => {
    ids.team = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
    ids.policy = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
    ids.admin = (await t.admin.get('/api/v1/auth/session')).body.user.id;
  });

  /** The audit entries of one entity, oldest first. */
  async function trail(entityId: string): Promise<Entry[]> {
    const res = await t.admin.get(`/api/v1/audit-log?entityId=${entityId}&limit=200`);
    expect(res.status).toBe(200);
    return (res.body.items as Entry[]).reverse();
  }

  const changed = (entry: Entry) => entry.changes.map((c: { path: string }) => c.path);

  async function newUser(email: string, role: string): Promise<{ id: string; caller: Caller }> {
    const res = await t.admin.post('/api/v1/users', { email, name: email.split('@')[0], role, password: 'correct horse battery' });
    expect(res.status).toBe(201);
    return { id: res.body.id, caller: await t.login(email, 'correct horse battery') };
  }

  it('records a user created, changed and deleted: who, how, from where, before and after, and no secrets', async () => {
    const created = await t.admin.post('/api/v1/users', { email: 'erin@example.com', name: 'Erin', role: 'responder', password: 'first password!' });
    const id = created.body.id;
    expect((await t.admin.patch(`/api/v1/users/${id}`, { role: 'admin', password: 'second password!' })).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/users/${id}`)).status).toBe(204);

    const [create, update, remove, ...rest] = await trail(id);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({
      entityType: 'user',
      entityId: id,
      action: 'create',
      actor: { id: ids.admin, email: 'admin@example.com' },
      via: 'session',
      ip: '127.0.0.1',
      userAgent: expect.any(String),
      before: null,
      after: { email: 'erin@example.com', name: 'Erin', role: 'responder', passwordHash: 'changed' },
    });
    expect(update).toMatchObject({ action: 'update', before: { role: 'responder', passwordHash: '[redacted]' }, after: { role: 'admin', passwordHash: 'changed' } });
    expect(changed(update)).toEqual(['/role', '/passwordHash']);
    expect(remove).toMatchObject({ action: 'delete', before: { email: 'erin@example.com', role: 'admin' }, after: null });
    expect(JSON.stringify([create, update, remove])).not.toMatch(/scrypt|password!/);
  });

  it('records nothing for a refused change or one that changes nothing', async () => {
    const count = async () => (await t.admin.get('/api/v1/audit-log?limit=200')).body.items.length;
    const before = await count();
    expect((await t.admin.post('/api/v1/users', { email: 'admin@example.com', name: 'Dup', role: 'viewer' })).status).toBe(409);
    const team = (await t.admin.get(`/api/v1/teams/${ids.team}`)).body;
    expect((await t.admin.patch(`/api/v1/teams/${ids.team}`, { name: team.name })).status).toBe(200);
    expect(await count()).toBe(before);
  });

  it('records teams and memberships', async () => {
    const { id: userId } = await newUser('frank@example.com', 'responder');
    const team = (await t.admin.post('/api/v1/teams', { name: 'Storage' })).body;
    await t.admin.patch(`/api/v1/teams/${team.id}`, { description: 'Disks' });
    await t.admin.put(`/api/v1/teams/${team.id}/members/${userId}`, { role: 'member' });
    await t.admin.put(`/api/v1/teams/${team.id}/members/${userId}`, { role: 'manager' });
    await t.admin.delete(`/api/v1/teams/${team.id}/members/${userId}`);
    await t.admin.delete(`/api/v1/teams/${team.id}`);
    const entries = await trail(team.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'add_member', 'change_member', 'remove_member', 'delete']);
    expect(entries[2].changes).toEqual([{ path: `/members/${userId}`, before: null, after: 'member' }]);
    expect(entries[3].changes).toEqual([{ path: `/members/${userId}`, before: 'member', after: 'manager' }]);
  });

  it('records schedules, layers, overrides and fixed shifts', async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string }[];
    const [a, b] = users.map((u) => u.id);
    const created = await t.admin.post('/api/v1/schedules', {
      name: 'Audited',
      teamId: ids.team,
      timeZone: 'Europe/London',
      layers: [
        { name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [a] },
        { name: 'Night', rotation: { kind: 'daily', handoffTime: '21:00' }, members: [b] },
      ],
    });
    expect(created.status).toBe(201);
    const s = created.body as { id: string; layers: { id: string }[] };
    const [day, night] = s.layers.map((l) => l.id) as [string, string];
    await t.admin.patch(`/api/v1/schedules/${s.id}`, { description: 'audited' });
    await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${day}`, { members: [a, b] });
    await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${day}`, { name: 'Daytime' });
    await t.admin.put(`/api/v1/schedules/${s.id}/layer-order`, { layerIds: [night, day] });
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${night}`)).status).toBe(200);

    expect((await trail(s.id)).map((e) => e.action)).toEqual(['create', 'update', 'update']);
    const layer = await trail(day);
    expect(layer.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(layer[1].changes.map((c: { path: string }) => c.path)).toContain('/version/members');
    expect(layer[2].changes).toEqual([{ path: '/name', before: 'Day', after: 'Daytime' }]);
    expect((await trail(night)).map((e) => e.action)).toEqual(['create', 'delete']);
    // A rename along with a new version is one change of the layer, recorded once.
    await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${day}`, { name: 'Days', members: [a] });
    const both = await trail(day);
    expect(both).toHaveLength(4);
    expect(both[3].changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['/name', '/version/members']));

    const start = new Date(Date.now() + DAY).toISOString();
    const end = new Date(Date.now() + 2 * DAY).toISOString();
    const override = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: b, start, end });
    expect(override.status).toBe(201);
    await t.admin.delete(`/api/v1/schedules/${s.id}/overrides/${override.body.id}`);
    expect((await trail(override.body.id)).map((e) => [e.entityType, e.action])).toEqual([
      ['override', 'create'],
      ['override', 'delete'],
    ]);
    const shift = await t.admin.post(`/api/v1/schedules/${s.id}/fixed-shifts`, { layerId: day, userId: b, start, end });
    expect(shift.status).toBe(201);
    expect((await trail(shift.body.id)).map((e) => [e.entityType, e.action])).toEqual([['fixed_shift', 'create']]);
  });

  it('records policies, monitors and integration keys without the secrets in them', async () => {
    const slack = 'https://hooks.slack.com/services/T000/B000/sekrit';
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Audited', teamId: ids.team, steps: [{ waitSeconds: 0, targets: [{ type: 'slack', url: slack }] }] });
    expect(policy.status).toBe(201);
    await t.admin.put(`/api/v1/escalation-policies/${policy.body.id}`, { name: 'Audited 2', teamId: ids.team, steps: [{ waitSeconds: 0, targets: [{ type: 'slack', url: `${slack}2` }] }] });
    const monitor = await t.admin.post('/api/v1/monitors', {
      name: 'Checked',
      teamId: ids.team,
      policyId: policy.body.id,
      kind: 'http',
      http: { url: 'https://example.com/health', headers: { Authorization: 'Bearer header-sekrit' } },
    });
    expect(monitor.status).toBe(201);
    await t.admin.patch(`/api/v1/monitors/${monitor.body.id}`, { paused: true });
    await t.admin.delete(`/api/v1/monitors/${monitor.body.id}`);
    const pushed = await t.admin.post('/api/v1/monitors', { name: 'Pushed', teamId: ids.team, policyId: policy.body.id, kind: 'webhook' });
    expect((await t.admin.post(`/api/v1/monitors/${pushed.body.id}/integration-key`)).status).toBe(200);
    await t.admin.delete(`/api/v1/escalation-policies/${policy.body.id}?replaceWith=${ids.policy}`);

    const policyTrail = await trail(policy.body.id);
    expect(policyTrail.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(policyTrail[1].changes.map((c: { path: string }) => c.path)).toEqual(['/name', '/steps']);
    const monitorTrail = await trail(monitor.body.id);
    expect(monitorTrail.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(monitorTrail[0].after.config.http.headers).toEqual({ Authorization: 'changed' });
    expect(monitorTrail[1].changes).toEqual([{ path: '/paused', before: 0, after: 1 }]);
    const keyTrail = await trail(pushed.body.id);
    // A pushed monitor gets its first key as it is created; the policy's deletion repointed
    // the monitor at the replacement: that is a change too.
    expect(keyTrail.map((e) => e.action)).toEqual(['create', 'rotate_integration_key', 'rotate_integration_key', 'update']);
    expect(keyTrail[1].changes).toEqual([{ path: '/integrationKeyHash', before: null, after: 'changed' }]);
    expect(keyTrail[2].changes).toEqual([{ path: '/integrationKeyHash', before: '[redacted]', after: 'changed' }]);
    expect(keyTrail[3].changes).toEqual([{ path: '/policyId', before: policy.body.id, after: ids.policy }]);
    const everything = JSON.stringify([...policyTrail, ...monitorTrail, ...keyTrail]);
    expect(everything).not.toMatch(/sekrit|vgi_/);
    expect(everything).not.toContain(pushed.body.integrationKey);
  });

  it('tells API tokens from sessions and keeps the token out', async () => {
    const created = await t.admin.post('/api/v1/me/tokens', { name: 'ci' });
    const { token, apiToken } = created.body;
    const bearer = t.withHeaders({ authorization: `Bearer ${token}`, 'user-agent': 'deploy-bot/1.0' });
    const team = await bearer.post('/api/v1/teams', { name: 'By token' });
    expect(team.status).toBe(201);
    expect((await trail(team.body.id))[0]).toMatchObject({ via: 'token', userAgent: 'deploy-bot/1.0', actor: { id: ids.admin } });
    expect((await bearer.delete(`/api/v1/me/tokens/${apiToken.id}`)).status).toBe(204);
    const tokenTrail = await trail(apiToken.id);
    expect(tokenTrail.map((e) => [e.entityType, e.action, e.via])).toEqual([
      ['api_token', 'create', 'session'],
      ['api_token', 'revoke', 'token'],
    ]);
    expect(JSON.stringify(tokenTrail)).not.toContain(token);
  });

  it('records each token a password change revokes', async () => {
    const { id, caller } = await newUser('kim@example.com', 'responder');
    const tokens = [(await caller.post('/api/v1/me/tokens', { name: 'a' })).body.apiToken.id, (await caller.post('/api/v1/me/tokens', { name: 'b' })).body.apiToken.id];
    expect((await t.admin.patch(`/api/v1/users/${id}`, { password: 'a new password!' })).status).toBe(200);
    for (const token of tokens) {
      expect((await trail(token)).map((e) => [e.action, e.actor?.id])).toEqual([
        ['create', id],
        ['revoke', ids.admin],
      ]);
    }
  });

  it('filters by actor, entity type, action and time, and pages newest first', async () => {
    const other = await newUser('gina@example.com', 'admin');
    const made: string[] = [];
    for (const name of ['P1', 'P2', 'P3']) made.push((await other.caller.post('/api/v1/teams', { name })).body.id);

    const mine = (await t.admin.get(`/api/v1/audit-log?actorId=${other.id}`)).body.items as Entry[];
    expect(mine.map((e) => e.entityId)).toEqual([...made].reverse());
    const first = await t.admin.get(`/api/v1/audit-log?actorId=${other.id}&limit=2`);
    const second = await t.admin.get(`/api/v1/audit-log?actorId=${other.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((e: Entry) => e.entityId)).toEqual([...made].reverse());
    expect(second.body.nextCursor).toBeNull();

    const teams = (await t.admin.get('/api/v1/audit-log?entityType=team&action=create&limit=200')).body.items as Entry[];
    expect(teams.every((e) => e.entityType === 'team' && e.action === 'create')).toBe(true);
    expect(teams.map((e) => e.entityId)).toEqual(expect.arrayContaining(made));

    const at = (await t.admin.get(`/api/v1/audit-log?entityId=${made[1]}`)).body.items[0].at as string;
    const from = await t.admin.get(`/api/v1/audit-log?actorId=${other.id}&from=${encodeURIComponent(at)}`);
    expect(from.body.items.length).toBeGreaterThanOrEqual(1);
    const before = await t.admin.get(`/api/v1/audit-log?actorId=${other.id}&to=${encodeURIComponent(new Date(Date.parse(at) - DAY).toISOString())}`);
    expect(before.body.items).toEqual([]);
  });

  it('records two-factor enrolment, new recovery codes, an admin reset and the organisation setting, without secrets or codes', async () => {
    const { id, caller } = await newUser('jay@example.com', 'responder');
    const started = (await caller.post('/api/v1/me/two-factor', { password: 'correct horse battery' })).body;
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 30_000 });
    const confirmed = await caller.post('/api/v1/me/two-factor/confirm', { code: totpCode(started.secret, t.vigil.clock.now()) });
    expect(confirmed.status).toBe(200);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 30_000 });
    expect((await caller.post('/api/v1/me/two-factor/recovery-codes', { code: totpCode(started.secret, t.vigil.clock.now()) })).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/users/${id}/two-factor`)).status).toBe(204);
    const entries = await trail(id);
    const twoFactor = entries.filter((e) => e.entityType === 'two_factor');
    expect(twoFactor.map((e) => e.action)).toEqual(['enable_two_factor', 'replace_recovery_codes', 'disable_two_factor']);
    expect(twoFactor[0].changes.map((c: { path: string }) => c.path)).toEqual(['/confirmedAt', '/recoveryCodes']);
    expect(twoFactor[0].after).toMatchObject({ secretEncrypted: '[redacted]', recoveryCodes: 'changed' });
    expect(twoFactor[2]).toMatchObject({ actor: { id: ids.admin }, after: null });
    const text = JSON.stringify(twoFactor);
    expect(text).not.toContain(started.secret);
    for (const code of confirmed.body.recoveryCodes as string[]) expect(text).not.toContain(code);

    expect((await t.admin.put('/api/v1/settings/two-factor', { required: true })).status).toBe(200);
    expect((await t.admin.put('/api/v1/settings/two-factor', { required: false })).status).toBe(200);
    const settings = (await trail('identity')).filter((e) => e.entityType === 'setting');
    // The settings row is written the first time a setting is: before that, the defaults held.
    expect(settings.map((e) => e.changes)).toEqual([
      [{ path: '/requireTwoFactor', before: null, after: 1 }],
      [{ path: '/requireTwoFactor', before: 1, after: 0 }],
    ]);
  });

  it('refuses bad filters with field paths', async () => {
    const res = await t.admin.get('/api/v1/audit-log?entityType=planet&from=yesterday&actorId=me');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/querystring/actorId', '/querystring/entityType', '/querystring/from']);
    expect((await t.admin.get('/api/v1/audit-log?cursor=nonsense')).status).toBe(400);
  });

  it('is for admins and owners only', async () => {
    const viewer = await newUser('hal@example.com', 'viewer');
    const responder = await newUser('ivy@example.com', 'responder');
    expect((await viewer.caller.get('/api/v1/audit-log')).status).toBe(403);
    expect((await responder.caller.get('/api/v1/audit-log')).status).toBe(403);
    expect((await t.anonymous.get('/api/v1/audit-log')).status).toBe(401);
  });

  it('prunes entries older than the retention', async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: 'Old news' })).body;
    expect(await trail(team.id)).toHaveLength(1);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 401 * DAY });
    // The session expired during those 401 days.
    const admin = await t.login(demoAdmin.email, demoAdmin.password);
    const fresh = (await admin.post('/api/v1/teams', { name: 'New news' })).body;
    await t.vigil.auditRetention.runOnce();
    const left = (await admin.get('/api/v1/audit-log?entityType=team&limit=200')).body.items.map((e: Entry) => e.entityId);
    expect(left).not.toContain(team.id);
    expect(left).toContain(fresh.id);
  });
});
