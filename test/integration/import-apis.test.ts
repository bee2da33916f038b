import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';

const KEY = '0123456789abcdef0123456789abcdef';

/** What an import needs that ordinary editing does not: keeping a PagerDuty key, and methods PagerDuty had verified. */
describeEachDatabase('import APIs', (dialect) => {
  const t = useTestApp(dialect);
  const people = useTeamPeople(t, 'import-apis', [{ name: 'responder', webhook: null }]);
  let policyId: string;
  let monitorId: string;

  beforeAll(async () => {
    policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Import policy', teamId: people.teamId, repeat: 0, steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: people.ids['responder'] }] }] })).body.id;
    monitorId = (await t.admin.post('/api/v1/monitors', { name: 'Imported', teamId: people.teamId, policyId, kind: 'pagerduty' })).body.id;
  });

  const event = (routingKey: string) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: routingKey, event_action: 'trigger', payload: { summary: 'Down', source: 'db1', severity: 'critical' } });

  it("an admin sets a monitor's key to the one its senders use; the generated one stops working", async () => {
    const issued = (await t.admin.post(`/api/v1/monitors/${monitorId}/integration-key`)).body.integrationKey as string;
    const set = await t.admin.put(`/api/v1/monitors/${monitorId}/integration-key`, { integrationKey: KEY });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ integrationKey: KEY, integrationUrl: 'http://127.0.0.1:8080/api/v1/integrations/pagerduty/v2/enqueue' });
    expect((await event(KEY)).status).toBe(202);
    expect((await event(issued)).status).toBe(400);
  });

  it('refuses a key another monitor uses (409), a malformed key (400 at the field), and a team responder (403)', async () => {
    const other = (await t.admin.post('/api/v1/monitors', { name: 'Other', teamId: people.teamId, policyId, kind: 'pagerduty' })).body.id as string;
    const taken = await t.admin.put(`/api/v1/monitors/${other}/integration-key`, { integrationKey: KEY });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'integration_key_taken', errors: [{ path: '/body/integrationKey' }] });
    const short = await t.admin.put(`/api/v1/monitors/${other}/integration-key`, { integrationKey: 'short' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.errors)).toContain('/body/integrationKey');
    expect((await people.as['responder']?.put(`/api/v1/monitors/${other}/integration-key`, { integrationKey: `${KEY}ff` }))?.status).toBe(403);
  });

  it('an admin adds a contact method already verified, and no code is sent', async () => {
    const res = await t.admin.post(`/api/v1/users/${people.ids['responder']}/contact-methods`, { kind: 'sms', address: '+15555550199', verified: true });
    expect(res.status).toBe(201);
    expect(res.body.verified).toBe(true);
    expect(res.body.verification).toBeUndefined();
  });

  it('only admins vouch for an address, and never for a chat account (Telegram, Slack or Mattermost DM)', async () => {
    const own = await people.as['responder']?.post(`/api/v1/users/${people.ids['responder']}/contact-methods`, { kind: 'email', address: 'me@acme.test', verified: true });
    expect(own?.status).toBe(403);
    expect(own?.body.errors).toEqual([{ path: '/body/verified', message: expect.any(String) }]);
    const telegram = await t.admin.post(`/api/v1/users/${people.ids['responder']}/contact-methods`, { kind: 'telegram', verified: true });
    expect(telegram.status).toBe(400);
    // A verified DM method links that chat account to the user: only the bot's code may prove it.
    for (const [kind, address] of [
      ['slack_dm', 'U0123ABCD'],
      ['mattermost_dm', 'a'.repeat(26)],
    ] as const) {
      const linked = await t.admin.post(`/api/v1/users/${people.ids['responder']}/contact-methods`, { kind, address, verified: true });
      expect(linked.status).toBe(400);
      expect(linked.body.errors).toEqual([{ path: '/body/verified', message: expect.stringContaining(kind) }]);
    }
    const methods = (await t.admin.get(`/api/v1/users/${people.ids['responder']}/contact-methods`)).body as { kind: string }[];
    expect(methods.map((m) => m.kind)).not.toContain('slack_dm');
  });
});
