import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { monitorPaging, useDemoOnWebhooks } from '../support/demo-on-webhooks.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago
const TUE_10 = '2026-03-03T16:00:00.000Z';
// Alice is on call from now until Monday 16 March; she asks for Wednesday 11 March 09:00–17:00 CDT.
const SPAN = { start: '2026-03-11T14:00:00.000Z', end: '2026-03-11T22:00:00.000Z' };
const PASSWORD = 'cover-smoke-password';

/**
 * The whole server with the test clock and real webhook deliveries: Alice asks for cover,
 * Bob and Carol are told, Carol (the second asked) accepts, both sides hear of it, Bob hears
 * it is taken, and an incident in that span pages Carol; then a request withdrawn and one
 * that expires, with every notice each of them gets.
 */
describeEachDatabase('cover request smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids = useDemoIds(t);
  const { as, got, ...delivered } = useDemoOnWebhooks(t, ids, ['alice', 'bob', 'carol'], PASSWORD);
  const notices = (who: string) => delivered.notices(who).map((n) => n.subject);
  let scheduleId = '';
  let layerId = '';
  let monitorId = '';

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Weekly',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Week', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['alice'], ids['bob'], ids['carol']], rotationStart: { at: '2026-03-03T10:00', member: 0 } }],
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
    layerId = schedule.body.layers[0].id;
    monitorId = await monitorPaging(t, ids['team'] as string, scheduleId, 'weekly');
    await t.vigil.engine.runOnce();
  });

  it('asks Bob and Carol, Carol takes it, both sides are told, and Carol is paged in that span', async () => {
    const asked = await as['alice']!.post(`/api/v1/schedules/${scheduleId}/cover-requests`, { layerId, ...SPAN, note: 'Dentist' });
    expect(asked.status).toBe(201);
    expect(asked.body.asked.map((u: { id: string }) => u.id).sort()).toEqual([ids['bob'], ids['carol']].sort());
    await t.vigil.engine.runOnce();
    expect(notices('bob')).toEqual(['Can you cover Weekly (Week)?']);
    expect(notices('carol')).toEqual(['Can you cover Weekly (Week)?']);
    expect(got('carol')[0]?.notice?.text).toBe(
      `Alice Senior asks for cover on Weekly (Week) from Wed, Mar 11, 09:00 CDT to Wed, Mar 11, 17:00 CDT.\nNote: Dentist\nThe first to accept gets it: http://127.0.0.1:8080/cover-requests#${asked.body.id}`,
    );
    expect(notices('alice')).toEqual([]);

    const taken = await as['carol']!.post(`/api/v1/schedules/${scheduleId}/cover-requests/${asked.body.id}/accept`);
    expect([taken.status, taken.body.acceptedBy?.id]).toEqual([200, ids['carol']]);
    expect((await as['bob']!.post(`/api/v1/schedules/${scheduleId}/cover-requests/${asked.body.id}/accept`)).status).toBe(409);
    await t.vigil.engine.runOnce();
    expect(notices('alice')).toEqual(['Cover found: Weekly (Week)']);
    expect(got('alice')[0]?.notice?.text).toBe('Carol Night covers Weekly (Week) for you from Wed, Mar 11, 09:00 CDT to Wed, Mar 11, 17:00 CDT. You are not on call then.');
    expect(notices('carol')).toEqual(['Can you cover Weekly (Week)?', 'You cover Weekly (Week)']);
    // Bob, asked first, hears it is taken, so he does not act on a stale request.
    expect(notices('bob')).toEqual(['Can you cover Weekly (Week)?', 'Cover taken: Weekly (Week)']);
    expect(got('bob')[1]?.notice?.text).toBe("Carol Night took Alice Senior's request for cover on Weekly (Week) from Wed, Mar 11, 09:00 CDT to Wed, Mar 11, 17:00 CDT. Nothing to do for you.");

    await t.anonymous.post('/api/v1/test/clock', { set: '2026-03-11T16:00:00.000Z' });
    const raised = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title: 'Covered down' });
    expect(raised.status).toBe(201);
    await t.vigil.engine.runOnce();
    const paged = (who: string) => got(who).filter((r) => r.incident?.title === 'Covered down');
    expect([paged('alice').length, paged('bob').length, paged('carol').length]).toEqual([0, 0, 1]);
  });

  /** Every notice each of them has had since `before` (subjects, as delivered). */
  const since = (before: Record<string, number>) => Object.fromEntries(['alice', 'bob', 'carol'].map((who) => [who, notices(who).slice(before[who])]));
  const counts = () => Object.fromEntries(['alice', 'bob', 'carol'].map((who) => [who, notices(who).length]));

  it('tells everyone asked when the request is withdrawn, once each', async () => {
    const before = counts();
    const asked = await as['alice']!.post(`/api/v1/schedules/${scheduleId}/cover-requests`, { layerId, start: '2026-03-13T14:00:00.000Z', end: '2026-03-13T22:00:00.000Z' });
    expect(asked.status).toBe(201);
    expect((await as['alice']!.post(`/api/v1/schedules/${scheduleId}/cover-requests/${asked.body.id}/withdraw`)).status).toBe(200);
    await t.vigil.engine.runOnce();
    expect(since(before)).toEqual({
      alice: [],
      bob: ['Can you cover Weekly (Week)?', 'Cover no longer needed: Weekly (Week)'],
      carol: ['Can you cover Weekly (Week)?', 'Cover no longer needed: Weekly (Week)'],
    });
    expect(got('carol').at(-1)?.notice?.text).toBe('Alice Senior withdrew the request for cover on Weekly (Week) from Fri, Mar 13, 09:00 CDT to Fri, Mar 13, 17:00 CDT. Nothing to do for you.');
  });

  it('tells the requester and everyone asked when a request expires untaken at its start, once each', async () => {
    const before = counts();
    const asked = await as['alice']!.post(`/api/v1/schedules/${scheduleId}/cover-requests`, { layerId, start: '2026-03-14T14:00:00.000Z', end: '2026-03-14T22:00:00.000Z' });
    expect(asked.status).toBe(201);
    await t.anonymous.post('/api/v1/test/clock', { set: '2026-03-14T13:59:00.000Z' });
    await t.vigil.engine.runOnce();
    expect(since(before)).toEqual({ alice: [], bob: ['Can you cover Weekly (Week)?'], carol: ['Can you cover Weekly (Week)?'] });

    await t.anonymous.post('/api/v1/test/clock', { set: '2026-03-14T14:00:00.000Z' });
    await t.vigil.engine.runOnce();
    // Later passes (every node's, every minute) tell nobody again.
    await t.anonymous.post('/api/v1/test/clock', { set: '2026-03-14T14:05:00.000Z' });
    await t.vigil.engine.runOnce();
    expect(since(before)).toEqual({
      alice: ['No cover found: Weekly (Week)'],
      bob: ['Can you cover Weekly (Week)?', 'Cover request expired: Weekly (Week)'],
      carol: ['Can you cover Weekly (Week)?', 'Cover request expired: Weekly (Week)'],
    });
    expect(got('alice').at(-1)?.notice?.text).toBe('Nobody took your request for cover on Weekly (Week) from Sat, Mar 14, 09:00 CDT to Sat, Mar 14, 17:00 CDT. You are still on call then.');
    expect(got('bob').at(-1)?.notice?.text).toBe("Alice Senior's request for cover on Weekly (Week) from Sat, Mar 14, 09:00 CDT to Sat, Mar 14, 17:00 CDT expired untaken. Nothing to do for you.");
  });
});
