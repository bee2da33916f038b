import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6).
const TUE_10 = '2026-03-03T16:00:00.000Z';
const TUE_18 = '2026-03-04T00:00:00.000Z';
const HOUR = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describeEachDatabase('schedules API', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: TUE_10 });
  });

  async function twoLayer(name: string) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [
        { name: 'Senior', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [ids['alice']] },
        { name: 'After hours', rotation: { kind: 'daily', handoffTime: '17:00' }, members: [ids['bob'], ids['carol']] },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; layers: { id: string; name: string; position: number }[] };
  }

  const onCall = async (id: string, at?: string) => (await t.admin.get(`/api/v1/schedules/${id}/on-call${at ? `?at=${at}` : ''}`)).body;

  it('creates the two-layer business hours / after hours schedule', async () => {
    const s = await twoLayer('Two layer');
    expect(s.layers.map((l) => [l.name, l.position])).toEqual([
      ['Senior', 0],
      ['After hours', 1],
    ]);
    const detail = (await t.admin.get(`/api/v1/schedules/${s.id}`)).body;
    expect(detail.layers[1]).toMatchObject({ timeZone: 'America/Chicago', restriction: { kind: 'always' }, members: [{ id: ids['bob'] }, { id: ids['carol'] }] });
  });

  it('pages the senior layer during business hours and the after-hours layer after 17:00', async () => {
    const s = await twoLayer('Banner');
    const day = await onCall(s.id);
    expect(day.primary).toMatchObject({ user: { id: ids['alice'] }, layerName: 'Senior', source: 'rotation' });
    expect(day.layers.map((l: { active: boolean }) => l.active)).toEqual([true, true]);
    expect(day.layers[0].until).toBe('2026-03-03T23:00:00.000Z'); // 17:00 CST: off-duty from then

    const night = await onCall(s.id, TUE_18);
    expect(night.primary).toMatchObject({ layerName: 'After hours' });
    expect(night.layers[0]).toMatchObject({ user: { id: ids['alice'] }, active: false });

    const all = (await t.admin.get('/api/v1/on-call')).body.items;
    expect(all.find((x: { scheduleId: string }) => x.scheduleId === s.id).primary.user.id).toBe(ids['alice']);
  });

  it('reorders layers from now on and keeps the past as it was', async () => {
    const s = await twoLayer('Reorder');
    await t.anonymous.post('/api/v1/test/clock', { set: plus(TUE_10, HOUR) });
    const res = await t.admin.put(`/api/v1/schedules/${s.id}/layer-order`, { layerIds: [s.layers[1]?.id, s.layers[0]?.id] });
    expect(res.status).toBe(200);
    expect(res.body.layers.map((l: { name: string }) => l.name)).toEqual(['After hours', 'Senior']);
    expect((await onCall(s.id)).primary.layerName).toBe('After hours');
    expect((await onCall(s.id, plus(TUE_10, 30 * 60_000))).primary.layerName).toBe('Senior');
    const bad = await t.admin.put(`/api/v1/schedules/${s.id}/layer-order`, { layerIds: [s.layers[0]?.id] });
    expect(bad.body.errors[0].path).toBe('/body/layerIds');
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
  });

  it('deletes layers but never the last, and the past still resolves with them', async () => {
    const s = await twoLayer('Delete');
    await t.anonymous.post('/api/v1/test/clock', { set: plus(TUE_10, HOUR) });
    const res = await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${s.layers[0]?.id}`);
    expect(res.status).toBe(200);
    expect(res.body.layers.map((l: { name: string }) => l.name)).toEqual(['After hours']);
    expect((await onCall(s.id)).primary.layerName).toBe('After hours');
    expect((await onCall(s.id, TUE_10)).primary.layerName).toBe('Senior');
    const last = await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${s.layers[1]?.id}`);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_layer');
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).body.layers).toHaveLength(1);
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
  });

  it('versions layer edits: the person on call keeps it until the next handoff, the past is unchanged', async () => {
    const s = await twoLayer('Versions');
    const layer = s.layers[1]?.id;
    const edited = plus(TUE_10, HOUR);
    await t.anonymous.post('/api/v1/test/clock', { set: edited });
    const holder = (await onCall(s.id)).layers[1].user.id;
    const res = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layer}`, { members: [ids['dave'], ids['alice']], name: 'Nights' });
    expect(res.status).toBe(200);
    expect(res.body.layers[1]).toMatchObject({ name: 'Nights', members: [{ id: ids['dave'] }, { id: ids['alice'] }], effectiveFrom: edited });
    expect((await onCall(s.id, TUE_10)).layers[1].user.id).toBe(holder);
    // Whoever holds the after-hours layer keeps it until today's 17:00 handoff, even off the roster.
    expect((await onCall(s.id)).layers[1].user.id).toBe(holder);
    expect((await onCall(s.id, plus(TUE_10, 6 * HOUR))).layers[1].user.id).toBe(holder);
    const tonight = (await onCall(s.id, TUE_18)).primary.user.id;
    expect([ids['dave'], ids['alice']]).toContain(tonight);
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
  });

  it('schedules edits for later and refuses backdated ones', async () => {
    const s = await twoLayer('Future');
    const layer = s.layers[1]?.id;
    const later = plus(TUE_10, 48 * HOUR);
    const res = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layer}`, { members: [ids['dave']], effectiveAt: later });
    expect(res.body.layers[1].members.map((m: { id: string }) => m.id)).toEqual([ids['bob'], ids['carol']]);
    expect(res.body.layers[1].upcoming).toEqual([expect.objectContaining({ effectiveFrom: later, members: [expect.objectContaining({ id: ids['dave'] })] })]);
    const past = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layer}`, { members: [ids['dave']], effectiveAt: plus(TUE_10, -HOUR) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('/body/effectiveAt');
  });

  it('applies overrides: schedule-wide replaces the primary, layer overrides replace the layer user', async () => {
    const s = await twoLayer('Overrides');
    const wide = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: TUE_10, end: plus(TUE_10, 2 * HOUR) });
    expect(wide.status).toBe(201);
    let now = await onCall(s.id);
    expect(now.primary).toMatchObject({ user: { id: ids['dave'] }, layerId: null, source: 'override' });

    const onLayer = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, {
      layerId: s.layers[1]?.id,
      userId: ids['alice'],
      start: plus(TUE_10, 6 * HOUR),
      end: plus(TUE_10, 12 * HOUR),
    });
    expect(onLayer.status).toBe(201);
    const evening = await onCall(s.id, TUE_18);
    expect(evening.primary).toMatchObject({ user: { id: ids['alice'] }, source: 'override', layerName: 'After hours' });

    const past = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: plus(TUE_10, -5 * HOUR), end: plus(TUE_10, -HOUR) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('/body/end');
    const empty = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: TUE_18, end: TUE_18 });
    expect(empty.body.errors[0].path).toBe('/body/end');
    const ghost = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: '00000000-0000-4000-8000-000000000000', start: TUE_10, end: TUE_18 });
    expect(ghost.body.errors[0].path).toBe('/body/userId/0');

    // Cancelling: the one under way ends now, the future one disappears.
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}/overrides/${wide.body.id}`)).status).toBe(204);
    expect((await t.admin.delete(`/api/v1/schedules/${s.id}/overrides/${onLayer.body.id}`)).status).toBe(204);
    now = await onCall(s.id);
    expect(now.primary.user.id).toBe(ids['alice']);
    const list = (await t.admin.get(`/api/v1/schedules/${s.id}/overrides?from=${plus(TUE_10, -HOUR)}&to=${plus(TUE_10, 24 * HOUR)}`)).body.items;
    expect(list).toEqual([]);
    expect((await onCall(s.id, TUE_18)).primary.user.id).not.toBe(ids['alice']);
  });

  it('refuses to cancel an override that is over', async () => {
    const s = await twoLayer('Past override');
    const o = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: TUE_10, end: plus(TUE_10, HOUR) });
    await t.anonymous.post('/api/v1/test/clock', { set: plus(TUE_10, 2 * HOUR) });
    const res = await t.admin.delete(`/api/v1/schedules/${s.id}/overrides/${o.body.id}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('past_is_immutable');
    expect((await onCall(s.id, plus(TUE_10, 30 * 60_000))).primary.user.id).toBe(ids['dave']);
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
  });

  it('finds the coverage gap of a weekday/weekend schedule on weekday nights', async () => {
    const res = await t.admin.post('/api/v1/schedules', {
      name: 'Gappy',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [
        { name: 'Weekdays', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [ids['alice']] },
        { name: 'Weekends', rotation: { kind: 'weekly', handoffDay: 6, handoffTime: '00:00' }, restriction: { kind: 'weekends' }, members: [ids['bob']] },
      ],
    });
    const id = res.body.id;
    const tl = (await t.admin.get(`/api/v1/schedules/${id}/timeline?from=2026-03-03T06:00:00.000Z&to=2026-03-05T06:00:00.000Z`)).body;
    // Weekday nights 17:00–09:00 CST; before the schedule existed (10:00 CST) is no gap.
    expect(tl.gaps).toEqual([
      { start: '2026-03-03T23:00:00.000Z', end: '2026-03-04T15:00:00.000Z' },
      { start: '2026-03-04T23:00:00.000Z', end: '2026-03-05T06:00:00.000Z' },
    ]);
    expect(tl.layers.map((l: { name: string }) => l.name)).toEqual(['Weekdays', 'Weekends']);
    expect(tl.final.filter((s: { user: unknown }) => s.user).every((s: { user: { id: string } }) => s.user.id === ids['alice'])).toBe(true);
    const tooLong = await t.admin.get(`/api/v1/schedules/${id}/timeline?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`);
    expect(tooLong.body.errors[0].path).toBe('/querystring/to');
  });

  it('previews an edit without saving it, listing whose shifts move', async () => {
    const s = await twoLayer('Preview');
    const res = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, {
      edit: { kind: 'remove_layer', layerId: s.layers[1]?.id },
      to: plus(TUE_10, 24 * HOUR),
    });
    expect(res.status).toBe(200);
    // Bob holds after-hours from creation until 17:00, then Carol. Without the layer,
    // Tuesday 17:00 to Wednesday 09:00 CST has nobody.
    const night = { start: '2026-03-03T23:00:00.000Z', end: '2026-03-04T15:00:00.000Z' };
    expect(res.body.after.gaps).toEqual([night]);
    expect(res.body.before.gaps).toEqual([]);
    expect(res.body.changes).toEqual([{ ...night, before: expect.objectContaining({ id: ids['carol'] }), after: null }]);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).body.layers).toHaveLength(2);

    // From late in 9999 the default two weeks end where RFC 3339 can still write an instant
    // (the response is held to the OpenAPI document's date-time format; a fuzz run found it).
    const late = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, { edit: { kind: 'remove_layer', layerId: s.layers[1]?.id }, from: '9999-12-25T00:00:00Z' });
    expect(late.status).toBe(200);
    expect(late.body.before.to).toBe('9999-12-31T23:59:59.999Z');

    const add = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, {
      edit: { kind: 'add_layer', layer: { name: 'Extra', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['ghost'] ?? '00000000-0000-4000-8000-000000000000'] } },
    });
    expect(add.status).toBe(400);
    expect(add.body.errors[0].path).toBe('/body/edit/layer/members/0');

    // A preview answers as the edit would: the last layer cannot go.
    await t.admin.delete(`/api/v1/schedules/${s.id}/layers/${s.layers[1]?.id}`);
    const last = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, { edit: { kind: 'remove_layer', layerId: s.layers[0]?.id } });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_layer');
  });

  it('reports on-call hours per person as JSON and CSV', async () => {
    const s = await twoLayer('Hours');
    const q = `from=${TUE_10}&to=${plus(TUE_10, 24 * HOUR)}`;
    const json = (await t.admin.get(`/api/v1/schedules/${s.id}/hours?${q}`)).body;
    const total = json.items.reduce((sum: number, r: { total: number }) => sum + r.total, 0);
    expect(total).toBe(24);
    const alice = json.items.find((r: { user: { id: string } }) => r.user.id === ids['alice']);
    // Tuesday 10:00–17:00 and Wednesday 09:00–10:00 CST.
    expect(alice).toMatchObject({ total: 8, businessHours: 8, nights: 0, weekends: 0 });
    const csv = await t.admin.get(`/api/v1/schedules/${s.id}/hours.csv?${q}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('name,email,total_hours,business_hours,night_hours,weekend_hours');
    expect(csv.body).toContain('"Alice Senior","alice@example.com",8,8,0,0');
  });

  it('validates layers with field paths', async () => {
    const res = await t.admin.post('/api/v1/schedules', {
      name: 'Bad',
      teamId: ids['team'],
      timeZone: 'Nowhere/Land',
      layers: [{ name: 'L', rotation: { kind: 'weekly', handoffTime: '25:00' }, members: [] }],
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/timeZone', '/body/layers/0/rotation/handoffDay', '/body/layers/0/rotation/handoffTime']));
    const anchor = await t.admin.post('/api/v1/schedules', {
      name: 'Bad anchor',
      teamId: ids['team'],
      timeZone: 'UTC',
      layers: [{ name: 'L', rotation: { kind: 'custom', every: 12, unit: 'hours', anchor: '2026-02-30T09:00' }, members: [] }],
    });
    expect(anchor.body.errors).toEqual([{ path: '/body/layers/0/rotation/anchor', message: expect.stringContaining('2026-02-30') }]);
    const noLayers = await t.admin.post('/api/v1/schedules', { name: 'Empty', teamId: ids['team'], timeZone: 'UTC', layers: [] });
    expect(noLayers.body.errors[0].path).toBe('/body/layers');
    const schedules = (await t.admin.get('/api/v1/schedules?limit=200')).body.items.map((x: { name: string }) => x.name);
    expect(schedules).not.toContain('Bad anchor');
  });

  it('lets team members edit their schedules and nobody else', async () => {
    const s = await twoLayer('Permissions');
    await t.admin.post('/api/v1/users', { email: 'outsider@example.com', name: 'Outsider', role: 'responder', password: 'long-enough' });
    const outsider = await t.login('outsider@example.com', 'long-enough');
    const member = await t.login(demoAdmin.email, demoAdmin.password);
    expect((await outsider.get(`/api/v1/schedules/${s.id}`)).status).toBe(200);
    expect((await outsider.patch(`/api/v1/schedules/${s.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await outsider.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: TUE_10, end: TUE_18 })).status).toBe(403);
    expect((await member.patch(`/api/v1/schedules/${s.id}`, { name: 'Renamed' })).body.name).toBe('Renamed');
    // Alice is a responder in Platform.
    await t.admin.patch(`/api/v1/users/${ids['alice']}`, { password: 'alice-password' });
    const alice = await t.login('alice@example.com', 'alice-password');
    expect((await alice.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['alice'], start: TUE_10, end: TUE_18 })).status).toBe(201);
  });

  it('refuses to delete a team that still owns schedules', async () => {
    const res = await t.admin.delete(`/api/v1/teams/${ids['team']}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('team_in_use');
  });
});
