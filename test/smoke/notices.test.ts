import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago

interface Notice {
  type: string;
  notice?: { subject: string; text: string };
}

describeEachDatabase('handoff notices and daily summaries', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};

  const at = async (iso: string) => {
    await t.anonymous.post('/api/v1/test/clock', { set: iso });
    await t.vigil.engine.runOnce();
  };
  const notices = (who: string) => receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body as unknown as Notice);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    for (const u of users) ids[u.email.split('@')[0] as string] = u.id;
    for (const who of ['alice', 'bob']) await t.admin.post(`/api/v1/users/${ids[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) });
  });
  afterAll(() => receiver.close());

  it('tells an opted-in user when their shift starts, once', async () => {
    const patched = await t.admin.patch(`/api/v1/users/${ids['alice']}`, { notifyHandoffs: true });
    expect(patched.body.notifyHandoffs).toBe(true);
    await at('2026-03-02T14:50:00.000Z'); // 08:50: queued, not yet due
    expect(notices('alice')).toEqual([]);
    await at('2026-03-02T15:00:00.000Z'); // 09:00 CST, Alice's business-hours shift
    expect(notices('alice')).toEqual([
      {
        type: 'notice',
        idempotencyKey: expect.any(String),
        recipient: 'Alice Senior',
        incident: null,
        notice: { subject: 'On call: Platform on-call', text: 'You are on call for Platform on-call from Mon, Mar 2, 09:00 CST to Mon, Mar 2, 17:00 CST.' },
      },
    ]);
    await at('2026-03-02T15:05:00.000Z');
    expect(notices('alice')).toHaveLength(1);
    // Bob did not opt in, although his after-hours shift starts at 17:00 CST.
    await at('2026-03-02T23:01:00.000Z');
    expect(notices('bob')).toEqual([]);
  });

  it('sends a daily summary at the chosen local time, once a day', async () => {
    await t.admin.patch(`/api/v1/users/${ids['bob']}`, { dailySummaryTime: '08:00' });
    await at('2026-03-03T13:59:00.000Z'); // Tuesday 07:59 CST
    expect(notices('bob')).toEqual([]);
    await at('2026-03-03T14:00:00.000Z');
    await at('2026-03-03T14:30:00.000Z');
    const summaries = notices('bob');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.notice?.subject).toBe('Your on-call today');
    expect(summaries[0]?.notice?.text).toMatch(/^(Your on-call in the next 24 hours:\nPlatform on-call: |You are not on call)/);
    await at('2026-03-04T14:00:00.000Z'); // the next day, again
    expect(notices('bob')).toHaveLength(2);
    const bad = await t.admin.patch(`/api/v1/users/${ids['bob']}`, { dailySummaryTime: '25:00' });
    expect(bad.body.errors[0].path).toBe('/body/dailySummaryTime');
  });
});
