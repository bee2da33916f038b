import { afterAll, beforeAll, expect, it } from 'vitest';
import { planNotices } from '../../src/engine/notice-planner.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago

interface Notice {
  type: string;
  notice?: { subject: string; text: string };
}

describeEachDatabase('handoff notices ahead of time', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids = useDemoIds(t);
  let receiver: WebhookReceiver;

  const at = async (iso: string) => {
    await t.anonymous.post('/api/v1/test/clock', { set: iso });
    await t.vigil.engine.runOnce();
  };
  // Alice manages the demo team, so other notices (coverage gaps) may reach her too.
  const notices = (who: string) =>
    receiver.received
      .filter((r) => r.path === `/${who}`)
      .map((r) => (r.body as unknown as Notice).notice)
      .filter((n) => n?.subject.startsWith('On call'));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await t.admin.post(`/api/v1/users/${ids['alice']}/contact-methods`, { kind: 'webhook', address: receiver.url('/alice') });
  });
  afterAll(() => receiver.close());

  it('tells Alice her lead time before her shift, once, beside the notice at its start', async () => {
    const bad = await t.admin.patch(`/api/v1/users/${ids['alice']}`, { handoffLeadMinutes: 5 });
    expect([bad.status, bad.body.errors?.[0]?.path]).toEqual([400, '/body/handoffLeadMinutes']);
    const set = await t.admin.patch(`/api/v1/users/${ids['alice']}`, { handoffLeadMinutes: 120, notifyHandoffs: true });
    expect(set.body).toMatchObject({ handoffLeadMinutes: 120, notifyHandoffs: true });

    await at('2026-03-02T12:55:00.000Z'); // 06:55: queued, not yet due
    expect(notices('alice')).toEqual([]);
    await at('2026-03-02T13:00:00.000Z'); // 07:00, two hours before her 09:00 shift
    const ahead = {
      subject: 'On call in 2 h: Platform on-call',
      text: 'You are on call for Platform on-call from Mon, Mar 2, 09:00 CST (in 2 h) to Mon, Mar 2, 17:00 CST.',
    };
    expect(notices('alice')).toEqual([ahead]);
    // Every node plans every minute: the same notice is never queued twice.
    const { db } = t.vigil.database;
    await planNotices(db, Date.parse('2026-03-02T13:01:00.000Z'));
    await planNotices(db, Date.parse('2026-03-02T13:01:00.000Z'));
    await at('2026-03-02T13:05:00.000Z');
    expect(notices('alice')).toEqual([ahead]);

    await at('2026-03-02T15:00:00.000Z'); // 09:00: the notice at the start, as before
    expect(notices('alice')).toEqual([ahead, { subject: 'On call: Platform on-call', text: 'You are on call for Platform on-call from Mon, Mar 2, 09:00 CST to Mon, Mar 2, 17:00 CST.' }]);

    // Off again: Tuesday's shift gets no notice ahead.
    expect((await t.admin.patch(`/api/v1/users/${ids['alice']}`, { handoffLeadMinutes: null, notifyHandoffs: false })).body.handoffLeadMinutes).toBeNull();
    await at('2026-03-03T13:00:00.000Z');
    await at('2026-03-03T15:00:00.000Z');
    expect(notices('alice')).toHaveLength(2);
  });
});
