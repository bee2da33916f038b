import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6); DST starts on Sunday 8 March 2026.
const TUE_10 = '2026-03-03T16:00:00.000Z';

describeEachDatabase('monthly rotations', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: TUE_10 });
  });

  const create = (name: string, rotation: unknown, extra: Record<string, unknown> = {}) =>
    t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Monthly', rotation, members: [ids['alice'], ids['bob']], ...extra }],
    });
  const holder = async (id: string, at: string) => {
    const l = (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body.layers[0];
    return { user: l.user?.id ?? null, until: l.until };
  };

  it('the 31st hands off on the last day of shorter months, stored and answered as given', async () => {
    const rotation = { kind: 'monthly', handoffDay: 31, handoffTime: '09:00' };
    const res = await create('Month end', rotation);
    expect(res.status).toBe(201);
    expect(res.body.layers[0].rotation).toEqual(rotation);
    // The turn in force began on 28 February (the 31st clamped); the next handoffs are
    // 31 March and 30 April at 09:00 CDT.
    expect(await holder(res.body.id, TUE_10)).toEqual({ user: ids['alice'], until: '2026-03-31T14:00:00.000Z' });
    expect(await holder(res.body.id, '2026-03-31T14:00:00.000Z')).toEqual({ user: ids['bob'], until: '2026-04-30T14:00:00.000Z' });
  });

  it('a handoff at 02:30 on the spring-forward day happens at 03:00 CDT, like daily ones', async () => {
    const res = await create('DST', { kind: 'monthly', handoffDay: 8, handoffTime: '02:30' });
    expect(await holder(res.body.id, TUE_10)).toEqual({ user: ids['alice'], until: '2026-03-08T08:00:00.000Z' });
    expect(await holder(res.body.id, '2026-03-08T08:00:00.000Z')).toEqual({ user: ids['bob'], until: '2026-04-08T07:30:00.000Z' });
  });

  it('with a rotation start the member takes the first full month from the next handoff', async () => {
    const res = await create('Started', { kind: 'monthly', handoffDay: 1, handoffTime: '09:00' }, { rotationStart: { member: ids['bob'] } });
    expect(res.status).toBe(201);
    expect(await holder(res.body.id, TUE_10)).toEqual({ user: null, until: '2026-04-01T14:00:00.000Z' });
    expect(await holder(res.body.id, '2026-04-01T14:00:00.000Z')).toEqual({ user: ids['bob'], until: '2026-05-01T14:00:00.000Z' });
  });

  it('a layer edit switches to monthly', async () => {
    const s = (await create('Switch', { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' })).body;
    const res = await t.admin.patch(`/api/v1/schedules/${s.id}/layers/${s.layers[0].id}`, { rotation: { kind: 'monthly', handoffDay: 15, handoffTime: '09:00' } });
    expect(res.status).toBe(200);
    expect(res.body.layers[0].rotation).toEqual({ kind: 'monthly', handoffDay: 15, handoffTime: '09:00' });
    expect((await holder(s.id, TUE_10)).until).toBe('2026-03-15T14:00:00.000Z');
  });

  it('refuses a day outside 1..31 or a bad time, naming the field', async () => {
    for (const handoffDay of [0, 32, 1.5]) {
      const res = await create('Bad day', { kind: 'monthly', handoffDay, handoffTime: '09:00' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/layers/0/rotation/handoffDay']);
    }
    const time = await create('Bad time', { kind: 'monthly', handoffDay: 1, handoffTime: '24:00' });
    expect(time.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/layers/0/rotation/handoffTime']);
    const missing = await create('No day', { kind: 'monthly', handoffTime: '09:00' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toMatch(/^\/body\/layers\/0\/rotation/);
  });
});
