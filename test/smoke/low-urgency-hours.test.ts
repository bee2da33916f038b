import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const FRIDAY_20 = '2026-03-07T02:00:00.000Z'; // Friday 6 March, 20:00 America/Chicago (CST)
const MONDAY_0859 = Date.parse('2026-03-09T13:59:00.000Z'); // Monday 08:59 CDT: DST began on Sunday
const MIN = 60_000;

/**
 * The whole server with a frozen clock: Gus takes low-urgency pages in business hours
 * only. A low-urgency incident on Friday evening pages him on Monday at 09:00, his time,
 * across the start of DST; a high-urgency one pages at once; an acknowledgement meanwhile
 * cancels the held page.
 */
describeEachDatabase('low-urgency pages wait for business hours', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: FRIDAY_20 });
  let receiver: WebhookReceiver;
  let seen = 0;
  let teamId = '';
  const monitors: Record<'high' | 'low', string> = { high: '', low: '' };

  const now = async () => Date.parse((await t.anonymous.get('/api/v1/test/clock')).body.now);
  async function advanceTo(at: number) {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: at - (await now()) });
    await t.vigil.engine.runOnce();
  }
  const pages = () => {
    const fresh = receiver.received.slice(seen);
    seen = receiver.received.length;
    return fresh.map((r) => r.body.incident?.title);
  };
  async function alert(urgency: 'high' | 'low', title: string) {
    const res = await t.admin.post(`/api/v1/monitors/${monitors[urgency]}/alerts`, { title });
    expect(res.status).toBe(201);
    await t.vigil.engine.runOnce();
    return res.body.incident.id as string;
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const gus = (await t.admin.post('/api/v1/users', { email: 'gus@example.com', name: 'Gus', role: 'responder', timeZone: 'America/Chicago' })).body.id;
    expect((await t.admin.post(`/api/v1/users/${gus}/contact-methods`, { kind: 'webhook', address: receiver.url('/gus') })).status).toBe(201);
    const set = await t.admin.patch(`/api/v1/users/${gus}`, { lowUrgencyHours: { kind: 'business_hours' } });
    expect(set.body.lowUrgencyHours).toEqual({ kind: 'business_hours' });
    const policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Gus only', teamId, steps: [{ waitSeconds: 3600, targets: [{ type: 'user', userId: gus }] }] })).body.id;
    for (const urgency of ['high', 'low'] as const) {
      monitors[urgency] = (await t.admin.post('/api/v1/monitors', { name: `Gus ${urgency}`, teamId, policyId, urgency })).body.id;
    }
  });
  afterAll(() => receiver.close());

  it('pages high urgency at once, and low urgency when his hours begin', async () => {
    await alert('high', 'Site down');
    expect(pages()).toEqual(['Site down']);
    await alert('low', 'Report late');
    await alert('low', 'Backup slow');
    expect(pages()).toEqual([]);
    await advanceTo(MONDAY_0859);
    expect(pages()).toEqual([]);
    await advanceTo(MONDAY_0859 + MIN);
    expect(pages().sort()).toEqual(['Backup slow', 'Report late']);
  });

  it('an acknowledgement before his hours cancels the held page', async () => {
    // Monday 17:30 CDT: after hours again.
    await advanceTo(Date.parse('2026-03-09T22:30:00.000Z'));
    const id = await alert('low', 'Queue growing');
    await t.admin.post(`/api/v1/incidents/${id}/acknowledge`);
    await advanceTo(Date.parse('2026-03-10T14:01:00.000Z'));
    expect(pages()).toEqual([]);
  });

  it('refuses hours it cannot read, with the field path', async () => {
    const gus = ((await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[]).find((u) => u.email === 'gus@example.com')?.id;
    const same = await t.admin.patch(`/api/v1/users/${gus}`, { lowUrgencyHours: { kind: 'daily', windows: [{ days: [1], startTime: '09:00', endTime: '09:00' }] } });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].path).toBe('/body/lowUrgencyHours/windows/0/endTime');
    const weekends = await t.admin.patch(`/api/v1/users/${gus}`, { lowUrgencyHours: { kind: 'weekends' } });
    expect(weekends.status).toBe(400);
    expect((await t.admin.get(`/api/v1/users/${gus}`)).body.lowUrgencyHours).toEqual({ kind: 'business_hours' });
  });
});
