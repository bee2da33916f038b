import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { verifyWebhookSignature } from '../../src/security/webhook-signature.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago
const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00
const MIN = 60_000;

/**
 * The whole server with a frozen clock: alerts go in through the API, pages come out as
 * real HTTP webhooks to a local receiver. Strict: every test asserts the complete list
 * of pages, so an unexpected notification fails it.
 */
describeEachDatabase('escalation smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};
  let teamId = '';
  let seen = 0;

  const clock = (body: object) => t.anonymous.post('/api/v1/test/clock', body);
  /** Advances the clock and lets the engine finish everything that became due. */
  async function advance(ms: number) {
    await clock({ advanceMs: ms });
    await t.vigil.engine.runOnce();
  }
  /** Pages received since the last call, as "who:incident title" ("who:notice subject" for notices). */
  function newPages(): string[] {
    const fresh = receiver.received.slice(seen);
    seen = receiver.received.length;
    const notice = (r: (typeof fresh)[number]) => (r.body as { notice?: { subject: string } }).notice;
    return fresh.map((r) => `${r.path.slice(1)}:${r.body.incident?.title ?? (notice(r) ? `notice ${notice(r)?.subject}` : 'test')}`);
  }

  async function schedule(name: string, member: string) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId,
      timeZone: 'America/Chicago',
      layers: [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: member ? [ids[member]] : [] }],
    });
    expect(res.status).toBe(201);
    // The empty schedule is empty on purpose: its daily coverage-gap notice (tested in
    // coverage-gap-alerts.test.ts) would otherwise land in whichever test runs then.
    if (!member) expect((await t.admin.patch(`/api/v1/schedules/${res.body.id}`, { gapAlertDays: 0 })).status).toBe(200);
    return res.body.id as string;
  }

  let policies = 0;
  async function policy(body: object) {
    // Policy names are unique within a team.
    const res = await t.admin.post('/api/v1/escalation-policies', { name: `p${++policies}`, teamId, ...body });
    expect(res.status).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: `m-${res.body.id}`, teamId, policyId: res.body.id });
    expect(monitor.status).toBe(201);
    return { policyId: res.body.id as string, monitorId: monitor.body.id as string };
  }

  async function alert(monitorId: string, title: string, dedupKey?: string) {
    const res = await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title, ...(dedupKey && { dedupKey }) });
    await t.vigil.engine.runOnce();
    return res;
  }

  const timeline = async (incidentId: string): Promise<string[]> =>
    (await t.admin.get(`/api/v1/incidents/${incidentId}`)).body.timeline.map((e: { kind: string }) => e.kind);

  let l1 = '';
  let l2 = '';
  let empty = '';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    for (const u of users) ids[u.email.split('@')[0] as string] = u.id;
    teamId = (await t.admin.get('/api/v1/teams')).body.items.find((x: { name: string }) => x.name === 'Platform').id;
    for (const who of ['alice', 'bob', 'carol']) {
      const cm = await t.admin.post(`/api/v1/users/${ids[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) });
      expect(cm.status).toBe(201);
    }
    l1 = await schedule('L1', 'alice');
    l2 = await schedule('L2', 'bob');
    empty = await schedule('Nobody', '');
    await clock({ set: TUE_10 });
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    expect(newPages()).toEqual([]);
  });

  const seedSteps = () => [
    { waitSeconds: 900, targets: [{ type: 'schedule', scheduleId: l1 }] },
    { waitSeconds: 900, targets: [{ type: 'schedule', scheduleId: l2 }] },
  ];

  it('runs the seed flow: L1 now, L2 after 15 minutes, ack stops pages, resolve ends it', async () => {
    const { monitorId } = await policy({ steps: seedSteps() });
    const res = await alert(monitorId, 'API down');
    expect(res.status).toBe(201);
    const id = res.body.incident.id;
    expect(newPages()).toEqual(['alice:API down']);

    await advance(14 * MIN);
    expect(newPages()).toEqual([]);
    await advance(MIN);
    expect(newPages()).toEqual(['bob:API down']);

    const ack = await t.admin.post(`/api/v1/incidents/${id}/acknowledge`);
    expect(ack.body.status).toBe('acknowledged');
    await advance(60 * MIN);
    expect(newPages()).toEqual([]);
    const resolved = await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    expect(resolved.body.status).toBe('resolved');
    expect((await t.admin.post(`/api/v1/incidents/${id}/acknowledge`)).body.code).toBe('incident_resolved');
    expect(await timeline(id)).toEqual(['triggered', 'escalated', 'notified', 'escalated', 'notified', 'acknowledged', 'resolved']);
  });

  it('repeats the policy and then stays triggered with a log entry', async () => {
    const { monitorId } = await policy({ steps: seedSteps(), repeat: 1 });
    const id = (await alert(monitorId, 'Repeat')).body.incident.id;
    for (let i = 0; i < 5; i++) await advance(15 * MIN);
    expect(newPages()).toEqual(['alice:Repeat', 'bob:Repeat', 'alice:Repeat', 'bob:Repeat']);
    const detail = (await t.admin.get(`/api/v1/incidents/${id}`)).body;
    expect(detail.status).toBe('triggered');
    expect(detail.nextActionAt).toBeNull();
    expect((await timeline(id)).at(-1)).toBe('exhausted');
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('skips a step that reaches nobody at once and logs it', async () => {
    const { monitorId } = await policy({
      name: 'Empty first',
      steps: [{ waitSeconds: 600, targets: [{ type: 'schedule', scheduleId: empty }] }, { waitSeconds: 600, targets: [{ type: 'schedule', scheduleId: l2 }] }],
    });
    const id = (await alert(monitorId, 'Skip')).body.incident.id;
    // A first step that reaches nobody is also a paging-health problem: Alice manages the team.
    expect(newPages().sort()).toEqual(['alice:notice Escalation policy "Empty first" reaches nobody', 'bob:Skip']);
    expect(await timeline(id)).toEqual(['triggered', 'step_skipped', 'escalated', 'notified']);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('returns an acknowledged incident to triggered when the ack times out', async () => {
    const { monitorId } = await policy({ steps: seedSteps(), ackTimeoutSeconds: 1800 });
    const id = (await alert(monitorId, 'Ack timeout')).body.incident.id;
    expect(newPages()).toEqual(['alice:Ack timeout']);
    await advance(MIN);
    await t.admin.post(`/api/v1/incidents/${id}/acknowledge`);
    await advance(29 * MIN);
    expect(newPages()).toEqual([]);
    await advance(MIN);
    expect(newPages()).toEqual(['alice:Ack timeout']);
    expect((await t.admin.get(`/api/v1/incidents/${id}`)).body.status).toBe('triggered');
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('snoozes: no pages until the snooze ends, then step 1 again and the escalation from there', async () => {
    const { monitorId } = await policy({ steps: seedSteps() });
    const id = (await alert(monitorId, 'Snoozy')).body.incident.id;
    expect(newPages()).toEqual(['alice:Snoozy']);
    const snoozed = await t.admin.post(`/api/v1/incidents/${id}/snooze`, { minutes: 60 });
    expect(snoozed.body).toMatchObject({ status: 'acknowledged' });
    await advance(59 * MIN);
    expect(newPages()).toEqual([]);
    await advance(MIN);
    expect(newPages()).toEqual(['alice:Snoozy']);
    await advance(15 * MIN);
    expect(newPages()).toEqual(['bob:Snoozy']);
    expect(await timeline(id)).toEqual(expect.arrayContaining(['snoozed', 'ack_timeout']));
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    const late = await t.admin.post(`/api/v1/incidents/${id}/snooze`, { minutes: 5 });
    expect(late.status).toBe(409);
    expect((await t.admin.post(`/api/v1/incidents/${id}/snooze`, { minutes: 0 })).body.errors[0].path).toBe('/body/minutes');
  });

  it('adds responders: pages each of them now, and takes status updates even once resolved', async () => {
    const { monitorId } = await policy({ steps: seedSteps() });
    const id = (await alert(monitorId, 'All hands')).body.incident.id;
    expect(newPages()).toEqual(['alice:All hands']);
    const unknown = await t.admin.post(`/api/v1/incidents/${id}/responders`, { userIds: [ids['bob'], '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('/body/userIds/1');
    expect(newPages()).toEqual([]);
    const added = await t.admin.post(`/api/v1/incidents/${id}/responders`, { userIds: [ids['bob'], ids['carol']] });
    expect(added.status).toBe(200);
    await t.vigil.engine.runOnce();
    expect(newPages().sort()).toEqual(['bob:All hands', 'carol:All hands']);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    const update = await t.admin.post(`/api/v1/incidents/${id}/status-updates`, { text: 'Fixed by rolling back 1.4.2' });
    expect(update.status).toBe(201);
    expect(update.body.timeline.at(-1)).toMatchObject({ kind: 'status_update', data: { text: 'Fixed by rolling back 1.4.2' } });
  });

  it('folds alerts with the same dedup key into the open incident, and never reopens a resolved one', async () => {
    const { monitorId } = await policy({ steps: seedSteps() });
    const first = await alert(monitorId, 'Disk full', 'disk');
    const second = await alert(monitorId, 'Disk full again', 'disk');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: false, incident: { id: first.body.incident.id, alertCount: 2 } });
    expect(newPages()).toEqual(['alice:Disk full']);
    await t.admin.post(`/api/v1/incidents/${first.body.incident.id}/resolve`);
    const third = await alert(monitorId, 'Disk full once more', 'disk');
    expect(third.status).toBe(201);
    expect(third.body.incident.id).not.toBe(first.body.incident.id);
    expect(newPages()).toEqual(['alice:Disk full once more']);
    await t.admin.post(`/api/v1/incidents/${third.body.incident.id}/resolve`);
  });

  it('keeps the policy snapshot when the policy is edited mid-incident', async () => {
    const { policyId, monitorId } = await policy({ steps: seedSteps() });
    const id = (await alert(monitorId, 'Snapshot')).body.incident.id;
    const edited = await t.admin.put(`/api/v1/escalation-policies/${policyId}`, {
      name: 'Snapshot edited',
      teamId,
      steps: [{ waitSeconds: 900, targets: [{ type: 'user', userId: ids['carol'] }] }],
    });
    expect(edited.status).toBe(200);
    await advance(15 * MIN);
    expect(newPages()).toEqual(['alice:Snapshot', 'bob:Snapshot']);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('escalates and reassigns by hand, and cancels delayed notification rules on ack', async () => {
    const bobRules = await t.admin.get(`/api/v1/users/${ids['bob']}/notification-rules`);
    const cm = bobRules.body[0].contactMethodId;
    const delayed = await t.admin.post(`/api/v1/users/${ids['bob']}/notification-rules`, { contactMethodId: cm, delayMinutes: 5 });
    expect(delayed.status).toBe(201);
    const { monitorId } = await policy({ steps: seedSteps() });
    const id = (await alert(monitorId, 'Manual')).body.incident.id;
    await t.admin.post(`/api/v1/incidents/${id}/escalate`);
    await t.vigil.engine.runOnce();
    expect(newPages()).toEqual(['alice:Manual', 'bob:Manual']);
    await t.admin.post(`/api/v1/incidents/${id}/reassign`, { userId: ids['carol'] });
    await t.vigil.engine.runOnce();
    expect(newPages()).toEqual(['carol:Manual']);
    await t.admin.post(`/api/v1/incidents/${id}/acknowledge`);
    await advance(10 * MIN);
    // Bob's 5-minute rule was cancelled by the acknowledgement.
    expect(newPages()).toEqual([]);
    const detail = (await t.admin.get(`/api/v1/incidents/${id}`)).body;
    expect(detail.notifications.map((n: { status: string }) => n.status).sort()).toEqual(['cancelled', 'sent', 'sent', 'sent']);
    await t.admin.delete(`/api/v1/users/${ids['bob']}/notification-rules/${delayed.body.id}`);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('retries a failing webhook with backoff and records the failure on the timeline', async () => {
    const { monitorId } = await policy({ steps: seedSteps() });
    receiver.respondWith(503);
    const id = (await alert(monitorId, 'Flaky')).body.incident.id;
    receiver.respondWith(200);
    expect(newPages()).toEqual([]);
    await advance(30_000);
    expect(newPages()).toEqual(['alice:Flaky']);
    expect(await timeline(id)).toEqual(['triggered', 'escalated', 'delivery_failed', 'notified']);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('posts to Slack and webhook targets of a step, and one failing endpoint does not hold up the others', async () => {
    const slack = await startWebhookReceiver();
    const broken = 'http://127.0.0.1:9/unreachable';
    try {
      const { monitorId } = await policy({
        steps: [{ waitSeconds: 900, targets: [{ type: 'webhook', url: broken }, { type: 'slack', url: slack.url('/hooks/T1') }, { type: 'schedule', scheduleId: l1 }] }],
      });
      const id = (await alert(monitorId, 'Fan out')).body.incident.id;
      expect(newPages()).toEqual(['alice:Fan out']);
      expect(slack.received).toHaveLength(1);
      const text = (slack.received[0]?.body as unknown as { text: string }).text;
      expect(text).toContain('*Fan out* (m-');
      expect(text).toContain(`/incidents/${id}|Open in Vigil>`);
      const detail = (await t.admin.get(`/api/v1/incidents/${id}`)).body;
      const failed = detail.timeline.find((e: { kind: string }) => e.kind === 'delivery_failed');
      expect(failed.data).toMatchObject({ channel: 'webhook', to: '127.0.0.1:9', final: false });
      expect(detail.notifications.map((n: { channel: string; status: string }) => `${n.channel}:${n.status}`).sort()).toEqual(['slack:sent', 'webhook:queued', 'webhook:sent']);
      await t.admin.post(`/api/v1/incidents/${id}/resolve`);
    } finally {
      await slack.close();
    }
  });

  it('signs every webhook with the key shown for its contact method', async () => {
    const methods = (await t.admin.get(`/api/v1/users/${ids['alice']}/contact-methods`)).body;
    const key = methods[0].signingSecret as string;
    expect(key).toMatch(/^[\w-]{43}$/);
    const mine = receiver.received.filter((r) => r.path === '/alice');
    expect(mine.length).toBeGreaterThan(0);
    // Each was verified as the receiver would, at the (test) clock time it was signed.
    for (const r of mine) expect(verifyWebhookSignature(key, r.rawBody, r.signature, r.signedAt)).toBe(true);
    const bob = (await t.admin.get(`/api/v1/users/${ids['bob']}/contact-methods`)).body[0].signingSecret;
    expect(bob).not.toBe(key);
  });

  it('sends a test notification to a contact method', async () => {
    const methods = (await t.admin.get(`/api/v1/users/${ids['carol']}/contact-methods`)).body;
    const res = await t.admin.post(`/api/v1/users/${ids['carol']}/contact-methods/${methods[0].id}/test`);
    expect(res.status).toBe(202);
    await t.vigil.engine.runOnce();
    expect(newPages()).toEqual(['carol:test']);
  });
});

