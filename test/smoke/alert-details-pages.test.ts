import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useSmtpSink } from '../support/smtp-sink.js';
import { useTestApp } from '../support/test-app.js';
import { useTwilioFake } from '../support/twilio-fake.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const ALICE_PHONE = '+15550001111';

/** One page of an alert with details, through every channel: each carries the key fields its own way. */
describeEachDatabase('pages carry the alert details', (dialect) => {
  const smtp = useSmtpSink();
  const twilio = useTwilioFake();
  const t = useTestApp(dialect, {
    frozenAt: '2026-11-30T13:00:00.000Z',
    config: () => ({ smtpUrl: smtp.url, twilio: { accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+15559990000', apiUrl: twilio.apiUrl } }),
  });
  let receiver: WebhookReceiver;
  let routingKey = '';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const alice = users.find((u) => u.email === 'alice@example.com')?.id as string;
    const email = await t.admin.post(`/api/v1/users/${alice}/contact-methods`, { kind: 'email', address: 'alice@example.com' });
    const emailCode = /Enter (\d{6})/.exec(smtp.messages.at(-1)?.text ?? '')?.[1];
    expect((await t.admin.post(`/api/v1/users/${alice}/contact-methods/${email.body.id}/verify`, { code: emailCode })).body.verified).toBe(true);
    const sms = await t.admin.post(`/api/v1/users/${alice}/contact-methods`, { kind: 'sms', address: ALICE_PHONE });
    const smsCode = /(\d{6})/.exec(twilio.sent.at(-1)?.body ?? '')?.[1];
    expect((await t.admin.post(`/api/v1/users/${alice}/contact-methods/${sms.body.id}/verify`, { code: smsCode })).body.verified).toBe(true);
    // Only a person's first contact method gets a rule by itself.
    expect((await t.admin.post(`/api/v1/users/${alice}/notification-rules`, { contactMethodId: sms.body.id, delayMinutes: 0 })).status).toBe(201);
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: 'Everywhere',
      teamId,
      steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: alice }, { type: 'webhook', url: receiver.url('/hook') }, { type: 'slack', url: receiver.url('/slack') }] }],
    });
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Database', teamId, policyId: policy.body.id, kind: 'pagerduty' });
    routingKey = monitor.body.integrationKey;
  });
  afterAll(() => receiver.close());

  it('email table, SMS fields, Slack fields block and the webhook details object', async () => {
    // Past the phone's one-SMS-a-minute throttle, which the verification text started.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 61_000 });
    const mails = smtp.messages.length;
    const texts = twilio.sent.length;
    const res = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: routingKey,
      event_action: 'trigger',
      payload: { summary: 'Disk full', source: 'db-1', severity: 'critical', custom_details: { free: '2%', note: '<b>bold</b> & <!channel>' } },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
    });
    expect(res.status).toBe(202);
    await t.vigil.engine.runOnce();

    const mail = smtp.messages.slice(mails).at(-1);
    expect(mail?.text).toContain('Details:\n  source: db-1\n  severity: critical\n  free: 2%\n  note: <b>bold</b> & <!channel>\n  Dashboard: https://grafana.example/d/1');
    expect(mail?.html).toContain('<tr><th align="left" valign="top">free</th><td>2%</td></tr>');
    expect(mail?.html).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#60;!channel&#62;');
    expect(mail?.html).not.toContain('<b>bold</b>');
    expect(mail?.html).toContain('<a href="https://grafana.example/d/1">Dashboard</a>');

    const [text] = twilio.sent.slice(texts).filter((m) => m.kind === 'sms');
    expect(text?.body).toMatch(/^Vigil TRIGGERED: Disk full \(Database\)\. source: db-1; severity: critical; free: 2%\. Reply \d+a to acknowledge, \d+r to resolve, \d+e to escalate\.$/);
    expect(text?.body?.length).toBeLessThanOrEqual(320);

    const slack = receiver.received.find((r) => r.path === '/slack');
    const blocks = (JSON.parse(slack?.rawBody ?? '{}') as { blocks: { type: string; fields?: { text: string }[]; elements?: { text: string }[] }[] }).blocks;
    const fields = blocks.find((b) => b.type === 'section' && b.fields)?.fields?.map((f) => f.text);
    expect(fields).toEqual(['*source*\ndb-1', '*severity*\ncritical', '*free*\n2%', '*note*\n&lt;b&gt;bold&lt;/b&gt; &amp; &lt;!channel&gt;']);
    expect(blocks.find((b) => b.type === 'context')?.elements?.[0]?.text).toBe('<https://grafana.example/d/1|Dashboard>');

    const hook = receiver.received.find((r) => r.path === '/hook');
    const payload = JSON.parse(hook?.rawBody ?? '{}') as { incident: { details: unknown } };
    // The documented payload (ESCALATION.md#webhook-payload): the step a chat message shows is not in it.
    expect(Object.keys(payload.incident).sort()).toEqual(['description', 'details', 'id', 'monitorName', 'status', 'title', 'urgency', 'url']);
    expect(payload.incident.details).toEqual({
      fields: [
        { key: 'source', value: 'db-1' },
        { key: 'severity', value: 'critical' },
        { key: 'free', value: '2%' },
        { key: 'note', value: '<b>bold</b> & <!channel>' },
      ],
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
      images: [],
      truncated: false,
    });
  });
});
