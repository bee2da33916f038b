import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { testConfig, useTestApp } from '../support/test-app.js';
import { newSid, useTwilioFake } from '../support/twilio-fake.js';

const SEEDED = '2026-03-02T12:00:00.000Z';
const ALICE_PHONE = '+15550001111';
const VIGIL_NUMBER = '+15559990000';
const base = testConfig('').baseUrl;

describeEachDatabase('SMS and voice through a Twilio-compatible API', (dialect) => {
  const twilio = useTwilioFake();
  const t = useTestApp(dialect, {
    frozenAt: SEEDED,
    config: () => ({ twilio: { accountSid: twilio.accountSid, authToken: twilio.authToken, from: VIGIL_NUMBER, apiUrl: twilio.apiUrl } }),
  });
  let monitorId = '';
  let aliceId = '';
  let smsMethod = '';

  beforeAll(async () => {
    twilio.setDeliver(async (url, form, signature) => {
      const res = await t.vigil.app.inject({
        method: 'POST',
        url: url.slice(base.length),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        payload: new URLSearchParams(form).toString(),
      });
      return { status: res.statusCode, body: res.body };
    });
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    aliceId = users.find((u) => u.email === 'alice@example.com')?.id as string;
    smsMethod = (await t.admin.post(`/api/v1/users/${aliceId}/contact-methods`, { kind: 'sms', address: ALICE_PHONE })).body.id;
    await verifyWith(smsMethod, /^Vigil verification code: (\d{6})$/.exec(twilio.sent.at(-1)?.body ?? '')?.[1]);
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Phone', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: aliceId }] }] });
    monitorId = (await t.admin.post('/api/v1/monitors', { name: 'Database', teamId, policyId: policy.body.id })).body.id;
  });

  async function verifyWith(methodId: string, code: string | undefined) {
    const res = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${methodId}/verify`, { code });
    expect(res.body.verified).toBe(true);
  }

  /** Raises an alert after the phone's one-minute throttle has passed. */
  async function alert(title: string, { waitOutThrottle = true } = {}) {
    if (waitOutThrottle) await t.anonymous.post('/api/v1/test/clock', { advanceMs: 61_000 });
    const before = twilio.sent.length;
    const incident = (await t.admin.post(`/api/v1/monitors/${monitorId}/alerts`, { title })).body.incident;
    await t.vigil.engine.runOnce();
    return { incident, sent: twilio.sent.slice(before) };
  }
  const status = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body.status;
  const inboundSms = (body: string, from = ALICE_PHONE) =>
    twilio.signedCallback(`${base}/api/v1/twilio/sms`, { MessageSid: newSid('SM'), From: from, To: VIGIL_NUMBER, Body: body });

  it('texts the page with a reply code, and a reply acknowledges then resolves', async () => {
    const { incident, sent } = await alert('Replica lag');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'sms', to: ALICE_PHONE, from: VIGIL_NUMBER });
    const code = /Reply (\d+)a to acknowledge/.exec(sent[0]?.body ?? '')?.[1];
    expect(sent[0]?.body).toMatch(/^Vigil TRIGGERED: Replica lag \(Database\)\. Reply \d+a to acknowledge, \d+r to resolve, \d+e to escalate\.$/);
    const ack = await inboundSms(`${code}a`);
    expect(ack.status).toBe(200);
    expect(ack.body).toContain('<Message>Vigil: Replica lag: acknowledged.</Message>');
    expect(await status(incident.id)).toBe('acknowledged');
    expect((await t.admin.get(`/api/v1/incidents/${incident.id}`)).body.acknowledgedBy).toBe(aliceId);
    await inboundSms(`${code} R`);
    expect(await status(incident.id)).toBe('resolved');
    expect((await inboundSms(`${code}a`)).body).toContain('already resolved');
  });

  it("checks the replier's current rights: a reply from someone demoted since the page does nothing", async () => {
    const { incident, sent } = await alert('Cache cold');
    const code = /Reply (\d+)a to acknowledge/.exec(sent[0]?.body ?? '')?.[1];
    await t.admin.patch(`/api/v1/users/${aliceId}`, { role: 'viewer' });
    try {
      expect((await inboundSms(`${code}a`)).body).toContain('You can no longer act on this incident');
      expect(await status(incident.id)).toBe('triggered');
    } finally {
      await t.admin.patch(`/api/v1/users/${aliceId}`, { role: 'responder' });
    }
    expect((await inboundSms(`${code}r`)).body).toContain('Cache cold: resolved.');
  });

  it("records the provider's delivery receipt on the notification and the timeline", async () => {
    const { incident, sent } = await alert('Receipts');
    const callback = sent[0]?.statusCallback as string;
    expect(callback).toContain('/api/v1/twilio/status?key=');
    const messageSid = newSid('SM');
    expect((await twilio.signedCallback(callback, { MessageSid: messageSid, MessageStatus: 'delivered' })).status).toBe(204);
    const detail = (await t.admin.get(`/api/v1/incidents/${incident.id}`)).body;
    expect(detail.notifications.map((n: { status: string }) => n.status)).toEqual(['delivered']);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['triggered', 'escalated', 'notified', 'delivered']);
    const forged = await t.vigil.app.inject({
      method: 'POST',
      url: callback.slice(base.length),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'nope' },
      payload: 'MessageSid=x&MessageStatus=failed',
    });
    expect(forged.statusCode).toBe(403);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
  });

  it('gives each open incident its own code on the same phone', async () => {
    const first = await alert('First');
    const second = await alert('Second');
    const codeOf = (s: typeof first.sent) => /Reply (\d+)a/.exec(s[0]?.body ?? '')?.[1];
    expect(codeOf(first.sent)).not.toBe(codeOf(second.sent));
    await inboundSms(`${codeOf(second.sent)}r`);
    expect(await status(second.incident.id)).toBe('resolved');
    expect(await status(first.incident.id)).toBe('triggered');
    await t.admin.post(`/api/v1/incidents/${first.incident.id}/resolve`);
  });

  it('answers unknown replies with help text and refuses unsigned or replayed callbacks', async () => {
    const help = await inboundSms('what is this');
    expect(help.status).toBe(200);
    expect(help.body).toContain('reply with the code from the alert');
    expect((await inboundSms('1a', '+15550009999')).body).toContain('reply with the code');

    const form = { MessageSid: newSid('SM'), From: ALICE_PHONE, To: VIGIL_NUMBER, Body: '1a' };
    const unsigned = await t.vigil.app.inject({
      method: 'POST',
      url: '/api/v1/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      payload: new URLSearchParams(form).toString(),
    });
    expect(unsigned.statusCode).toBe(403);
    expect((await twilio.signedCallback(`${base}/api/v1/twilio/sms`, form)).status).toBe(200);
    expect((await twilio.signedCallback(`${base}/api/v1/twilio/sms`, form)).status).toBe(403);
  });

  it('calls, reads the incident and takes 4 to acknowledge or 6 to resolve', async () => {
    const voice = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods`, { kind: 'voice', address: ALICE_PHONE });
    const verifyCall = twilio.sent.at(-1);
    expect(verifyCall?.kind).toBe('call');
    const spoken = await twilio.signedCallback(verifyCall?.url as string, { CallSid: newSid('CA'), From: VIGIL_NUMBER, To: ALICE_PHONE });
    const digits = /verification code is ([\d, ]+)\./.exec(spoken.body)?.[1]?.replaceAll(/[, ]/g, '');
    await verifyWith(voice.body.id, digits);
    await t.admin.post(`/api/v1/users/${aliceId}/notification-rules`, { contactMethodId: voice.body.id, delayMinutes: 0 });
    const { incident, sent } = await alert('Primary down');
    const call = sent.find((s) => s.kind === 'call');
    expect(call).toMatchObject({ to: ALICE_PHONE, from: VIGIL_NUMBER });
    const callSid = newSid('CA');
    const script = await twilio.signedCallback(call?.url as string, { CallSid: callSid, From: VIGIL_NUMBER, To: ALICE_PHONE });
    expect(script.status).toBe(200);
    expect(script.body).toContain('Vigil alert. Primary down is triggered. Press 4 to acknowledge. Press 6 to resolve.');
    const action = (/<Gather[^>]*action="([^"]+)"/.exec(script.body)?.[1] ?? '').replaceAll('&#38;', '&');
    const wrong = await twilio.signedCallback(action, { CallSid: callSid, Digits: '9' });
    expect(wrong.body).toContain('Press 4 to acknowledge or 6 to resolve');
    const four = await twilio.signedCallback(action, { CallSid: callSid, Digits: '4' });
    expect(four.body).toContain('Primary down: acknowledged.');
    expect(await status(incident.id)).toBe('acknowledged');
    expect((await twilio.signedCallback(action, { CallSid: callSid, Digits: '4' })).status).toBe(403);
    await twilio.signedCallback(action, { CallSid: callSid, Digits: '6' });
    expect(await status(incident.id)).toBe('resolved');
    await t.admin.delete(`/api/v1/users/${aliceId}/contact-methods/${voice.body.id}`);
  });

  it('texts a phone at most once a minute, bundling what fell due meanwhile', async () => {
    const first = await alert('Bundle one');
    const second = await alert('Bundle two', { waitOutThrottle: false });
    const third = await alert('Bundle three', { waitOutThrottle: false });
    expect(first.sent.map((s) => s.body?.slice(0, 30))).toEqual(['Vigil TRIGGERED: Bundle one (D']);
    expect([...second.sent, ...third.sent]).toEqual([]);
    const before = twilio.sent.length;
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 59_000 });
    await t.vigil.engine.runOnce();
    expect(twilio.sent.length).toBe(before);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 1_000 });
    await t.vigil.engine.runOnce();
    const bundle = twilio.sent.slice(before);
    expect(bundle).toHaveLength(1);
    expect(bundle[0]?.body).toMatch(/^Vigil: 2 incidents triggered\. (\d+): Bundle two \(Database\); (\d+): Bundle three \(Database\)\. Reply with the code/);
    const code = /(\d+): Bundle three/.exec(bundle[0]?.body ?? '')?.[1];
    await inboundSms(`${code}a`);
    expect(await status(third.incident.id)).toBe('acknowledged');
    expect(await status(second.incident.id)).toBe('triggered');
    const timeline = (await t.admin.get(`/api/v1/incidents/${second.incident.id}`)).body.timeline;
    expect(timeline.find((e: { kind: string }) => e.kind === 'notified').data.bundled).toBe(2);
    for (const i of [first, second, third]) await t.admin.post(`/api/v1/incidents/${i.incident.id}/resolve`);
  });

  it('never pages an unverified number, and refuses wrong or expired codes', async () => {
    const other = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods`, { kind: 'sms', address: '+15550002222' });
    expect(other.body).toMatchObject({ verified: false, verification: { sent: true } });
    await t.admin.post(`/api/v1/users/${aliceId}/notification-rules`, { contactMethodId: other.body.id, delayMinutes: 0 });
    const code = /(\d{6})$/.exec(twilio.sent.filter((s) => s.to === '+15550002222').at(-1)?.body ?? '')?.[1] as string;
    const notTheCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${other.body.id}/verify`, { code: notTheCode });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('/body/code');
    const { incident, sent } = await alert('Only verified');
    expect(sent.map((s) => s.to)).toEqual([ALICE_PHONE]);
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 16 * 60_000 });
    const expired = await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${other.body.id}/verify`, { code });
    expect(expired.body.errors[0].message).toMatch(/expired/);
    await t.admin.delete(`/api/v1/users/${aliceId}/contact-methods/${other.body.id}`);
  });

  it('sends a test SMS and never hits the provider without valid credentials', async () => {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 61_000 });
    const before = twilio.sent.length;
    await t.admin.post(`/api/v1/users/${aliceId}/contact-methods/${smsMethod}/test`);
    await t.vigil.engine.runOnce();
    expect(twilio.sent.slice(before)).toEqual([expect.objectContaining({ kind: 'sms', to: ALICE_PHONE, from: VIGIL_NUMBER, body: 'Vigil test message: this number works.' })]);
    expect(twilio.unauthorized).toBe(0);
  });
});
