import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (CST, UTC-6); a daily 09:00 turn runs to Wednesday 15:00Z.
const NOW = '2026-03-03T16:00:00.000Z';
const TURN_END = '2026-03-04T15:00:00.000Z';
const HOUR = 3_600_000;
const plus = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

interface View {
  scheduleId: string;
  team: { id: string; name: string };
  until: string | null;
  next: { user: { id: string; name: string } | null; start: string } | null;
}

describeEachDatabase("on-call next: who is paged after the current person, and the schedule's team", (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: NOW });
  });

  async function schedule(name: string, layers: unknown[]) {
    const res = await t.admin.post('/api/v1/schedules', { name, teamId: ids['team'], timeZone: 'America/Chicago', layers });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }
  const daily = (members: string[], restriction: unknown = { kind: 'always' }) => ({
    name: 'Day',
    rotation: { kind: 'daily', handoffTime: '09:00' },
    restriction,
    members: members.map((m) => ids[m]),
  });
  const onCall = async (id: string, at = NOW): Promise<View> => (await t.admin.get(`/api/v1/schedules/${id}/on-call?at=${at}`)).body;

  it('is the next person to be paged, from their handoff', async () => {
    const s = await schedule('Next plain', [daily(['alice', 'bob'])]);
    const v = await onCall(s.id);
    expect(v.next).toEqual({ user: expect.objectContaining({ id: ids['bob'], name: 'Bob Night' }), start: TURN_END });
    expect(v.team).toEqual({ id: ids['team'], name: 'Platform' });
  });

  it('skips handoffs that give the pager back to the same person, and looks past until', async () => {
    const s = await schedule('Next repeat', [daily(['alice', 'alice', 'bob']), { ...daily(['carol']), name: 'Backup' }]);
    const backup = (await t.admin.get(`/api/v1/schedules/${s.id}`)).body.layers[1].id;
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: backup, userId: ids['dave'], start: plus(1), end: plus(2) })).status).toBe(201);
    const v = await onCall(s.id);
    // The backup layer changes in an hour (until), but alice stays paged for two turns.
    expect(v.until).toBe(plus(1));
    expect(v.next).toEqual({ user: expect.objectContaining({ id: ids['bob'] }), start: '2026-03-05T15:00:00.000Z' });
  });

  it('says nobody when a coverage gap comes next, and who ends the gap during it', async () => {
    const s = await schedule('Next gap', [daily(['alice'], { kind: 'business_hours' })]);
    expect((await onCall(s.id)).next).toEqual({ user: null, start: '2026-03-03T23:00:00.000Z' });
    expect((await onCall(s.id, '2026-03-04T02:00:00.000Z')).next).toEqual({ user: expect.objectContaining({ id: ids['alice'] }), start: TURN_END });
  });

  it('sees a schedule-wide override that starts later', async () => {
    const s = await schedule('Next override', [daily(['alice', 'bob'])]);
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { userId: ids['dave'], start: plus(2), end: plus(3) })).status).toBe(201);
    expect((await onCall(s.id)).next).toEqual({ user: expect.objectContaining({ id: ids['dave'] }), start: plus(2) });
  });

  it('is null when the same person stays on call for the next 92 days', async () => {
    const s = await schedule('Next nobody else', [daily(['alice'])]);
    expect((await onCall(s.id)).next).toBeNull();
  });

  it('answers the same in the list of every schedule', async () => {
    const s = await schedule('Next listed', [daily(['alice', 'bob'])]);
    const all = (await t.admin.get('/api/v1/on-call')).body.items as View[];
    const mine = all.find((x) => x.scheduleId === s.id);
    expect(mine?.next).toEqual({ user: expect.objectContaining({ id: ids['bob'] }), start: TURN_END });
    expect(all.every((x) => x.team.name === 'Platform')).toBe(true);
  });
});
