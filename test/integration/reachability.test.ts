import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00 America/Chicago: Alice's business hours

interface Reachability {
  userId: string;
  reachable: boolean;
  problems: { code: string; channel?: string; message: string }[];
}

describeEachDatabase('reachability', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: TUE_10 });

  it('tells a user with no contact method that nothing reaches them, and which channels the server has', async () => {
    const res = await t.admin.get('/api/v1/me/reachability');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reachable: false, problems: [{ code: 'no_verified_contact_method' }] });
    // The test configuration has neither SMTP nor Twilio.
    expect(res.body.channels).toEqual({ email: false, sms: false, voice: false, webhook: true, slack: true, ntfy: true, pushover: false, telegram: false, slack_dm: false, mattermost_dm: false });
  });

  it('follows verification and rules: unverified email, then a webhook without a rule, then a rule on it', async () => {
    const email = 'reach@example.com';
    const created = await t.admin.post('/api/v1/users', { email, name: 'Reach Test', role: 'responder', password: 'reach-password' });
    expect(created.status).toBe(201);
    const userId = created.body.id as string;
    const me = await t.login(email, 'reach-password');
    const reach = async () => (await me.get('/api/v1/me/reachability')).body as Reachability;

    // The first method gets an immediate rule, but an unverified email is not paged.
    expect((await me.post(`/api/v1/users/${userId}/contact-methods`, { kind: 'email', address: email })).status).toBe(201);
    expect(await reach()).toMatchObject({ userId, reachable: false, problems: [{ code: 'no_verified_contact_method' }] });

    const hook = await me.post(`/api/v1/users/${userId}/contact-methods`, { kind: 'webhook', address: 'http://127.0.0.1:9/hook' });
    expect(hook.body.verified).toBe(true);
    expect(await reach()).toMatchObject({ reachable: false, problems: [{ code: 'no_notification_rule' }] });

    expect((await me.post(`/api/v1/users/${userId}/notification-rules`, { contactMethodId: hook.body.id, delayMinutes: 0 })).status).toBe(201);
    expect(await reach()).toEqual({ userId, reachable: true, problems: [], channels: expect.any(Object) });
  });

  it('flags each person on call who cannot be reached, on every schedule and on one', async () => {
    const all = await t.admin.get('/api/v1/on-call');
    expect(all.status).toBe(200);
    const platform = all.body.items.find((i: { scheduleName: string }) => i.scheduleName === 'Platform on-call');
    const alice = platform.primary.user;
    expect(alice.name).toBe('Alice Senior');
    const shown = new Set([platform.primary.user.id, ...platform.layers.flatMap((l: { user: { id: string } | null }) => (l.user ? [l.user.id] : []))]);
    expect(new Set(platform.reachability.map((r: Reachability) => r.userId))).toEqual(shown);
    // The demo people have no contact methods.
    expect(platform.reachability.find((r: Reachability) => r.userId === alice.id)).toMatchObject({ reachable: false, problems: [{ code: 'no_verified_contact_method' }] });

    await t.admin.post(`/api/v1/users/${alice.id}/contact-methods`, { kind: 'webhook', address: 'http://127.0.0.1:9/alice' });
    const one = await t.admin.get(`/api/v1/schedules/${platform.scheduleId}/on-call`);
    expect(one.body.reachability.find((r: Reachability) => r.userId === alice.id)).toEqual({ userId: alice.id, reachable: true, problems: [] });
    expect(one.body.reachability.filter((r: Reachability) => r.userId !== alice.id).every((r: Reachability) => !r.reachable)).toBe(true);
  });
});
