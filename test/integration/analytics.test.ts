import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const MINUTE = 60_000;
const PERIOD = 'from=2026-11-02T00:00:00.000Z&to=2026-11-16T00:00:00.000Z';

/**
 * One person in Tokyo paged by webhook for two monitors, with incidents opened, acknowledged
 * and resolved on the test clock; every figure below is worked out by hand from them.
 */
describeEachDatabase('analytics', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-10-30T00:00:00Z' });
  let receiver: WebhookReceiver;
  const ids: Record<string, string> = {};

  const setClock = (iso: string) => t.anonymous.post('/api/v1/test/clock', { set: iso });
  const advance = (ms: number) => t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
  const alert = async (monitor: string, title: string, dedupKey?: string): Promise<string> => {
    const res = await t.admin.post(`/api/v1/monitors/${ids[monitor]}/alerts`, { title, ...(dedupKey && { dedupKey }) });
    expect([200, 201]).toContain(res.status);
    await t.vigil.engine.runOnce();
    return res.body.incident.id as string;
  };
  const act = async (incident: string, action: 'acknowledge' | 'resolve') => expect((await t.admin.post(`/api/v1/incidents/${incident}/${action}`, {})).status).toBe(200);
  const analytics = (query = '') => t.admin.get(`/api/v1/analytics?${PERIOD}${query}`);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const user = await t.admin.post('/api/v1/users', { email: 'pager@analytics.test', name: 'Pat Pager', role: 'responder', password: 'long-enough', timeZone: 'Asia/Tokyo' });
    ids['user'] = user.body.id;
    ids['team'] = (await t.admin.post('/api/v1/teams', { name: 'Analytics' })).body.id;
    ids['otherTeam'] = (await t.admin.post('/api/v1/teams', { name: 'Quiet' })).body.id;
    await t.admin.put(`/api/v1/teams/${ids['team']}/members/${ids['user']}`, { role: 'member' });
    // A webhook contact method is verified on creation and gets a notification rule at once.
    expect((await t.admin.post(`/api/v1/users/${ids['user']}/contact-methods`, { kind: 'webhook', address: receiver.url('/pager') })).status).toBe(201);
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: 'Pat', teamId: ids['team'], repeat: 0, steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: ids['user'] }] }] });
    for (const name of ['Checkout', 'Search']) ids[name] = (await t.admin.post('/api/v1/monitors', { name, teamId: ids['team'], policyId: policy.body.id })).body.id;

    // Before the period: neither the incident nor its page counts.
    await setClock('2026-10-30T12:00:00Z');
    await act(await alert('Checkout', 'before'), 'resolve');
    // Monday 10:00 UTC (19:00 in Tokyo: off work, awake): acknowledged after 2 min, resolved after 10.
    await setClock('2026-11-02T10:00:00Z');
    const first = await alert('Checkout', 'first');
    await advance(2 * MINUTE);
    await act(first, 'acknowledge');
    await advance(8 * MINUTE);
    await act(first, 'resolve');
    // Tuesday 15:00 UTC (midnight in Tokyo): a repeat alert is absorbed; acknowledged after 5 min, resolved after an hour.
    await setClock('2026-11-03T15:00:00Z');
    const second = await alert('Checkout', 'second', 'disk');
    await advance(MINUTE);
    expect(await alert('Checkout', 'second again', 'disk')).toBe(second);
    await advance(4 * MINUTE);
    await act(second, 'acknowledge');
    await advance(55 * MINUTE);
    await act(second, 'resolve');
    // Monday 9 November 01:00 UTC (10:00 in Tokyo, working): resolved after 30 min, never acknowledged.
    await setClock('2026-11-09T01:00:00Z');
    const third = await alert('Search', 'third');
    await advance(30 * MINUTE);
    await act(third, 'resolve');
    expect(receiver.received.filter((r) => r.path === '/pager')).toHaveLength(4);
  });
  afterAll(() => receiver.close());

  it('works out MTTA, MTTR, pages, sleep interruptions and the weeks of the period', async () => {
    const res = await analytics('&timeZone=UTC');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-16T00:00:00.000Z',
      timeZone: 'UTC',
      teamId: null,
      monitorId: null,
      incidents: 3,
      suppressed: 0,
      // 120 s and 300 s; p90 sits nine tenths of the way between them.
      timeToAcknowledge: { count: 2, medianSeconds: 210, p90Seconds: 282 },
      // 600, 1800 and 3600 s; p90 at rank 1.8 is 1800 + 0.8 × 1800.
      timeToResolve: { count: 3, medianSeconds: 1800, p90Seconds: 3240 },
      pages: 3,
      sleepInterruptions: 1,
      outsideBusinessHours: 2,
    });
    expect(res.body.weeks).toEqual([
      { start: '2026-11-02T00:00:00.000Z', end: '2026-11-09T00:00:00.000Z', incidents: 2, suppressed: 0, pages: 2, sleepInterruptions: 1, outsideBusinessHours: 2 },
      { start: '2026-11-09T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z', incidents: 1, suppressed: 0, pages: 1, sleepInterruptions: 0, outsideBusinessHours: 0 },
    ]);
    expect(res.body.people).toEqual([{ user: { id: ids['user'], name: 'Pat Pager', email: 'pager@analytics.test' }, pages: 3, sleepInterruptions: 1, outsideBusinessHours: 2 }]);
    expect(res.body.noisyMonitors).toEqual([
      { monitor: { id: ids['Checkout'], name: 'Checkout', teamId: ids['team'] }, incidents: 2, alerts: 3, pages: 2 },
      { monitor: { id: ids['Search'], name: 'Search', teamId: ids['team'] }, incidents: 1, alerts: 1, pages: 1 },
    ]);
  });

  it("splits the weeks on the chosen zone's Monday midnights, by default the caller's", async () => {
    const tokyo = await analytics('&timeZone=Asia/Tokyo');
    expect(tokyo.body.weeks.map((w: { start: string; incidents: number }) => [w.start, w.incidents])).toEqual([
      ['2026-11-02T00:00:00.000Z', 2],
      ['2026-11-08T15:00:00.000Z', 1],
      ['2026-11-15T15:00:00.000Z', 0],
    ]);
    const pat = await t.login('pager@analytics.test', 'long-enough');
    expect((await pat.get(`/api/v1/analytics?${PERIOD}`)).body.timeZone).toBe('Asia/Tokyo');
  });

  it('takes the last N days up to `to`, or up to now by default', async () => {
    const days = await t.admin.get('/api/v1/analytics?to=2026-11-16T00:00:00.000Z&days=14&timeZone=UTC');
    expect(days.body).toMatchObject({ from: '2026-11-02T00:00:00.000Z', incidents: 3, pages: 3 });
    // The clock stands at 9 November 01:30: the last 30 days reach back past the incident of 30 October.
    const recent = await t.admin.get('/api/v1/analytics');
    expect(recent.body).toMatchObject({ incidents: 4, pages: 4 });
    expect(Date.parse(recent.body.to) - Date.parse(recent.body.from)).toBe(30 * 24 * 60 * MINUTE);
  });

  it('narrows to a team or a monitor', async () => {
    const search = await analytics(`&monitorId=${ids['Search']}`);
    expect(search.body).toMatchObject({ monitorId: ids['Search'], incidents: 1, pages: 1, timeToAcknowledge: { count: 0, medianSeconds: null, p90Seconds: null } });
    expect(search.body.noisyMonitors.map((m: { monitor: { name: string } }) => m.monitor.name)).toEqual(['Search']);
    const team = await analytics(`&teamId=${ids['team']}`);
    expect(team.body).toMatchObject({ incidents: 3, pages: 3 });
    const quiet = await analytics(`&teamId=${ids['otherTeam']}&timeZone=UTC`);
    expect(quiet.body).toMatchObject({ incidents: 0, pages: 0, sleepInterruptions: 0, people: [], noisyMonitors: [] });
    expect(quiet.body.weeks.map((w: { incidents: number }) => w.incidents)).toEqual([0, 0]);
  });

  it('is read by viewers too', async () => {
    await t.admin.post('/api/v1/users', { email: 'viewer@analytics.test', name: 'Vic Viewer', role: 'viewer', password: 'long-enough' });
    const viewer = await t.login('viewer@analytics.test', 'long-enough');
    expect((await viewer.get(`/api/v1/analytics?${PERIOD}`)).body.incidents).toBe(3);
    expect((await t.anonymous.get(`/api/v1/analytics?${PERIOD}`)).status).toBe(401);
  });

  it('answers bad filters with the field path', async () => {
    const paths = async (query: string) => {
      const res = await t.admin.get(`/api/v1/analytics?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths('from=2026-11-16T00:00:00Z&to=2026-11-02T00:00:00Z')).toEqual(['/querystring/to']);
    expect(await paths('from=2025-01-01T00:00:00Z&to=2026-11-02T00:00:00Z')).toEqual(['/querystring/to']);
    expect(await paths(`${PERIOD}&timeZone=Mars/Olympus`)).toEqual(['/querystring/timeZone']);
    expect(await paths(`${PERIOD}&teamId=00000000-0000-4000-8000-000000000000`)).toEqual(['/querystring/teamId']);
    expect(await paths(`${PERIOD}&monitorId=00000000-0000-4000-8000-000000000000`)).toEqual(['/querystring/monitorId']);
    expect(await paths(`${PERIOD}&teamId=${ids['otherTeam']}&monitorId=${ids['Search']}`)).toEqual(['/querystring/monitorId']);
    expect(await paths('from=yesterday&to=2026-11-02T00:00:00Z')).toEqual(['/querystring/from']);
    expect(await paths(`${PERIOD}&days=7`)).toEqual(['/querystring/days']);
    expect(await paths('days=400')).toEqual(['/querystring/days']);
  });

  describe('CSV', () => {
    it('downloads the weeks, the people, the monitors or the summary', async () => {
      const weeks = await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&timeZone=UTC`);
      expect(weeks.status).toBe(200);
      expect(weeks.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(weeks.headers['content-disposition']).toBe('attachment; filename="vigil-analytics-weeks-2026-11-02-2026-11-16.csv"');
      expect(weeks.body).toBe(
        'week_start,week_end,incidents,pages,sleep_interruptions,outside_business_hours,suppressed\r\n' +
          '"2026-11-02T00:00:00.000Z","2026-11-09T00:00:00.000Z",2,2,1,2,0\r\n' +
          '"2026-11-09T00:00:00.000Z","2026-11-16T00:00:00.000Z",1,1,0,0,0\r\n',
      );
      expect((await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&view=people`)).body).toBe('name,email,pages,sleep_interruptions,outside_business_hours\r\n"Pat Pager","pager@analytics.test",3,1,2\r\n');
      expect((await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&view=monitors`)).body).toBe('monitor,incidents,alerts,pages\r\n"Checkout",2,3,2\r\n"Search",1,1,1\r\n');
      const summary = (await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&view=summary&monitorId=${ids['Search']}`)).body as string;
      expect(summary.split('\r\n')).toEqual(expect.arrayContaining(['figure,value', '"incidents",1', '"mtta_median_seconds",', '"mttr_median_seconds",1800', '"sleep_interruptions",0']));
    });

    it('refuses an unknown view', async () => {
      const res = await t.admin.get(`/api/v1/analytics.csv?${PERIOD}&view=everything`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/querystring/view']);
    });
  });

  it('counts a merged incident\'s alerts once, under the incident they joined', async () => {
    // Last: it adds incidents after the period the others read.
    await setClock('2026-11-09T02:00:00Z');
    const kept = await alert('Checkout', 'payments down');
    const merged = await alert('Search', 'search slow');
    expect((await t.admin.post(`/api/v1/incidents/${kept}/merge`, { incidentIds: [merged] })).status).toBe(200);
    const res = await t.admin.get('/api/v1/analytics?from=2026-11-09T01:45:00.000Z&to=2026-11-09T03:00:00.000Z&timeZone=UTC');
    // Both paged, so both count as incidents of their monitors; the two alerts now sit on the one kept.
    expect(res.body.noisyMonitors.map((m: { monitor: { name: string }; incidents: number; alerts: number }) => [m.monitor.name, m.incidents, m.alerts])).toEqual([
      ['Checkout', 1, 2],
      ['Search', 1, 0],
    ]);
  });
});
