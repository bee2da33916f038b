import { beforeAll, expect, it } from 'vitest';
import { scheduleVersions } from '../../src/store/schedules.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (UTC-6). A new daily 09:00 rotation starts with its
// first member, whose turn runs to Wednesday 09:00 (15:00Z).
const NOW = '2026-03-03T16:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const plus = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

type Ref = { id: string } | null;
type OnCall = { until: string | null; primary: { user: Ref; source: string; coverFor: Ref } | null; layers: { user: Ref; source: string; coverFor: Ref }[] };

describeEachDatabase('time off: automatic cover', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const ids = useDemoIds(t);
  // A team of its own: mgr manages it; sam and mem are members; out is in no team.
  const people = useTeamPeople(t, `Time off ${dialect}`, [{ name: 'mgr', teamRole: 'manager' }, { name: 'sam' }, { name: 'mem' }, { name: 'out', team: null }]);
  let schedule: string;

  beforeAll(async () => {
    const res = await t.admin.post('/api/v1/schedules', {
      name: 'Time off rota',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Primary', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob'], ids['carol']] }],
    });
    expect(res.status).toBe(201);
    schedule = res.body.id;
  });

  const onCall = async (at: string): Promise<OnCall> => (await t.admin.get(`/api/v1/schedules/${schedule}/on-call?at=${at}`)).body;
  /** Who the paging plan (which reads the schedule cache, unlike the on-call view) would page at `at`. */
  const planned = async (at: string): Promise<string[]> => {
    const res = await t.admin.post('/api/v1/escalation-policies/paging-plan', { at, steps: [{ waitSeconds: 60, targets: [{ type: 'schedule', scheduleId: schedule }] }] });
    expect(res.status).toBe(200);
    return res.body.steps[0].targets[0].userIds;
  };

  it("covers alice's turn with bob while she is away, seen by on-call, timeline and the cached paging plan; editing and cancelling move it back", async () => {
    // Read through the cache first, so a stale entry would show below.
    expect(await planned(plus(2))).toEqual([ids['alice']]);

    const created = await t.admin.post(`/api/v1/users/${ids['alice']}/time-off`, { start: plus(1), end: plus(3), note: '  Dentist ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: ids['alice'], start: plus(1), end: plus(3), note: 'Dentist', source: 'manual' });
    const id = created.body.id as string;

    const during = await onCall(plus(2));
    expect(during.primary).toMatchObject({ user: { id: ids['bob'] }, source: 'cover', coverFor: { id: ids['alice'] } });
    expect(during.layers[0]).toMatchObject({ user: { id: ids['bob'] }, source: 'cover', coverFor: { id: ids['alice'] } });
    expect(during.until).toBe(plus(3));
    expect((await onCall(NOW)).primary).toMatchObject({ user: { id: ids['alice'] }, source: 'rotation', coverFor: null });
    expect(await planned(plus(2))).toEqual([ids['bob']]);

    const timeline = (await t.admin.get(`/api/v1/schedules/${schedule}/timeline?from=${NOW}&to=${plus(6)}`)).body;
    expect(timeline.final.map((f: { start: string; user: Ref; source: string; coverFor: Ref }) => [f.start, f.user?.id, f.source, f.coverFor?.id ?? null])).toEqual([
      [NOW, ids['alice'], 'rotation', null],
      [plus(1), ids['bob'], 'cover', ids['alice']],
      [plus(3), ids['alice'], 'rotation', null],
    ]);

    const list = await t.admin.get(`/api/v1/users/${ids['alice']}/time-off`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([id]);

    const moved = await t.admin.patch(`/api/v1/users/${ids['alice']}/time-off/${id}`, { end: plus(4) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: plus(1), end: plus(4), note: 'Dentist' });
    expect((await onCall(plus(2))).until).toBe(plus(4));
    expect(await planned(plus(3.5))).toEqual([ids['bob']]);

    expect((await t.admin.delete(`/api/v1/users/${ids['alice']}/time-off/${id}`)).status).toBe(204);
    expect((await onCall(plus(2))).primary).toMatchObject({ user: { id: ids['alice'] }, source: 'rotation' });
    expect(await planned(plus(2))).toEqual([ids['alice']]);
    expect((await t.admin.get(`/api/v1/users/${ids['alice']}/time-off`)).body.items).toEqual([]);

    const audit = (await t.admin.get(`/api/v1/audit-log?entityId=${id}`)).body.items as { entityType: string; action: string }[];
    expect(audit.map((a) => [a.entityType, a.action]).reverse()).toEqual([
      ['time_off', 'create'],
      ['time_off', 'update'],
      ['time_off', 'delete'],
    ]);
  });

  it('cancelling time off under way ends it now; over, it stays', async () => {
    const id = (await t.admin.post(`/api/v1/users/${ids['carol']}/time-off`, { start: plus(-0.5), end: plus(50) })).body.id as string;
    expect((await t.admin.delete(`/api/v1/users/${ids['carol']}/time-off/${id}`)).status).toBe(204);
    const [row] = (await t.admin.get(`/api/v1/users/${ids['carol']}/time-off?from=${plus(-1)}`)).body.items;
    expect([row.start, row.end]).toEqual([plus(-0.5), NOW]);
    const again = await t.admin.delete(`/api/v1/users/${ids['carol']}/time-off/${id}`);
    expect([again.status, again.body.code]).toEqual([409, 'past_is_immutable']);
  });

  it('the person, managers of their team and admins may write it; teammates only read; others neither', async () => {
    const sam = people.ids['sam'];
    const span = { start: plus(24), end: plus(48) };
    const own = await people.as['sam']!.post(`/api/v1/users/${sam}/time-off`, span);
    expect(own.status).toBe(201);
    expect((await people.as['mgr']!.post(`/api/v1/users/${sam}/time-off`, { start: plus(72), end: plus(80), note: 'Conference' })).status).toBe(201);
    expect((await people.as['mgr']!.patch(`/api/v1/users/${sam}/time-off/${own.body.id}`, { note: 'Moving house' })).status).toBe(200);

    const read = await people.as['mem']!.get(`/api/v1/users/${sam}/time-off`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((x: { note: string }) => x.note)).toEqual(['Moving house', 'Conference']);
    expect((await people.as['mem']!.post(`/api/v1/users/${sam}/time-off`, span)).status).toBe(403);
    expect((await people.as['mem']!.delete(`/api/v1/users/${sam}/time-off/${own.body.id}`)).status).toBe(403);
    expect((await people.as['mem']!.get(`/api/v1/users/${sam}/time-off-calendar`)).status).toBe(403);
    expect((await people.as['out']!.get(`/api/v1/users/${sam}/time-off`)).status).toBe(403);
    expect((await people.as['out']!.post(`/api/v1/users/${sam}/time-off`, span)).status).toBe(403);
    expect((await people.as['sam']!.post(`/api/v1/users/${people.ids['mem']}/time-off`, span)).status).toBe(403);
  });

  it('refuses bad spans and addresses with the field that is wrong, and writes nothing', async () => {
    const alice = ids['alice'];
    const bad = async (body: unknown, path: string, url = `/api/v1/users/${alice}/time-off`) => {
      const res = await t.admin.post(url, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({ start: plus(5), end: plus(4) }, '/body/end');
    await bad({ start: plus(-5), end: plus(-4) }, '/body/end');
    await bad({ start: plus(1), end: new Date(Date.parse(NOW) + 400 * DAY).toISOString() }, '/body/end');
    await bad({ start: new Date(Date.parse(NOW) + 800 * DAY).toISOString(), end: new Date(Date.parse(NOW) + 801 * DAY).toISOString() }, '/body/end');
    await bad({ start: 'next tuesday', end: plus(4) }, '/body/start');
    await bad({ start: plus(1), end: plus(2), note: 'x'.repeat(201) }, '/body/note');
    await bad({ start: plus(1), end: plus(2), userId: alice }, '/body/userId');
    expect((await t.admin.get(`/api/v1/users/${alice}/time-off`)).body.items).toEqual([]);
    expect((await t.admin.post('/api/v1/users/00000000-0000-4000-8000-000000000000/time-off', { start: plus(1), end: plus(2) })).status).toBe(404);

    const id = (await t.admin.post(`/api/v1/users/${alice}/time-off`, { start: plus(-1), end: plus(1) })).body.id as string;
    const moveStart = await t.admin.patch(`/api/v1/users/${alice}/time-off/${id}`, { start: plus(0.5) });
    expect([moveStart.status, moveStart.body.errors?.[0]?.path]).toEqual([400, '/body/start']);
    expect((await t.admin.patch(`/api/v1/users/${alice}/time-off/${id}`, { end: plus(-0.5) })).status).toBe(400);
    await t.admin.delete(`/api/v1/users/${alice}/time-off/${id}`);

    const put = async (url: unknown) => t.admin.put(`/api/v1/users/${alice}/time-off-calendar`, { url });
    for (const url of ['ftp://calendar.example.com/leave.ics', 'not a url', 'http://169.254.169.254/latest/meta-data']) {
      const res = await put(url);
      expect([res.status, res.body.errors?.[0]?.path], url).toEqual([400, '/body/url']);
    }
    expect((await t.admin.get(`/api/v1/users/${alice}/time-off-calendar`)).body).toEqual({ url: null, urlHidden: false, syncedAt: null, error: null });
    const set = await put(' https://calendar.example.com/alice/leave.ics ');
    expect(set.body).toEqual({ url: 'https://calendar.example.com/alice/leave.ics', urlHidden: false, syncedAt: null, error: null });
    const audit = (await t.admin.get(`/api/v1/audit-log?entityId=${alice}&entityType=time_off_calendar`)).body.items;
    expect(audit[0].after).toEqual({ host: 'calendar.example.com', secretUrl: 'changed' });
    expect((await put(null)).body.url).toBeNull();
  });

  it("a time-off row written by any path (another node, the command line) changes the version of every schedule naming the user, and no other's", async () => {
    const { db } = t.vigil.database;
    const other = (
      await t.admin.post('/api/v1/schedules', {
        name: 'Without alice',
        teamId: ids['team'],
        timeZone: 'UTC',
        layers: [{ name: 'Only', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ids['dave']] }],
      })
    ).body.id as string;
    const versions = () => scheduleVersions(db, [schedule, other]);
    const before = await versions();
    const row = { id: '01900000-0000-7000-8000-00000000abcd', user_id: ids['alice'] as string, start_at: Date.parse(plus(30)), end_at: Date.parse(plus(40)), created_at: Date.parse(NOW) };
    await db.insertInto('time_off').values(row).execute();
    const inserted = await versions();
    expect(inserted.get(schedule)).not.toBe(before.get(schedule));
    expect(inserted.get(other)).toBe(before.get(other));
    await db.updateTable('time_off').set({ end_at: row.end_at + HOUR }).where('id', '=', row.id).execute();
    const updated = await versions();
    expect(updated.get(schedule)).not.toBe(inserted.get(schedule));
    await db.deleteFrom('time_off').where('id', '=', row.id).execute();
    const deleted = await versions();
    expect(deleted.get(schedule)).not.toBe(updated.get(schedule));
    expect(deleted.get(other)).toBe(before.get(other));
  });
});
