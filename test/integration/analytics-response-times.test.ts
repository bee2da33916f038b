import { afterAll, beforeAll, expect, it } from 'vitest';
import { triggerAlert } from '../../src/service/incidents.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const MINUTE = 60_000;
const PERIOD = 'from=2026-11-16T00:00:00.000Z&to=2026-11-23T00:00:00.000Z&timeZone=UTC';

/**
 * MTTA takes each incident's first acknowledgement, kept on the incident when it is
 * written: later ones (after an ack timeout or a reassign) and merges do not move it.
 * Suppressed incidents paged nobody and are counted apart. Worked out by hand below.
 */
describeEachDatabase('analytics: first acknowledgements, merges and suppressed incidents', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-11-15T00:00:00Z' });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};

  const setClock = (iso: string) => t.anonymous.post('/api/v1/test/clock', { set: iso });
  const advance = async (ms: number) => {
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
    await t.vigil.engine.runOnce();
  };
  const alert = async (monitor: string, title: string): Promise<string> => {
    const res = await t.admin.post(`/api/v1/monitors/${ids[monitor]}/alerts`, { title });
    expect([200, 201]).toContain(res.status);
    await t.vigil.engine.runOnce();
    return res.body.incident.id as string;
  };
  const post = async (path: string, body: object = {}) => expect((await t.admin.post(`/api/v1/incidents/${path}`, body)).status).toBe(200);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const user = await t.admin.post('/api/v1/users', { email: 'first@analytics.test', name: 'Fay First', role: 'responder', password: 'long-enough', timeZone: 'UTC' });
    ids['user'] = user.body.id;
    ids['team'] = (await t.admin.post('/api/v1/teams', { name: 'Firsts' })).body.id;
    await t.admin.put(`/api/v1/teams/${ids['team']}/members/${ids['user']}`, { role: 'member' });
    expect((await t.admin.post(`/api/v1/users/${ids['user']}/contact-methods`, { kind: 'webhook', address: receiver.url('/fay') })).status).toBe(201);
    const steps = [{ waitSeconds: 0, targets: [{ type: 'user', userId: ids['user'] }] }];
    const plain = await t.admin.post('/api/v1/escalation-policies', { name: 'Fay', teamId: ids['team'], repeat: 0, steps });
    const lapsing = await t.admin.post('/api/v1/escalation-policies', { name: 'Fay, again after 5 min', teamId: ids['team'], repeat: 0, ackTimeoutSeconds: 300, steps });
    ids['Plain'] = (await t.admin.post('/api/v1/monitors', { name: 'Plain', teamId: ids['team'], policyId: plain.body.id })).body.id;
    ids['Lapsing'] = (await t.admin.post('/api/v1/monitors', { name: 'Lapsing', teamId: ids['team'], policyId: lapsing.body.id })).body.id;

    // Monday 16 November 10:00: acknowledged after 2 min, handed back by a reassign, acknowledged again at 10 min, resolved at 20.
    await setClock('2026-11-16T10:00:00Z');
    const reassigned = await alert('Plain', 'reassigned');
    await advance(2 * MINUTE);
    await post(`${reassigned}/acknowledge`);
    await advance(MINUTE);
    await post(`${reassigned}/reassign`, { userId: ids['user'] });
    await advance(7 * MINUTE);
    await post(`${reassigned}/acknowledge`);
    await advance(10 * MINUTE);
    await post(`${reassigned}/resolve`);

    // Tuesday 10:00: acknowledged after 1 min, the acknowledgement lapses at 6 min (paged again), acknowledged at 8, resolved at 11.
    await setClock('2026-11-17T10:00:00Z');
    const lapsed = await alert('Lapsing', 'lapsed');
    await advance(MINUTE);
    await post(`${lapsed}/acknowledge`);
    await advance(5 * MINUTE);
    expect((await t.admin.get(`/api/v1/incidents/${lapsed}`)).body.status).toBe('triggered');
    await advance(2 * MINUTE);
    await post(`${lapsed}/acknowledge`);
    await advance(3 * MINUTE);
    await post(`${lapsed}/resolve`);

    // Wednesday 10:00: two incidents; the first acknowledged after 4 min, the second merged into it at 6 min (resolved then, never acknowledged), the first resolved at 12.
    await setClock('2026-11-18T10:00:00Z');
    const kept = await alert('Plain', 'kept');
    const merged = await alert('Plain', 'merged');
    await advance(4 * MINUTE);
    await post(`${kept}/acknowledge`);
    await advance(2 * MINUTE);
    await post(`${kept}/merge`, { incidentIds: [merged] });
    await advance(6 * MINUTE);
    await post(`${kept}/resolve`);

    // Thursday 10:00: two suppressed incidents, one resolved by hand after a minute; they page nobody.
    await setClock('2026-11-19T10:00:00Z');
    for (const title of ['quiet', 'quiet too']) {
      const { incident } = await triggerAlert(t.vigil.database, { monitorId: ids['Plain'] as string, title, description: '', dedupKey: null, suppression: { by: 'rule', rule: 'Quiet' } }, Date.parse('2026-11-19T10:00:00Z'));
      ids[title] = incident.id;
    }
    await advance(MINUTE);
    await post(`${ids['quiet']}/resolve`);
    // Six pages: the reassigned and the lapsed incident twice each, the kept and the merged one once; none for the suppressed.
    // Counted by key: the clock jumping past a send's lease may deliver it twice (at least once), still one page.
    expect(new Set(receiver.received.filter((r) => r.path === '/fay').map((r) => r.idempotencyKey)).size).toBe(6);
  });
  afterAll(() => receiver.close());

  it('takes the first acknowledgement, counts merged incidents resolved at the merge, and keeps suppressed ones apart', async () => {
    const res = await t.admin.get(`/api/v1/analytics?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      incidents: 4,
      suppressed: 2,
      // 60, 120 and 240 s: the first acknowledgements, not the 480 and 600 s ones.
      timeToAcknowledge: { count: 3, medianSeconds: 120, p90Seconds: 216 },
      // 360 (merged), 660, 720 and 1200 s; the suppressed one resolved after 60 s is left out. p90 at rank 2.7: 720 + 0.7 × 480.
      timeToResolve: { count: 4, medianSeconds: 690, p90Seconds: 1056 },
      pages: 6,
    });
    expect(res.body.weeks).toEqual([
      { start: '2026-11-16T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z', incidents: 4, suppressed: 2, pages: 6, sleepInterruptions: 0, outsideBusinessHours: 0 },
    ]);
    // A merged incident's alert moved to the one it joined, and counts there only: 3 alerts, not 4.
    expect(res.body.noisyMonitors).toEqual([
      { monitor: { id: ids['Plain'], name: 'Plain', teamId: ids['team'] }, incidents: 3, alerts: 3, pages: 4 },
      { monitor: { id: ids['Lapsing'], name: 'Lapsing', teamId: ids['team'] }, incidents: 1, alerts: 1, pages: 2 },
    ]);
    const csv = (await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&view=summary`)).body as string;
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining(['"incidents",4', '"suppressed",2', '"acknowledged",3', '"mtta_median_seconds",120']));
  });

  it('keeps the first acknowledgement on the incident as it was written', async () => {
    const rows = await t.vigil.database.db.selectFrom('incidents').select(['title', 'triggered_at', 'first_acknowledged_at', 'acknowledged_at']).where('title', 'in', ['reassigned', 'lapsed', 'merged']).orderBy('title').execute();
    const minutes = (from: number, at: number | null) => (at === null ? null : (Number(at) - Number(from)) / MINUTE);
    expect(rows.map((r) => [r.title, minutes(r.triggered_at, r.first_acknowledged_at), minutes(r.triggered_at, r.acknowledged_at)])).toEqual([
      ['lapsed', 1, 8],
      ['merged', null, null],
      ['reassigned', 2, 10],
    ]);
  });
});
