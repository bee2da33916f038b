import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6); Day's turn (alice) runs to Wednesday 09:00.
const NOW = '2026-03-03T16:00:00.000Z';
const TURN_END = '2026-03-04T15:00:00.000Z';
const HOUR = 3_600_000;
const plus = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

type Ref = { user: { id: string } };
type View = {
  until: string | null;
  primary: Ref | null;
  shadows: Ref[];
  layers: (Ref & { shadows: Ref[]; active: boolean })[];
  reachability: { userId: string }[];
};

describeEachDatabase('shadow overrides: someone paged alongside the person on call', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: NOW });
  });

  async function schedule(name: string, day: object = {}) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [
        { name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob']], ...day },
        { name: 'Backup', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['carol']] },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; layers: { id: string }[] };
  }
  const onCall = async (id: string, at = NOW): Promise<View> => (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body;
  const userIds = (refs: Ref[]) => refs.map((r) => r.user.id);

  it('a layer shadow keeps the primary, is listed under it and on its layer, and until stops where it ends', async () => {
    const s = await schedule('Shadowed day');
    const created = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: s.layers[0]?.id, userId: ids['dave'], mode: 'shadow', start: NOW, end: plus(4) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ layerId: s.layers[0]?.id, mode: 'shadow', user: { id: ids['dave'] } });

    const v = await onCall(s.id);
    expect(v.primary?.user.id).toBe(ids['alice']);
    expect(userIds(v.shadows)).toEqual([ids['dave']]);
    expect(userIds(v.layers[0]!.shadows)).toEqual([ids['dave']]);
    expect(v.layers[1]!.shadows).toEqual([]);
    expect(v.until).toBe(plus(4));
    expect(v.reachability.map((r) => r.userId)).toContain(ids['dave']);
    // After it, alice alone until her turn ends.
    const after = await onCall(s.id, plus(4));
    expect([after.primary?.user.id, after.shadows, after.until]).toEqual([ids['alice'], [], TURN_END]);

    const list = await t.admin.get(`/api/v1/schedules/${s.id}/overrides?from=${NOW}&to=${plus(24)}`);
    expect(list.body.items.map((o: { mode: string; user: { id: string } }) => [o.mode, o.user.id])).toEqual([['shadow', ids['dave']]]);

    const timeline = (await t.admin.get(`/api/v1/schedules/${s.id}/timeline?from=${NOW}&to=${plus(6)}`)).body;
    expect(timeline.final.map((f: { start: string; user: { id: string }; shadows: Ref[] }) => [f.start, f.user.id, userIds(f.shadows)])).toEqual([
      [NOW, ids['alice'], [ids['dave']]],
      [plus(4), ids['alice'], []],
    ]);
    expect(userIds(timeline.layers[0].segments[0].shadows)).toEqual([ids['dave']]);
  });

  it('an override without a mode replaces, and says so', async () => {
    const s = await schedule('Replaced day');
    const created = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: s.layers[0]?.id, userId: ids['dave'], start: NOW, end: plus(1) });
    expect(created.body.mode).toBe('replace');
    const v = await onCall(s.id);
    expect([v.primary?.user.id, v.shadows]).toEqual([ids['dave'], []]);
  });

  it('a schedule-wide shadow is paged with whoever is primary, and alone in a gap, which the timeline still shows as a gap', async () => {
    // Day only 09:00–17:00 local, and no backup: 17:00 (23:00Z) starts a gap.
    const res = await t.admin.post('/api/v1/schedules', {
      name: 'Business hours only',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [ids['alice']] }],
    });
    const id = res.body.id as string;
    expect((await t.admin.post(`/api/v1/schedules/${id}/overrides`, { userId: ids['bob'], mode: 'shadow', start: NOW, end: plus(9) })).status).toBe(201);
    const day = await onCall(id);
    expect([day.primary?.user.id, userIds(day.shadows), day.until]).toEqual([ids['alice'], [ids['bob']], plus(7)]);
    const night = await onCall(id, plus(8));
    expect([night.primary, userIds(night.shadows), night.until]).toEqual([null, [ids['bob']], plus(9)]);
    const timeline = (await t.admin.get(`/api/v1/schedules/${id}/timeline?from=${NOW}&to=${plus(12)}`)).body;
    expect(timeline.gaps).toEqual([{ start: plus(7), end: plus(12) }]);
  });

  it("the schedule's calendar feed has one event per shift of the primary, not cut where a shadow joins or leaves", async () => {
    const s = await schedule('Shadowed feed');
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: s.layers[0]?.id, userId: ids['dave'], mode: 'shadow', start: NOW, end: plus(4) })).status).toBe(201);
    const url = new URL((await t.admin.post('/api/v1/me/calendar-feeds', { scheduleId: s.id })).body.url);
    const feed = new ICAL.Component(ICAL.parse((await t.anonymous.get(`${url.pathname}${url.search}`)).body));
    const events = feed.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const current = events.filter((e) => e.startDate.toJSDate().getTime() <= Date.parse(NOW) && Date.parse(NOW) < e.endDate.toJSDate().getTime());
    expect(current.map((e) => [e.summary, e.endDate.toJSDate().toISOString()])).toEqual([['On call: Alice Senior', TURN_END]]);
  });

  it('refuses a mode it does not know, with the field path', async () => {
    const s = await schedule('Bad mode');
    const res = await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], mode: 'sidecar', start: NOW, end: plus(1) });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/body/mode');
  });
});
