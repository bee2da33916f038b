import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteRule, listRules } from '../../src/store/contacts.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SEEDED = '2026-03-02T12:00:00.000Z';

interface Notice {
  notice?: { subject: string; text: string };
}

describeEachDatabase('paging health', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};

  const check = async () => {
    await t.vigil.pagingHealth.runOnce();
    await t.vigil.engine.runOnce();
  };
  const setClock = (iso: string) => t.anonymous.post('/api/v1/test/clock', { set: iso });
  const noticesTo = (who: string) => receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body as unknown as Notice);
  const problems = async () => (await t.admin.get('/api/v1/paging-health')).body.items as { policyId: string; warnings: { code: string }[] }[];
  const metrics = async () => (await t.anonymous.get('/metrics')).body as string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const newUser = async (name: string) => {
      const res = await t.admin.post('/api/v1/users', { email: `${name}@health.test`, name, role: 'responder', password: 'long-enough' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    ids['manager'] = await newUser('manager');
    ids['member'] = await newUser('member');
    ids['team'] = (await t.admin.post('/api/v1/teams', { name: 'Health' })).body.id;
    await t.admin.put(`/api/v1/teams/${ids['team']}/members/${ids['manager']}`, { role: 'manager' });
    await t.admin.put(`/api/v1/teams/${ids['team']}/members/${ids['member']}`, { role: 'member' });
    // The manager can be reached (a webhook is verified on creation and gets a rule at once).
    const hook = await t.admin.post(`/api/v1/users/${ids['manager']}/contact-methods`, { kind: 'webhook', address: receiver.url('/manager') });
    expect(hook.status).toBe(201);
  });
  afterAll(() => receiver.close());

  it('flags a policy whose only person has no verified contact method, as soon as it is saved', async () => {
    const created = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Member only',
      teamId: ids['team'],
      repeat: 0,
      steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: ids['member'] }] }],
    });
    expect(created.status).toBe(201);
    ids['policy'] = created.body.id;
    expect(created.body.pagingProblem).toEqual({
      since: SEEDED,
      checkedAt: SEEDED,
      warnings: [
        { code: 'no_verified_contact_method', step: 0, userId: ids['member'], message: 'member has no verified contact method: nothing reaches them' },
        { code: 'step_unreached', step: 0, message: 'Nobody in this step can be paged: the incident would move on without waiting' },
      ],
    });
    const listed = (await t.admin.get('/api/v1/escalation-policies?limit=200')).body.items.find((p: { id: string }) => p.id === ids['policy']);
    expect(listed.pagingProblem.warnings[0].code).toBe('no_verified_contact_method');
    expect(await problems()).toContainEqual(expect.objectContaining({ policyId: ids['policy'], policyName: 'Member only', teamId: ids['team'], since: SEEDED }));
    const text = await metrics();
    expect(text).toMatch(new RegExp(`vigil_policy_unreachable\\{policy_id="${ids['policy']}",policy="Member only"\\} 1`));
    // The demo policy is flagged too: nobody in the demo has a contact method.
    expect(text).toMatch(/^vigil_policies_unreachable 2$/m);
  });

  it("tells the team's managers once per onset, however often the check runs", async () => {
    await check();
    await setClock('2026-03-02T12:01:00.000Z');
    await check();
    await check();
    const notices = noticesTo('manager');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.notice?.subject).toBe('Escalation policy "Member only" reaches nobody');
    expect(notices[0]?.notice?.text).toContain('- member has no verified contact method: nothing reaches them');
    expect(notices[0]?.notice?.text).toContain(`/escalation-policies/${ids['policy']}`);
  });

  it('clears the flag once the person can be reached, and a new onset is told again', async () => {
    const hook = await t.admin.post(`/api/v1/users/${ids['member']}/contact-methods`, { kind: 'webhook', address: receiver.url('/member') });
    expect(hook.status).toBe(201);
    await setClock('2026-03-02T12:02:00.000Z');
    await check();
    expect((await problems()).map((p) => p.policyId)).not.toContain(ids['policy']);
    expect((await t.admin.get(`/api/v1/escalation-policies/${ids['policy']}`)).body.pagingProblem).toBeNull();
    expect(await metrics()).toMatch(/^vigil_policies_unreachable 1$/m);

    const { db } = t.vigil.database;
    for (const rule of await listRules(db, ids['member'] as string)) await deleteRule(db, ids['member'] as string, rule.id);
    await setClock('2026-03-02T12:03:00.000Z');
    await check();
    await check();
    const flagged = (await problems()).find((p) => p.policyId === ids['policy']);
    expect(flagged?.warnings.map((w) => w.code)).toEqual(['no_notification_rule', 'step_unreached']);
    expect(noticesTo('manager')).toHaveLength(2);
    expect(noticesTo('member')).toEqual([]);
  });
});
