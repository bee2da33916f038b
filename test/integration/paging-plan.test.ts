import { beforeAll, expect, it } from 'vitest';
import { insertContactMethod, insertRule } from '../../src/store/contacts.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago: after hours
const BUSINESS = '2026-03-02T16:00:00.000Z'; // Monday 10:00 America/Chicago: Alice's hours
const MIN = 60_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describeEachDatabase('paging plan API', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    for (const u of users) ids[u.email.split('@')[0] as string] = u.id;
    const policy = (await t.admin.get('/api/v1/escalation-policies')).body.items.find((p: { name: string }) => p.name === 'Primary with L2 backup');
    ids['policy'] = policy.id;
    ids['team'] = policy.teamId;
    ids['primary'] = policy.steps[0].targets[0].scheduleId;
    ids['monitor'] = (await t.admin.get('/api/v1/monitors')).body.items.find((m: { name: string }) => m.name === 'Demo API').id;
    // Alice: a webhook at once (verified on creation) and, two minutes later, an email
    // this server cannot send (no SMTP in tests).
    const { db } = t.vigil.database;
    const hook = await t.admin.post(`/api/v1/users/${ids['alice']}/contact-methods`, { kind: 'webhook', label: 'pager bridge', address: 'https://hooks.example.test/alice' });
    expect(hook.status).toBe(201);
    const email = await insertContactMethod(db, ids['alice'] as string, { kind: 'email', label: 'work', address: 'alice@example.com', verified: true }, Date.parse(SEEDED));
    await insertRule(db, ids['alice'] as string, { contactMethodId: email.id, delaySeconds: 120 }, Date.parse(SEEDED));
  });

  it("answers a policy's plan at a chosen instant: each step's time, people, methods and delays", async () => {
    const res = await t.admin.get(`/api/v1/escalation-policies/${ids['policy']}/paging-plan?at=${BUSINESS}`);
    expect(res.status).toBe(200);
    const plan = res.body;
    // Step 2 reaches nobody (see below), so the engine would not wait 15 minutes after it.
    expect(plan).toMatchObject({ policy: { id: ids['policy'], name: 'Primary with L2 backup' }, at: BUSINESS, repeats: [], exhaustedAt: plus(BUSINESS, 15 * MIN) });
    expect(plan.steps.map((s: { index: number; waitSeconds: number; at: string; skipped: boolean }) => [s.index, s.waitSeconds, s.at, s.skipped])).toEqual([
      [0, 900, BUSINESS, false],
      [1, 900, plus(BUSINESS, 15 * MIN), false],
    ]);
    expect(plan.steps[0].targets).toEqual([{ target: { type: 'schedule', scheduleId: ids['primary'] }, userIds: [ids['alice']] }]);
    expect(plan.steps[0].recipients).toEqual([
      {
        kind: 'user',
        userId: ids['alice'],
        name: 'Alice Senior',
        reachable: true,
        notifications: [
          expect.objectContaining({ kind: 'webhook', label: 'pager bridge', delaySeconds: 0, at: BUSINESS, status: 'pages' }),
          expect.objectContaining({ kind: 'email', label: 'work', delaySeconds: 120, at: plus(BUSINESS, 2 * MIN), status: 'channel_not_configured' }),
        ],
      },
    ]);
    expect(plan.steps[0].reachable).toBe(true);
    // The L2 schedule's only member, the demo admin, has no contact method at all.
    expect(plan.warnings).toEqual([
      { code: 'channel_not_configured', step: 0, userId: ids['alice'], channel: 'email', message: 'Alice Senior has a notification rule by email, but this server has no email channel configured' },
      { code: 'no_verified_contact_method', step: 1, userId: ids['admin'], message: 'Demo Admin has no verified contact method: nothing reaches them' },
      { code: 'step_unreached', step: 1, message: 'Nobody in this step can be paged: the incident would move on without waiting' },
    ]);
  });

  it("defaults to now and resolves the monitor's policy; after hours the rotation is paged", async () => {
    const res = await t.admin.get(`/api/v1/monitors/${ids['monitor']}/paging-plan`);
    expect(res.status).toBe(200);
    expect(res.body.at).toBe(SEEDED);
    expect(res.body.policy.id).toBe(ids['policy']);
    const paged = res.body.steps[0].recipients.map((r: { userId: string }) => r.userId);
    expect([[ids['bob']], [ids['carol']]]).toContainEqual(paged);
    expect(res.body.steps[0].reachable).toBe(false);
    // Nobody in step 1 has a contact method: step 2 follows at once.
    expect(res.body.steps[1].at).toBe(SEEDED);
  });

  it('plans an unsaved draft, with missing targets and empty steps as warnings rather than errors', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const res = await t.admin.post('/api/v1/escalation-policies/paging-plan', {
      at: BUSINESS,
      repeat: 1,
      steps: [
        { waitSeconds: 300, targets: [{ type: 'schedule', scheduleId: ghost }] },
        { waitSeconds: 600, targets: [{ type: 'user', userId: ids['alice'] }, { type: 'slack', url: 'https://hooks.slack.test/x' }] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.policy).toBeNull();
    expect(res.body.steps.map((s: { at: string; skipped: boolean }) => [s.at, s.skipped])).toEqual([
      [BUSINESS, true],
      [BUSINESS, false],
    ]);
    expect(res.body.steps[1].recipients[1]).toEqual({ kind: 'slack', url: 'https://hooks.slack.test/x', at: BUSINESS, reachable: true });
    expect(res.body.warnings.filter((w: { step: number }) => w.step === 0)).toEqual([
      { code: 'target_missing', step: 0, target: 0, message: 'This target no longer exists' },
      { code: 'step_skipped', step: 0, message: 'This step resolves to nobody and would be skipped at once' },
    ]);
    // Step 1 was skipped, so the pause before the repeat runs from step 2.
    expect(res.body.repeats).toEqual([{ pass: 1, at: plus(BUSINESS, 5 * MIN) }]);
  });

  it('agrees with what the engine then does, step by step', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const user = async (name: string) => (await t.admin.post('/api/v1/users', { email: `${name}@plan.test`, name, role: 'responder', password: 'long-enough' })).body.id as string;
      const [erin, frank] = [await user('Erin'), await user('Frank')];
      expect((await t.admin.post(`/api/v1/users/${erin}/contact-methods`, { kind: 'webhook', address: receiver.url('/erin') })).status).toBe(201);
      const steps = [
        { waitSeconds: 0, targets: [{ type: 'user', userId: frank }] },
        { waitSeconds: 600, targets: [{ type: 'user', userId: erin }] },
        { waitSeconds: 300, targets: [{ type: 'user', userId: frank }] },
      ];
      const policy = (await t.admin.post('/api/v1/escalation-policies', { name: 'Frank, Erin, Frank', teamId: ids['team'], repeat: 1, steps })).body;
      const monitor = (await t.admin.post('/api/v1/monitors', { name: 'Planned', teamId: ids['team'], policyId: policy.id })).body;
      const plan = (await t.admin.get(`/api/v1/monitors/${monitor.id}/paging-plan`)).body;
      const planned = [...plan.steps.map((s: { at: string }) => s.at), ...plan.repeats.map((r: { at: string }) => r.at)];

      const incident = (await t.admin.post(`/api/v1/monitors/${monitor.id}/alerts`, { title: 'Planned' })).body.incident;
      const run = async () => {
        for (let i = 0; i < 5; i++) await t.vigil.engine.runOnce();
      };
      await run();
      for (let minutes = 1; minutes <= 40; minutes++) {
        await t.anonymous.post('/api/v1/test/clock', { set: plus(SEEDED, minutes * MIN) });
        await run();
      }
      const timeline = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.timeline as { kind: string; at: string; data: { step?: number; pass?: number } }[];
      const fired = timeline.filter((e) => e.kind === 'escalated').map((e) => e.at);
      // Pass 1's three steps, then the repeat starting with step 1.
      expect(fired.slice(0, 4)).toEqual(planned.slice(0, 4));
      expect(timeline.find((e) => e.kind === 'exhausted')?.at).toBe(plan.exhaustedAt);
      await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    } finally {
      await receiver.close();
    }
  });

  it('answers bad input with 400 and unknown ids with 404', async () => {
    const bad = await t.admin.get(`/api/v1/escalation-policies/${ids['policy']}/paging-plan?at=tomorrow`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/querystring/at');
    // The fuzzer found a 500 here: year 9999 plus a long policy's waits left the range of dates.
    const far = await t.admin.get(`/api/v1/escalation-policies/${ids['policy']}/paging-plan?at=9999-12-31T23%3A59%3A59Z`);
    expect(far.status).toBe(400);
    expect(far.body.errors[0].path).toBe('/querystring/at');
    const farDraft = await t.admin.post('/api/v1/escalation-policies/paging-plan', { at: '0001-01-01T00:00:00Z', steps: [{ waitSeconds: 60, targets: [{ type: 'webhook', url: 'https://hooks.example.com/plan' }] }] });
    expect(farDraft.status).toBe(400);
    expect(farDraft.body.errors[0].path).toBe('/body/at');
    const noSteps = await t.admin.post('/api/v1/escalation-policies/paging-plan', { steps: [] });
    expect(noSteps.status).toBe(400);
    expect((await t.admin.get('/api/v1/monitors/00000000-0000-4000-8000-000000000000/paging-plan')).status).toBe(404);
    expect((await t.anonymous.get(`/api/v1/escalation-policies/${ids['policy']}/paging-plan`)).status).toBe(401);
  });
});
