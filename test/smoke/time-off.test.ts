import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { monitorPaging, useDemoOnWebhooks } from '../support/demo-on-webhooks.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago
const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00: a new daily rota starts with alice, to Wednesday 09:00
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(Date.parse(TUE_10) + ms).toISOString();
const PASSWORD = 'time-off-smoke-password';

/**
 * The whole server with the test clock and real webhook deliveries: Alice, on call,
 * records time off; the timeline shows Bob covering her, Bob is told his shifts moved,
 * and an incident in that span pages Bob, not Alice. Once she is back, she is paged again.
 */
describeEachDatabase('time off smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids = useDemoIds(t);
  const { as, got, notices } = useDemoOnWebhooks(t, ids, ['alice', 'bob', 'carol'], PASSWORD);
  let scheduleId = '';
  let monitorId = '';

  const pages = (who: string) => got(who).flatMap((r) => (r.type === 'notice' ? [] : [r.incident?.title ?? r.type]));

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Daily rota',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob'], ids['carol']] }],
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
    monitorId = await monitorPaging(t, ids['team'] as string, scheduleId, 'daily rota');
    await t.vigil.engine.runOnce();
  });

  it('Alice records time off: Bob covers her in the timeline, is told, and is the one paged', async () => {
    const before = (await t.admin.get(`/api/v1/schedules/${scheduleId}/on-call`)).body;
    expect(before.primary.user.id).toBe(ids['alice']);

    const away = await as['alice']!.post(`/api/v1/users/${ids['alice']}/time-off`, { start: TUE_10, end: at(4 * HOUR), note: 'Dentist' });
    expect(away.status).toBe(201);

    const timeline = (await t.admin.get(`/api/v1/schedules/${scheduleId}/timeline?from=${TUE_10}&to=${at(6 * HOUR)}`)).body;
    expect(timeline.final.map((f: { start: string; user: { id: string }; source: string; coverFor: { id: string } | null }) => [f.start, f.user.id, f.source, f.coverFor?.id ?? null])).toEqual([
      [TUE_10, ids['bob'], 'cover', ids['alice']],
      [at(4 * HOUR), ids['alice'], 'rotation', null],
    ]);

    const incident = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'While Alice is away' });
    expect(incident.status).toBe(201);
    await t.vigil.engine.runOnce();
    expect(pages('bob')).toEqual(['While Alice is away']);
    expect(pages('alice')).toEqual([]);
    // Bob hears that his shifts changed; Alice, who made the change, does not.
    expect(notices('bob').map((n) => n.subject)).toEqual(['Your on-call shifts changed: Daily rota']);
    expect(notices('bob')[0]?.text).toMatch(/new shift/);
    expect(notices('alice')).toEqual([]);
    await t.admin.post(`/api/v1/incidents/${incident.body.incident.id}/resolve`);
  });

  it('once she is back, Alice is paged again', async () => {
    await t.anonymous.post('/api/v1/test/clock', { set: at(4 * HOUR + 5 * MIN) });
    const incident = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Alice is back' });
    await t.vigil.engine.runOnce();
    expect(pages('alice')).toEqual(['Alice is back']);
    expect(pages('bob')).toEqual(['While Alice is away']);
    await t.admin.post(`/api/v1/incidents/${incident.body.incident.id}/resolve`);
  });
});
