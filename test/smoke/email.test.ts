import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useSmtpSink } from '../support/smtp-sink.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z';

describeEachDatabase('email notifications and signed action links', (dialect) => {
  const smtp = useSmtpSink();
  const t = useTestApp(dialect, { frozenAt: SEEDED, config: () => ({ smtpUrl: smtp.url }) });
  let monitorId = '';
  let aliceId = '';

  beforeAll(async () => {
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    const method = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods`, { kind: 'email', address: 'alice@example.com' });
    expect(method.body).toMatchObject({ verified: false, verification: { sent: true } });
    const mail = smtp.messages.at(-1);
    expect(mail?.subject).toBe('Your Vigil verification code');
    const code = /Enter (\d{6})/.exec(mail?.text ?? '')?.[1];
    const verified = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${method.body.id}/verify`, { code });
    expect(verified.body.verified).toBe(true);
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Mail', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: aliceId }] }] });
    monitorId = (await t.admin.post('/api/v1/monitors', { name: 'Checkout', teamId, policyId: policy.body.id })).body.id;
  });

  async function page(title: string) {
    const before = smtp.messages.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title, description: 'HTTP 503 from /health' })).body.incident;
    await t.vigil.engine.runOnce();
    expect(smtp.messages.length).toBe(before + 1);
    const mail = smtp.messages.at(-1);
    const links = [...(mail?.text ?? '').matchAll(/(Acknowledge|Resolve): (\S+)/g)].map((m) => [m[1], new URL(m[2] as string)] as const);
    return { incident, mail, links: Object.fromEntries(links) as Record<'Acknowledge' | 'Resolve', URL> };
  }

  it('sends a clear email with the incident, monitor, cause and links', async () => {
    const { incident, mail, links } = await page('Checkout is down');
    expect(mail?.subject).toBe('[Vigil] TRIGGERED: Checkout is down (Checkout)');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('alice@example.com');
    expect(mail?.text).toContain('Cause: HTTP 503 from /health');
    expect(mail?.text).toContain(`/incidents/${incident.id}`);
    expect(mail?.html).toContain('>Acknowledge</a>');
    expect(links.Acknowledge.searchParams.get('token')).toBeTruthy();
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain('notified');
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  /** What the browser does with the confirmation page's form: an empty urlencoded POST. */
  const submit = async (url: URL) => {
    const res = await t.vigil.app.inject({ method: 'POST', url: `${url.pathname}${url.search}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    return { status: res.statusCode, body: res.body };
  };

  it('acknowledges and resolves through the signed links without logging in', async () => {
    const { incident, links } = await page('Payments slow');
    const path = (u: URL) => `${u.pathname}${u.search}`;
    const confirm = await t.anonymous.get(path(links.Acknowledge));
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('<form method="post"');
    // Opening the link alone changes nothing: mail scanners fetch links.
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('triggered');
    const acked = await submit(links.Acknowledge);
    expect(acked.status).toBe(200);
    expect(acked.body).toContain('Done, Alice Senior.');
    const afterAck = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(afterAck).toMatchObject({ status: 'acknowledged', acknowledgedBy: aliceId });
    expect((await submit(links.Resolve)).status).toBe(200);
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body).toMatchObject({ status: 'resolved', resolvedBy: aliceId });
    expect((await submit(links.Resolve)).status).toBe(409);
  });

  it('refuses tampered and expired links', async () => {
    const { incident, links } = await page('Disk full');
    const tampered = new URL(links.Acknowledge);
    tampered.searchParams.set('token', `${tampered.searchParams.get('token')}x`);
    expect((await submit(tampered)).status).toBe(400);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 25 * 3600 * 1000 });
    expect((await submit(links.Acknowledge)).status).toBe(410);
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('triggered');
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('sends a test email to a contact method', async () => {
    const before = smtp.messages.length;
    const methods = (await t.admin.get(`/api/v1/users/${aliceId}/contact-methods`)).body;
    await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${methods[0].id}/test`);
    await t.vigil.engine.runOnce();
    expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual(['Vigil test notification']);
  });
});
