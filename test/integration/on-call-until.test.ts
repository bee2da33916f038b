import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6); Day's turn runs to Wednesday 09:00.
const NOW = '2026-03-03T16:00:00.000Z';
const TURN_END = '2026-03-04T15:00:00.000Z';
const HOUR = 3_600_000;
const plus = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

describeEachDatabase('on-call until: the next change, including overrides and fixed shifts that start later', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: NOW });
  });

  async function schedule(name: string) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [
        { name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob']] },
        { name: 'Backup', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['carol']] },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; layers: { id: string }[] };
  }

  type View = { until: string | null; primary: { user: { id: string } } | null; layers: { until: string | null }[] };
  const onCall = async (id: string, at = NOW): Promise<View> => (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body;
  const untils = (v: View) => [v.until, ...v.layers.map((l) => l.until)];

  it('with nothing later, until is the end of the rotation turn', async () => {
    const s = await schedule('Plain');
    expect(untils(await onCall(s.id))).toEqual([TURN_END, TURN_END, expect.any(String)]);
  });

  it('a later schedule-wide override cuts the primary until, not the layers', async () => {
    const s = await schedule('Wide later');
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: plus(2), end: plus(3) })).status).toBe(201);
    const v = await onCall(s.id);
    expect(untils(v).slice(0, 2)).toEqual([plus(2), TURN_END]);
  });

  it('a later layer override and a later fixed shift cut the primary and that layer', async () => {
    const s = await schedule('Layer later');
    const day = s.layers[0]?.id;
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: day, userId: ids['dave'], start: plus(4), end: plus(5) })).status).toBe(201);
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/fixed-shifts`, { layerId: day, userId: ids['carol'], start: plus(6), end: plus(7) })).status).toBe(201);
    expect(untils(await onCall(s.id)).slice(0, 2)).toEqual([plus(4), plus(4)]);
    // After the override, the fixed shift is the next change.
    expect(untils(await onCall(s.id, plus(5))).slice(0, 2)).toEqual([plus(6), plus(6)]);
    // The list of every schedule answers the same way.
    const all = (await t.admin.get('/api/v1/on-call')).body.items as (View & { scheduleId: string })[];
    expect(untils(all.find((x) => x.scheduleId === s.id) as View).slice(0, 2)).toEqual([plus(4), plus(4)]);
  });

  it("a later override on a lower layer cuts that layer's until", async () => {
    const s = await schedule('Backup later');
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: s.layers[1]?.id, userId: ids['dave'], start: plus(1), end: plus(2) })).status).toBe(201);
    const v = await onCall(s.id);
    expect(v.primary?.user.id).toBe(ids['alice']);
    expect(untils(v)).toEqual([plus(1), TURN_END, plus(1)]);
  });
});
