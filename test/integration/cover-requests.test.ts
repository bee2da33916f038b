import { beforeAll, expect, it } from 'vitest';
import { tellExpiredCoverRequests } from '../../src/service/cover-requests.js';
import { describeEachDatabase } from '../support/databases.js';
import { queuedNotices } from '../support/queued-notices.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp, type Caller } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 UTC; a daily 09:00 rotation of ann, ben and cat.
const NOW = '2026-03-03T10:00:00.000Z';
const HOUR = 3_600_000;
// As the demo owner who made them before: notices read in Chicago time.
const ZONE = 'America/Chicago';
const at = (ms: number) => new Date(ms).toISOString();

interface Segment {
  start: string;
  end: string;
  user: { id: string } | null;
}

describeEachDatabase('cover requests', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const team = useTeamPeople(t, `Cover ${dialect}`, [
    { name: 'ann', timeZone: ZONE },
    { name: 'ben', timeZone: ZONE },
    { name: 'cat', timeZone: ZONE },
    { name: 'meg', timeZone: ZONE, teamRole: 'manager' },
    { name: 'dan', timeZone: ZONE, team: 'other' },
  ]);
  const { ids, as } = team;
  let scheduleId = '';
  let layerId = '';

  beforeAll(async () => {
    const created = await t.admin.post('/api/v1/schedules', {
      name: 'Cover',
      teamId: team.teamId,
      timeZone: 'UTC',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['ann'], ids['ben'], ids['cat']] }],
    });
    scheduleId = created.body.id;
    layerId = created.body.layers[0].id;
  });

  /** The first whole turn, starting after now + `after` hours, and whose it is. */
  async function turn(after = 1): Promise<{ start: string; end: string; userId: string }> {
    const now = Date.parse((await t.anonymous.get('/api/v1/test/clock')).body.now);
    const timeline = (await t.admin.get(`/api/v1/schedules/${scheduleId}/timeline?from=${at(now)}&to=${at(now + 5 * 24 * HOUR)}`)).body;
    const s = (timeline.final as Segment[]).find((x) => Date.parse(x.start) > now + after * HOUR && x.user !== null) as Segment;
    return { start: s.start, end: s.end, userId: s.user?.id as string };
  }
  const nameOf = (userId: string) => Object.keys(ids).find((k) => ids[k] === userId) as string;
  const path = (suffix = '') => `/api/v1/schedules/${scheduleId}/cover-requests${suffix}`;
  const noticeKeys = (prefix: string) => queuedNotices(t, prefix);

  it('refuses spans the requester is not on call for, and bad input, with the field', async () => {
    const shift = await turn();
    const requester = nameOf(shift.userId);
    const someoneElse = ['ann', 'ben', 'cat'].find((n) => n !== requester) as string;
    const cases: [Caller, object, string][] = [
      [as[someoneElse] as Caller, { layerId, start: shift.start, end: shift.end }, '/body/start'],
      [as[requester] as Caller, { layerId, start: shift.end, end: shift.start }, '/body/end'],
      [as[requester] as Caller, { layerId: '00000000-0000-4000-8000-000000000000', start: shift.start, end: shift.end }, '/body/layerId'],
      [as[requester] as Caller, { layerId, start: shift.start, end: shift.end, note: 'x'.repeat(501) }, '/body/note'],
      [as[requester] as Caller, { layerId, start: 'soon', end: shift.end }, '/body/start'],
      [as[requester] as Caller, { start: shift.start, end: shift.end }, '/body/layerId'],
      [as[requester] as Caller, { layerId, start: shift.start, end: at(Date.parse(shift.end) + HOUR) }, '/body/start'],
    ];
    for (const [caller, body, field] of cases) {
      const res = await caller.post(path(), body);
      expect([res.status, res.headers['content-type'], res.body.errors?.map((e: { path: string }) => e.path)]).toEqual([400, 'application/problem+json; charset=utf-8', [field]]);
    }
    expect((await t.admin.get(path())).body.items).toEqual([]);
  });

  it('asks the other members, who are told; the first of two concurrent accepts gets the override, the other a 409', async () => {
    const shift = await turn();
    const requester = nameOf(shift.userId);
    const others = ['ann', 'ben', 'cat'].filter((n) => n !== requester) as [string, string];
    const created = await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end, note: 'Dentist' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ layerId, layerName: 'Day', scheduleName: 'Cover', requester: { id: ids[requester] }, note: 'Dentist', status: 'open', acceptBy: shift.start, acceptedBy: null, overrideId: null });
    expect(created.body.asked.map((u: { id: string }) => u.id).sort()).toEqual(others.map((n) => ids[n]).sort());
    const rid = created.body.id as string;

    const told = await noticeKeys(`cover-request:${rid}:`);
    expect(told.map((n) => n.userId).sort()).toEqual(others.map((n) => ids[n]).sort());
    expect(told[0]?.text).toContain(`${requester} asks for cover on Cover (Day)`);
    expect(told[0]?.text).toContain(`/cover-requests#${rid}`);

    // Asking twice for the same span is refused; the list for me has it for those asked only.
    expect((await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end })).body.code).toBe('cover_already_asked');
    expect((await as[others[0]]!.get('/api/v1/me/cover-requests')).body.items.map((r: { id: string }) => r.id)).toEqual([rid]);
    expect((await as['dan']!.get('/api/v1/me/cover-requests')).body.items).toEqual([]);
    expect((await as[requester]!.get('/api/v1/me/cover-requests')).body.items).toEqual([]);

    // Only those asked may accept.
    expect((await as['dan']!.post(path(`/${rid}/accept`))).status).toBe(403);
    expect((await as[requester]!.post(path(`/${rid}/accept`))).status).toBe(403);
    expect((await as['meg']!.post(path(`/${rid}/accept`))).status).toBe(403);

    const [a, b] = await Promise.all(others.map((n) => as[n]!.post(path(`/${rid}/accept`))));
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const winner = a?.status === 200 ? others[0] : others[1];
    const won = (a?.status === 200 ? a : b)?.body;
    expect(won).toMatchObject({ status: 'accepted', acceptedBy: { id: ids[winner] }, overrideId: expect.any(String) });
    expect((a?.status === 409 ? a : b)?.body.code).toBe('cover_request_closed');

    const overrides = (await t.admin.get(`/api/v1/schedules/${scheduleId}/overrides?from=${shift.start}&to=${shift.end}`)).body.items;
    expect(overrides.map((o: { id: string; user: { id: string }; layerId: string; start: string; end: string; mode: string }) => [o.id, o.user.id, o.layerId, o.start, o.end, o.mode])).toEqual([
      [won.overrideId, ids[winner], layerId, shift.start, shift.end, 'replace'],
    ]);
    const middle = at((Date.parse(shift.start) + Date.parse(shift.end)) / 2);
    expect((await t.admin.get(`/api/v1/schedules/${scheduleId}/on-call?at=${middle}`)).body.primary.user.id).toBe(ids[winner]);

    const accepted = await noticeKeys(`cover-accepted:${rid}:`);
    expect(accepted.map((n) => n.userId).sort()).toEqual([ids[requester], ids[winner]].sort());
    expect(accepted.find((n) => n.userId === ids[requester])?.text).toContain(`${winner} covers Cover (Day) for you`);
    // Both sides heard of it in those words, so no moved-shift notice for them as well.
    const moved = (await noticeKeys('shift-change:')).filter((n) => [ids[requester], ids[winner]].includes(n.userId as string));
    expect(moved).toEqual([]);
    // The other one asked hears it is taken.
    const loser = others.find((n) => n !== winner) as string;
    const taken = await noticeKeys(`cover-taken:${rid}:`);
    expect(taken.map((n) => [n.userId, n.subject])).toEqual([[ids[loser], 'Cover taken: Cover (Day)']]);
    expect(taken[0]?.text).toMatch(new RegExp(`^${winner} took ${requester}'s request for cover on Cover \\(Day\\) from `));

    const audit = (await t.admin.get(`/api/v1/audit-log?entityType=cover_request&entityId=${rid}`)).body.items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect((await t.admin.get(path())).body.items.find((r: { id: string }) => r.id === rid).status).toBe('accepted');
  });

  it('can be withdrawn by whoever asked or a manager, not by others; a withdrawn request cannot be taken', async () => {
    const shift = await turn(30);
    const requester = nameOf(shift.userId);
    const other = ['ann', 'ben', 'cat'].find((n) => n !== requester) as string;
    const rid = (await as[requester]!.post(path(), { layerId: null, start: shift.start, end: shift.end })).body.id as string;
    // Schedule-wide: the team's other members are asked, the manager included.
    const asked = (await t.admin.get(path())).body.items.find((r: { id: string }) => r.id === rid).asked.map((u: { id: string }) => u.id);
    expect(asked.sort()).toEqual(['ann', 'ben', 'cat', 'meg'].filter((n) => n !== requester).map((n) => ids[n]).sort());

    expect((await as[other]!.post(path(`/${rid}/withdraw`))).status).toBe(403);
    expect((await as['dan']!.post(path(`/${rid}/withdraw`))).status).toBe(403);
    const withdrawn = await as[requester]!.post(path(`/${rid}/withdraw`));
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    expect((await as[other]!.post(path(`/${rid}/accept`))).body.code).toBe('cover_request_closed');
    expect((await as[requester]!.post(path(`/${rid}/withdraw`))).body.code).toBe('cover_request_closed');

    const again = (await as[requester]!.post(path(), { layerId: null, start: shift.start, end: shift.end })).body.id as string;
    expect((await as['meg']!.post(path(`/${again}/withdraw`))).body.status).toBe('withdrawn');
    // Everyone asked hears it, but Meg, who withdrew it.
    const told = await noticeKeys(`cover-withdrawn:${again}:`);
    expect(told.map((n) => n.userId).sort()).toEqual(['ann', 'ben', 'cat'].filter((n) => n !== requester).map((n) => ids[n]).sort());
    expect(told[0]?.text).toMatch(new RegExp(`^meg, for ${requester}, withdrew the request for cover on Cover from `));
    expect((await t.admin.post(path(`/${rid}/withdraw`))).status).toBe(409);
    expect((await t.admin.post(path(`/00000000-0000-4000-8000-000000000000/withdraw`))).status).toBe(404);
  });

  it('expires at the start of its span: listed as expired, and an accept is refused', async () => {
    const shift = await turn(60);
    const requester = nameOf(shift.userId);
    const other = ['ann', 'ben', 'cat'].find((n) => n !== requester) as string;
    const rid = (await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end })).body.id as string;
    await t.anonymous.post('/api/v1/test/clock', { set: shift.start });
    const listed = (await t.admin.get(path())).body.items.find((r: { id: string }) => r.id === rid);
    expect(listed.status).toBe('expired');
    expect((await as[other]!.get('/api/v1/me/cover-requests')).body.items.map((r: { id: string }) => r.id)).not.toContain(rid);
    expect((await as[other]!.post(path(`/${rid}/accept`))).body.code).toBe('cover_request_closed');
    expect((await t.admin.get(`/api/v1/schedules/${scheduleId}/overrides?from=${shift.start}&to=${shift.end}`)).body.items).toEqual([]);

    // A span already under way stays open until its end, and the cover starts when taken.
    const now = Date.parse(shift.start) + HOUR;
    await t.anonymous.post('/api/v1/test/clock', { set: at(now) });
    const urgent = await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end });
    expect(urgent.body).toMatchObject({ start: at(now), acceptBy: shift.end, status: 'open' });
    const taken = await as[other]!.post(path(`/${urgent.body.id}/accept`));
    expect(taken.status).toBe(200);
    const cover = (await t.admin.get(`/api/v1/schedules/${scheduleId}/overrides?from=${shift.start}&to=${shift.end}`)).body.items;
    expect(cover.map((o: { start: string; end: string; user: { id: string } }) => [o.start, o.end, o.user.id])).toEqual([[at(now), shift.end, ids[other]]]);
  });

  it('tells the requester and those asked, once, when a request expires untaken: at its start, or at its end if asked under way', async () => {
    const { db } = t.vigil.database;
    const shift = await turn(30);
    const requester = nameOf(shift.userId);
    const everyone = ['ann', 'ben', 'cat'].map((n) => ids[n]).sort();
    const rid = (await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end })).body.id as string;
    await tellExpiredCoverRequests(db, Date.parse(shift.start) - 1);
    expect(await noticeKeys(`cover-expired:${rid}:`)).toEqual([]);
    await tellExpiredCoverRequests(db, Date.parse(shift.start));
    await tellExpiredCoverRequests(db, Date.parse(shift.start) + HOUR);
    const told = await noticeKeys(`cover-expired:${rid}:`);
    expect(told.map((n) => n.userId).sort()).toEqual(everyone);
    expect(told.find((n) => n.userId === ids[requester])?.subject).toBe('No cover found: Cover (Day)');

    await t.anonymous.post('/api/v1/test/clock', { set: at(Date.parse(shift.start) + HOUR) });
    const urgent = (await as[requester]!.post(path(), { layerId, start: shift.start, end: shift.end })).body.id as string;
    await tellExpiredCoverRequests(db, Date.parse(shift.end) - 1);
    expect(await noticeKeys(`cover-expired:${urgent}:`)).toEqual([]);
    // A node down over the deadline still tells when back within the day.
    await tellExpiredCoverRequests(db, Date.parse(shift.end) + 23 * HOUR);
    expect((await noticeKeys(`cover-expired:${urgent}:`)).map((n) => n.userId).sort()).toEqual(everyone);
  });
});
