import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6).
const TUE_10 = '2026-03-03T16:00:00.000Z';
const TUE_17 = '2026-03-03T23:00:00.000Z';
const TUE_23 = '2026-03-04T05:00:00.000Z';
const SAT_12 = '2026-03-07T18:00:00.000Z';

describeEachDatabase('restriction shorthand: daily windows, and windows that end when they start', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: TUE_10 });
  });

  const create = (name: string, restriction: unknown) =>
    t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [
        { name: 'Restricted', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction, members: [ids['alice']] },
        { name: 'Backup', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['bob']] },
      ],
    });
  const onCall = async (id: string, at: string) => (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body;

  it('Mon–Fri 09:00–17:00 is one entry, stored and answered as given', async () => {
    const restriction = { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00' }] };
    const res = await create('Daily business hours', restriction);
    expect(res.status).toBe(201);
    expect(res.body.layers[0].restriction).toEqual(restriction);
    const day = await onCall(res.body.id, TUE_10);
    expect(day.primary).toMatchObject({ user: { id: ids['alice'] }, layerName: 'Restricted' });
    expect(day.layers[0].until).toBe(TUE_17);
    expect((await onCall(res.body.id, TUE_17)).primary).toMatchObject({ user: { id: ids['bob'] } });
    expect((await onCall(res.body.id, SAT_12)).layers[0].active).toBe(false);
  });

  it('an end before the start runs past midnight', async () => {
    const res = await create('Nights', { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '22:00', endTime: '06:00' }] });
    expect(res.status).toBe(201);
    expect((await onCall(res.body.id, TUE_10)).layers[0].active).toBe(false);
    const night = await onCall(res.body.id, TUE_23);
    expect(night.layers[0]).toMatchObject({ active: true, until: '2026-03-04T12:00:00.000Z' }); // Wed 06:00 CST
  });

  it('refuses a daily window whose end equals its start, naming the field', async () => {
    const res = await create('Ambiguous daily', { kind: 'daily', windows: [{ days: [1], startTime: '08:00', endTime: '08:00' }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: '/body/layers/0/restriction/windows/0/endTime', message: expect.stringContaining('ambiguous') }]);
    const noDays = await create('No days', { kind: 'daily', windows: [{ days: [], startTime: '08:00', endTime: '10:00' }] });
    expect(noDays.status).toBe(400);
    expect(noDays.body.errors[0].path).toBe('/body/layers/0/restriction/windows/0/days');
  });

  it('refuses a new weekly window that ends when it starts, on create, add, patch and preview', async () => {
    const same = { kind: 'custom', windows: [{ startDay: 3, startTime: '10:00', endDay: 3, endTime: '10:00' }] };
    const created = await create('Whole week?', same);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([{ path: '/body/layers/0/restriction/windows/0/endTime', message: expect.stringContaining('ambiguous') }]);

    const s = (await create('Weekly', { kind: 'business_hours' })).body;
    const layer = { name: 'Extra', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: same, members: [ids['carol']] };
    const added = await t.admin.post(`/api/v1/schedules/${s.id}/layers`, layer);
    expect([added.status, added.body.errors?.[0]?.path]).toEqual([400, '/body/restriction/windows/0/endTime']);
    const patched = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${s.layers[0].id}`, { restriction: same });
    expect([patched.status, patched.body.errors?.[0]?.path]).toEqual([400, '/body/restriction/windows/0/endTime']);
    const preview = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, { edit: { kind: 'add_layer', layer } });
    expect([preview.status, preview.body.errors?.[0]?.path]).toEqual([400, '/body/edit/layer/restriction/windows/0/endTime']);
  });

  it('a whole-week window stored before the rule still means the whole week, and its layer stays editable', async () => {
    const s = (await create('Legacy', { kind: 'custom', windows: [{ startDay: 3, startTime: '10:00', endDay: 3, endTime: '11:00' }] })).body;
    const layerId = s.layers[0].id as string;
    const legacy = { kind: 'custom', windows: [{ startDay: 3, startTime: '10:00', endDay: 3, endTime: '10:00' }] };
    // As if written by an older version: straight into the stored configuration.
    const db = t.vigil.database.db;
    const row = await db.selectFrom('layer_versions').select(['effective_from', 'config']).where('layer_id', '=', layerId).executeTakeFirstOrThrow();
    const config = { ...JSON.parse(row.config), restriction: legacy };
    await db.updateTable('layer_versions').set({ config: JSON.stringify(config) }).where('layer_id', '=', layerId).execute();

    expect((await onCall(s.id, SAT_12)).layers[0]).toMatchObject({ active: true });
    const members = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layerId}`, { members: [ids['alice'], ids['carol']] });
    expect(members.status).toBe(200);
    // The editor sends the restriction back as it was: still accepted.
    const resent = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layerId}`, { restriction: legacy, members: [ids['carol']] });
    expect(resent.status).toBe(200);
    expect(resent.body.layers[0].restriction).toEqual(legacy);
    const changed = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${layerId}`, {
      restriction: { kind: 'custom', windows: [...legacy.windows, { startDay: 5, startTime: '08:00', endDay: 5, endTime: '08:00' }] },
    });
    expect([changed.status, changed.body.errors?.[0]?.path]).toEqual([400, '/body/restriction/windows/1/endTime']);
  });
});
