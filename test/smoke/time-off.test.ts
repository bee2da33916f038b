import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp, type Caller } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago
const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00: a new daily rota starts with alice, to Wednesday 09:00
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(Date.parse(TUE_10) + ms).toISOString();
const PASSWORD = 'time-off-smoke-password';

interface Received {
  type: string;
  notice?: { subject: string; text: string };
  incident?: { title: string } | null;
}

/**
 * The whole server with the test clock and real webhook deliveries: Alice, on call,
 * records time off; the timeline shows Bob covering her, Bob is told his shifts moved,
 * and an incident in that span pages Bob, not Alice. Once she is back, she is paged again.
 */
describeEachDatabase('time off smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids = useDemoIds(t);
  let receiver: WebhookReceiver;
  let alice: Caller;
  let scheduleId = '';
  let monitorId = '';

  const got = (who: string) => receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body as unknown as Received);
  const pages = (who: string) => got(who).flatMap((r) => (r.type === 'notice' ? [] : [r.incident?.title ?? r.type]));
  const notices = (who: string) => got(who).flatMap((r) => (r.type === 'notice' && r.notice ? [r.notice] : []));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    for (const who of ['alice', 'bob', 'carol']) {
      expect((await t.admin.post(`/api/v1/users/${ids[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) })).status).toBe(201);
    }
    expect((await t.admin.patch(`/api/v1/users/${ids['alice']}`, { password: PASSWORD })).status).toBe(200);
    alice = await t.login('alice@example.com', PASSWORD);
    await t.anonymous.post('/api/v1/test/clock', { set: TUE_10 });
    const schedule = await t.admin.post('/api/v1/schedules', {
      name: 'Daily rota',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob'], ids['carol']] }],
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'daily rota', teamId: ids['team'], steps: [{ waitSeconds: 900, targets: [{ type: 'schedule', scheduleId }] }] });
    monitorId = (await t.admin.post('/api/v1/monitors', { name: 'daily rota', teamId: ids['team'], policyId: policy.body.id })).body.id;
    await t.vigil.engine.runOnce();
  });
  afterAll(() => receiver.close());

  it('Alice records time off: Bob covers her in the timeline, is told, and is the one paged', async () => {
    const before = (await t.admin.get(`/api/v1/schedules/${scheduleId}/on-call`)).body;
    expect(before.primary.user.id).toBe(ids['alice']);

    const away = await alice.post(`/api/v1/users/${ids['alice']}/time-off`, { start: TUE_10, end: at(4 * HOUR), note: 'Dentist' });
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
