import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6); the daily 09:00 handoffs are at 15:00Z.
const TUE_10 = '2026-03-03T16:00:00.000Z';
const WED_09 = '2026-03-04T15:00:00.000Z';
const THU_09 = '2026-03-05T15:00:00.000Z';
const FRI_09 = '2026-03-06T15:00:00.000Z';

describeEachDatabase('rotation start: who is on call from when', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: TUE_10 });
  });

  const layer = (extra: Record<string, unknown> = {}) => ({
    name: 'Daily',
    rotation: { kind: 'daily', handoffTime: '09:00' },
    members: [ids['alice'], ids['bob'], ids['carol']],
    ...extra,
  });
  const create = (name: string, extra: Record<string, unknown> = {}) =>
    t.admin.post('/api/v1/schedules', { name, teamId: ids['team'], timeZone: 'America/Chicago', layers: [layer(extra)] });
  const holder = async (id: string, at: string) => {
    const l = (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body.layers[0];
    return { user: l.user?.id ?? null, source: l.source, until: l.until };
  };

  it('without a rotation start nothing changes: the first member holds the turn in force, then the second', async () => {
    const s = (await create('Plain')).body;
    expect(await holder(s.id, TUE_10)).toEqual({ user: ids['alice'], source: 'rotation', until: WED_09 });
    expect((await holder(s.id, WED_09)).user).toBe(ids['bob']);
  });

  it('a layer created with a start at a local date-time has nobody until then; the member then takes a full turn', async () => {
    const res = await create('Starts Wednesday', { rotationStart: { at: '2026-03-04T09:00', member: ids['bob'] } });
    expect(res.status).toBe(201);
    // Not yet in force: the schedule shows it as the layer's upcoming version.
    expect(res.body.layers[0].upcoming.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([WED_09]);
    expect(await holder(res.body.id, TUE_10)).toEqual({ user: null, source: 'none', until: WED_09 });
    expect(await holder(res.body.id, WED_09)).toEqual({ user: ids['bob'], source: 'rotation', until: THU_09 });
    expect((await holder(res.body.id, THU_09)).user).toBe(ids['carol']);
  });

  it('a start between handoffs runs on to the end of the first whole turn, and defaults to the next handoff', async () => {
    const between = (await create('Between', { rotationStart: { at: '2026-03-03T20:00:00Z', member: 2 } })).body;
    expect(await holder(between.id, '2026-03-03T20:00:00.000Z')).toEqual({ user: ids['carol'], source: 'rotation', until: THU_09 });
    expect((await holder(between.id, THU_09)).user).toBe(ids['alice']);

    const byDefault = (await create('Next handoff', { rotationStart: {} })).body;
    expect(byDefault.layers[0].effectiveFrom).toBe(WED_09);
    expect((await holder(byDefault.id, WED_09)).user).toBe(ids['alice']);
  });

  it('a spring-forward local time that does not exist starts at the first instant after the gap', async () => {
    const res = await create('DST', { rotation: { kind: 'daily', handoffTime: '02:30' }, rotationStart: { at: '2026-03-08T02:30', member: 1 } });
    expect(res.status).toBe(201);
    expect(res.body.layers[0].effectiveFrom).toBe('2026-03-08T08:00:00.000Z'); // 03:00 CDT
    expect(await holder(res.body.id, '2026-03-08T08:00:00.000Z')).toEqual({ user: ids['bob'], source: 'rotation', until: '2026-03-09T07:30:00.000Z' });
  });

  it('a layer edit restarts the rotation from an instant with a member, keeping what came before', async () => {
    const s = (await create('Restart')).body;
    const res = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${s.layers[0].id}`, { rotationStart: { at: '2026-03-03T20:00:00Z', member: ids['carol'] } });
    expect(res.status).toBe(200);
    expect(res.body.layers[0].upcoming).toEqual([expect.objectContaining({ effectiveFrom: '2026-03-03T20:00:00.000Z' })]);
    expect(await holder(s.id, TUE_10)).toEqual({ user: ids['alice'], source: 'rotation', until: '2026-03-03T20:00:00.000Z' });
    expect(await holder(s.id, '2026-03-03T20:00:00.000Z')).toEqual({ user: ids['carol'], source: 'rotation', until: THU_09 });
    expect(await holder(s.id, THU_09)).toEqual({ user: ids['alice'], source: 'rotation', until: FRI_09 });
  });

  it('the preview shows a rotation start for a new layer and for an edit', async () => {
    const s = (await create('Preview')).body;
    const add = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, {
      edit: { kind: 'add_layer', layer: layer({ name: 'Second', rotationStart: { at: '2026-03-04T09:00', member: 1 } }) },
      to: FRI_09,
    });
    expect(add.status).toBe(200);
    const second = add.body.after.layers[1].segments.map((x: { start: string; user: { id: string } | null }) => [x.start, x.user?.id ?? null]);
    expect(second).toEqual([
      [TUE_10, null],
      [WED_09, ids['bob']],
      [THU_09, ids['carol']],
    ]);

    const edit = await t.admin.post(`/api/v1/schedules/${s.id}/preview`, {
      edit: { kind: 'update_layer', layerId: s.layers[0].id, patch: { rotationStart: { at: '2026-03-04T09:00', member: 2 } } },
      to: FRI_09,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.changes).toEqual([
      { start: WED_09, end: THU_09, before: expect.objectContaining({ id: ids['bob'] }), after: expect.objectContaining({ id: ids['carol'] }) },
      { start: THU_09, end: FRI_09, before: expect.objectContaining({ id: ids['carol'] }), after: expect.objectContaining({ id: ids['alice'] }) },
    ]);
    expect((await holder(s.id, WED_09)).user).toBe(ids['bob']);
  });

  it('refuses starts it cannot honour, naming the field', async () => {
    const path = async (extra: Record<string, unknown>) => {
      const res = await create('Bad', extra);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await path({ rotationStart: { member: 3 } })).toEqual(['/body/layers/0/rotationStart/member']);
    expect(await path({ rotationStart: { member: ids['dave'] ?? '00000000-0000-4000-8000-000000000000' } })).toEqual(['/body/layers/0/rotationStart/member']);
    expect(await path({ members: [], rotationStart: {} })).toEqual(['/body/layers/0/rotationStart/member']);
    expect(await path({ rotationStart: { at: '2026-03-01T09:00' } })).toEqual(['/body/layers/0/rotationStart/at']);
    expect(await path({ rotationStart: { at: '2026-02-30T09:00' } })).toEqual(['/body/layers/0/rotationStart/at']);
    expect((await path({ rotationStart: { at: 'tomorrow' } }))[0]).toMatch(/^\/body\/layers\/0\/rotationStart\/at/);

    const s = (await create('Patch bad')).body;
    const patch = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${s.layers[0].id}`, { effectiveAt: FRI_09, rotationStart: { at: THU_09 } });
    expect([patch.status, patch.body.errors?.[0]?.path]).toEqual([400, '/body/rotationStart/at']);
  });
});
