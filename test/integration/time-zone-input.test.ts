import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

const START = '2026-03-03T16:00:00.000Z';
const DAY = 86_400_000;
const after = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path);

/** Time zones are stored under their canonical name; absurd spans are refused at the field. */
describeEachDatabase('time zone and range input', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START });
  const { demo } = useDemoMonitors(t);
  const layer = { name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [] };

  it('stores a zone link as its canonical zone everywhere a zone is accepted', async () => {
    const schedule = await t.admin.post('/api/v1/schedules', { name: 'Links', teamId: demo.teamId, timeZone: 'US/Pacific', layers: [{ ...layer, timeZone: 'europe/london' }] });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);
    expect(schedule.body.timeZone).toBe('America/Los_Angeles');
    expect(schedule.body.layers[0].timeZone).toBe('Europe/London');
    const bob = ((await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[]).find((u) => u.email.startsWith('bob@'))?.id;
    const patched = await t.admin.patch(`/api/v1/users/${bob}`, { timeZone: 'EST5EDT' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await t.admin.get(`/api/v1/users/${bob}`)).body.timeZone).toBe('America/New_York');
    const monitor = await t.admin.post('/api/v1/monitors', {
      name: 'zone',
      teamId: demo.teamId,
      policyId: demo.policyId,
      kind: 'tcp',
      tcp: { host: 'db.example.com', port: 5432 },
      maintenance: { timeZone: 'Etc/UTC', weekly: [], once: [{ start: after(DAY), end: after(2 * DAY) }] },
    });
    expect(monitor.body.maintenance.timeZone).toBe('UTC');
    expect(paths(await t.admin.patch(`/api/v1/schedules/${schedule.body.id}`, { timeZone: 'Mars/Olympus' }))).toEqual(['/body/timeZone']);
  });

  it('refuses an override or fixed shift of more than a year, or reaching more than two years ahead', async () => {
    const schedule = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    const userId = ((await t.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string }[]).find((u) => u.email.startsWith('alice@'))?.id;
    const millennia = await t.admin.post(`/api/v1/schedules/${schedule}/overrides`, { userId, start: START, end: '9999-12-31T00:00:00Z' });
    expect(millennia.status).toBe(400);
    expect(millennia.body.errors).toEqual([{ path: '/body/end', message: 'must be within 366 days of start' }]);
    const farAhead = await t.admin.post(`/api/v1/schedules/${schedule}/overrides`, { userId, start: after(900 * DAY), end: after(901 * DAY) });
    expect(farAhead.body.errors).toEqual([{ path: '/body/end', message: 'must be within 732 days from now' }]);
    expect((await t.admin.post(`/api/v1/schedules/${schedule}/overrides`, { userId, start: START, end: after(366 * DAY) })).status).toBe(201);
    const layerId = (await t.admin.get(`/api/v1/schedules/${schedule}`)).body.layers[0].id;
    expect(paths(await t.admin.post(`/api/v1/schedules/${schedule}/fixed-shifts`, { layerId, userId, start: START, end: after(400 * DAY) }))).toEqual(['/body/end']);
  });

  it('refuses a timeline or a one-off maintenance window over an absurd range', async () => {
    const schedule = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    const timeline = await t.admin.get(`/api/v1/schedules/${schedule}/timeline?from=2026-01-01T00:00:00Z&to=9999-01-01T00:00:00Z`);
    expect(timeline.status).toBe(400);
    expect(paths(timeline)).toEqual(['/querystring/to']);
    const window = { start: START, end: '9999-01-01T00:00:00Z' };
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'w', teamId: demo.teamId, policyId: demo.policyId, kind: 'ping', ping: { host: 'example.com' }, maintenance: { timeZone: 'UTC', weekly: [], once: [window] } });
    expect(monitor.body.errors).toEqual([{ path: '/body/maintenance/once/0/end', message: 'must be within 366 days of start' }]);
  });
});
