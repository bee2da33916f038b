import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp, type Caller } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6). US clocks spring forward on Sunday 8 March.
const NOW = '2026-03-03T16:00:00.000Z';
const HOUR = 3_600_000;
const plus = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

interface Shift {
  scheduleId: string;
  scheduleName: string;
  start: string;
  end: string;
  startsEarlier: boolean;
  endsLater: boolean;
  via: { layerId: string | null; layerName: string | null; source: string }[];
}

describeEachDatabase('my on-call: my next shifts on every schedule and my hours this month', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);
  let me: Caller;
  let meId: string;

  async function person(name: string, timeZone: string) {
    const email = `${name.toLowerCase()}@example.com`;
    const res = await t.admin.post('/api/v1/users', { email, name, role: 'viewer', password: 'correct horse battery', timeZone });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, caller: await t.login(email, 'correct horse battery') };
  }

  async function schedule(name: string, layers: unknown[], timeZone = 'America/Chicago') {
    const res = await t.admin.post('/api/v1/schedules', { name, teamId: ids['team'], timeZone, layers });
    expect(res.status).toBe(201);
    return res.body as { id: string; layers: { id: string; name: string }[] };
  }

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: NOW });
    meId = (await person('Morgan', 'America/Chicago')).id;
  });
  beforeEach(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: NOW });
    // Logged in afresh: a test that moves the clock weeks ahead ends the sessions made before.
    me = await t.login('morgan@example.com', 'correct horse battery');
  });

  it('lists my shifts as primary soonest first, whole, with the layer or override that gives them to me', async () => {
    const daily = await schedule('Daily', [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [meId, ids['bob']] }]);
    // Business hours, then the after-hours layer: both mine until next Monday, one stretch on call.
    const split = await schedule('Split', [
      { name: 'Business', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [meId] },
      { name: 'After hours', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [meId, ids['carol']] },
    ]);
    const covered = await schedule('Covered', [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['dave']] }]);
    expect((await t.admin.post(`/api/v1/schedules/${covered.id}/overrides`, { userId: meId, start: plus(2), end: plus(3) })).status).toBe(201);
    // Someone else's shifts are not mine.
    await schedule('Not mine', [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice']] }]);

    const res = await me.get('/api/v1/me/on-call?days=3');
    expect(res.status).toBe(200);
    expect(res.body.from).toBe(NOW);
    expect(res.body.to).toBe(plus(72));
    expect(res.body.timeZone).toBe('America/Chicago');
    const shifts = res.body.shifts as Shift[];
    const day = { layerId: daily.layers[0]?.id, layerName: 'Day', source: 'rotation' };
    expect(shifts.map((s) => [s.scheduleName, s.start, s.end])).toEqual([
      ['Daily', NOW, '2026-03-04T15:00:00.000Z'],
      ['Split', NOW, '2026-03-09T22:00:00.000Z'],
      ['Covered', plus(2), plus(3)],
      ['Daily', '2026-03-05T15:00:00.000Z', '2026-03-06T15:00:00.000Z'],
    ]);
    expect(shifts[0]?.via).toEqual([day]);
    // Monday 9 March 17:00 CDT: Business hands the pager to carol's After-hours turn.
    expect(shifts[1]?.via).toEqual([
      { layerId: split.layers[0]?.id, layerName: 'Business', source: 'rotation' },
      { layerId: split.layers[1]?.id, layerName: 'After hours', source: 'rotation' },
    ]);
    expect(shifts[2]).toMatchObject({ scheduleId: covered.id, via: [{ layerId: null, layerName: null, source: 'override' }] });
    expect(shifts.every((s) => !s.startsEarlier && !s.endsLater)).toBe(true);
  });

  it('says when a shift goes on beyond what was searched, instead of inventing a handoff', async () => {
    const { id } = await person('Lone', 'America/Chicago');
    const before = await schedule('For good', [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [id] }]);
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: plus(40 * 24) });
    // A new login: the first one's session has expired by then.
    const caller = await t.login('lone@example.com', 'correct horse battery');
    const [shift] = (await caller.get('/api/v1/me/on-call?days=3')).body.shifts as Shift[];
    expect(shift).toMatchObject({ scheduleId: before.id, startsEarlier: true, endsLater: true });
    // Now is 12 April: searched from 14 days before now (before 1 April) to the end of April
    // in Chicago (after 14 days past the 3-day range), for the month's hours.
    expect(shift?.start).toBe('2026-03-29T16:00:00.000Z');
    expect(shift?.end).toBe('2026-05-01T05:00:00.000Z');
  });

  it('counts my hours this month on my wall clock, each hour once, and those already behind me', async () => {
    const { id, caller } = await person('Kenji', 'Asia/Tokyo');
    await schedule('Always', [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [id] }], 'UTC');
    const other = await schedule('Elsewhere', [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['dave']] }], 'UTC');
    // On call on two schedules at once for an hour: still one hour.
    expect((await t.admin.post(`/api/v1/schedules/${other.id}/overrides`, { userId: id, start: plus(1), end: plus(2) })).status).toBe(201);

    const month = (await caller.get('/api/v1/me/on-call')).body.month;
    // March in Tokyo: 1 March 00:00 +09 to 1 April 00:00 +09; on call from now to its end.
    expect(month).toMatchObject({ from: '2026-02-28T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z', total: 671, soFar: 0 });
    expect(month.businessHours + month.nights + month.weekends).toBeCloseTo(671);
    // Now is Wednesday 4 March 01:00 in Tokyo: 20 weekdays of 09:00–17:00 remain (4th to 31st).
    expect(month.businessHours).toBe(160);

    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: plus(10) });
    expect((await caller.get('/api/v1/me/on-call')).body.month).toMatchObject({ total: 671, soFar: 10 });
  });

  it('takes 1 to 92 days, 30 by default, and needs a login', async () => {
    expect((await me.get('/api/v1/me/on-call')).body.to).toBe(plus(30 * 24));
    expect((await me.get('/api/v1/me/on-call?days=92')).status).toBe(200);
    for (const days of ['0', '93', '1.5', 'soon']) {
      const res = await me.get(`/api/v1/me/on-call?days=${days}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('/querystring/days');
    }
    expect((await me.get('/api/v1/me/on-call?from=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await t.anonymous.get('/api/v1/me/on-call')).status).toBe(401);
  });
});
