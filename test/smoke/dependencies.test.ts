import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCheckTarget, type CheckTarget } from '../support/check-target.js';
import { advanceChecks } from '../support/advance-checks.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const START = '2026-03-03T16:00:00.000Z';
const MIN = 60_000;

/**
 * Monitor dependencies in the whole server with a frozen clock: a website's checks fail
 * because the database behind it is down, and only the database pages. The website pages
 * only if it outlasts the database by two minutes.
 */
describeEachDatabase('monitor dependencies smoke', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START });
  let receiver: WebhookReceiver;
  let database: CheckTarget;
  let website: CheckTarget;
  let databaseMonitor = { id: '', name: '' };
  let websiteMonitor = { id: '', name: '' };
  let seen = 0;

  const advance = (ms: number) => advanceChecks(t, ms);
  function newPages(): string[] {
    const fresh = receiver.received.slice(seen);
    seen = receiver.received.length;
    return fresh.map((r) => r.body.incident?.title ?? 'test');
  }
  const incidents = async (id: string) =>
    (await t.admin.get(`/api/v1/incidents?monitorId=${id}`)).body.items as { id: string; status: string; parentIncidentId: string | null; suppression: object | null }[];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    database = await startCheckTarget();
    website = await startCheckTarget();
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[];
    const alice = users.find((u) => u.email.startsWith('alice@'))?.id;
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    expect((await t.admin.post(`/api/v1/users/${alice}/contact-methods`, { kind: 'webhook', address: receiver.url('/alice') })).status).toBe(201);
    const policyId = (await t.admin.post('/api/v1/escalation-policies', { name: 'Dependencies', teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: alice }] }] })).body.id;
    const monitor = async (name: string, target: CheckTarget, dependsOn: string[]) => {
      const res = await t.admin.post('/api/v1/monitors', { name, teamId, policyId, kind: 'http', http: { url: target.url('/health') }, check: { intervalSeconds: 60, confirmations: 1 }, dependsOn });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as string, name };
    };
    databaseMonitor = await monitor('Database', database, []);
    websiteMonitor = await monitor('Website', website, [databaseMonitor.id]);
    // Both check once within the first minute.
    await advance(MIN);
    expect(newPages()).toEqual([]);
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), database.close(), website.close()]);
  });

  it('pages for the database only, and never for a website that recovers with it', async () => {
    database.answer(503);
    await advance(MIN);
    expect(newPages()).toEqual(['Database is down']);
    const [databaseDown] = await incidents(databaseMonitor.id);

    website.answer(503);
    await advance(MIN);
    expect(newPages()).toEqual([]);
    const [websiteDown] = await incidents(websiteMonitor.id);
    expect(websiteDown).toMatchObject({ status: 'triggered', parentIncidentId: databaseDown?.id, suppression: { by: 'parent', monitorId: databaseMonitor.id } });

    // Both recover at the next check: the website's incident resolves inside its two minutes.
    database.answer(200);
    website.answer(200);
    await advance(MIN);
    expect((await incidents(websiteMonitor.id))[0]?.status).toBe('resolved');
    await advance(MIN);
    await advance(MIN);
    await advance(MIN);
    expect(newPages()).toEqual([]);
  });

  it('pages for the website, once, when it is still down two minutes after the database recovered', async () => {
    database.answer(503);
    await advance(MIN);
    website.answer(503);
    await advance(MIN);
    expect(newPages()).toEqual(['Database is down']);

    database.answer(200);
    await advance(MIN);
    expect((await incidents(databaseMonitor.id))[0]?.status).toBe('resolved');
    await advance(MIN);
    expect(newPages()).toEqual([]);
    await advance(MIN);
    expect(newPages()).toEqual(['Website is down']);
    const [websiteDown] = await incidents(websiteMonitor.id);
    expect(websiteDown).toMatchObject({ status: 'triggered', suppression: null });

    // Still down: the open incident absorbs the failing checks and pages nobody again.
    await advance(MIN);
    await advance(MIN);
    expect(newPages()).toEqual([]);
    website.answer(200);
    await advance(MIN);
    expect((await incidents(websiteMonitor.id))[0]?.status).toBe('resolved');
  });
});
