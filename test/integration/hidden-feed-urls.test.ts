import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';

const HOLIDAYS = 'https://calendar.example.com/calendar/ical/team%40group/private-6d1f0c2a9b/basic.ics';
const LEAVE = 'https://outlook.example.com/owa/calendar/0a1b2c/reachcalendar-secret-77f3/calendar.ics';

/** Feed addresses carry the token that opens the calendar: whole only for those who may change them. */
describeEachDatabase('hidden feed addresses', (dialect) => {
  const t = useTestApp(dialect);
  const p = useTeamPeople(t, `Feeds ${dialect}`, [
    { name: 'editor' },
    { name: 'manager', teamRole: 'manager' },
    { name: 'outsider', team: 'other' },
    { name: 'viewer', role: 'viewer' },
    { name: 'admin', role: 'admin', team: null },
  ]);

  it("shows a schedule's holiday feed whole to those who may edit the schedule, and only its host to the rest", async () => {
    const created = await p.as['editor']!.post('/api/v1/schedules', {
      name: 'With a holiday feed',
      teamId: p.teamId,
      timeZone: 'UTC',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [p.ids['editor']] }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const set = await p.as['editor']!.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'ical', url: HOLIDAYS } });
    expect([set.status, set.body.holidays]).toEqual([200, { kind: 'ical', url: HOLIDAYS, urlHidden: false }]);

    const whole = { kind: 'ical', url: HOLIDAYS, urlHidden: false };
    const hidden = { kind: 'ical', url: 'https://calendar.example.com/…', urlHidden: true };
    const seen: Record<string, unknown> = {};
    for (const who of ['editor', 'manager', 'outsider', 'viewer', 'admin']) {
      const read = await p.as[who]!.get(`/api/v1/schedules/${id}`);
      expect(read.status, who).toBe(200);
      seen[who] = read.body.holidays;
    }
    seen['owner'] = (await t.admin.get(`/api/v1/schedules/${id}`)).body.holidays;
    expect(seen).toEqual({ editor: whole, manager: whole, outsider: hidden, viewer: hidden, admin: whole, owner: whole });
    for (const who of ['outsider', 'viewer']) expect(JSON.stringify((await p.as[who]!.get(`/api/v1/schedules/${id}`)).body)).not.toContain('private-6d1f0c2a9b');

    // A country calendar is no secret: everyone sees it as it is.
    await p.as['editor']!.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'country', country: 'DE', region: 'BY' } });
    expect((await p.as['viewer']!.get(`/api/v1/schedules/${id}`)).body.holidays).toEqual({ kind: 'country', country: 'DE', region: 'BY' });
  });

  it("shows a person's time-off calendar whole to them and to admins and owners, and only its host to their managers", async () => {
    const put = await p.as['editor']!.put(`/api/v1/users/${p.ids['editor']}/time-off-calendar`, { url: LEAVE });
    expect([put.status, put.body.url, put.body.urlHidden]).toEqual([200, LEAVE, false]);
    const read = async (who: string) => {
      const res = who === 'owner' ? await t.admin.get(`/api/v1/users/${p.ids['editor']}/time-off-calendar`) : await p.as[who]!.get(`/api/v1/users/${p.ids['editor']}/time-off-calendar`);
      return res.status === 200 ? { url: res.body.url, urlHidden: res.body.urlHidden } : res.status;
    };
    const whole = { url: LEAVE, urlHidden: false };
    const seen: Record<string, unknown> = {};
    for (const who of ['editor', 'owner', 'admin', 'manager', 'outsider', 'viewer']) seen[who] = await read(who);
    expect(seen).toEqual({ editor: whole, owner: whole, admin: whole, manager: { url: 'https://outlook.example.com/…', urlHidden: true }, outsider: 403, viewer: 403 });

    // A manager may still replace it, and is answered without the address either.
    const replaced = await p.as['manager']!.put(`/api/v1/users/${p.ids['editor']}/time-off-calendar`, { url: 'https://cal.example.org/new-token-1234/x.ics' });
    expect([replaced.status, replaced.body.url, replaced.body.urlHidden]).toEqual([200, 'https://cal.example.org/…', true]);
    expect(await read('editor')).toEqual({ url: 'https://cal.example.org/new-token-1234/x.ics', urlHidden: false });
    const cleared = await p.as['editor']!.put(`/api/v1/users/${p.ids['editor']}/time-off-calendar`, { url: null });
    expect([cleared.body.url, cleared.body.urlHidden]).toEqual([null, false]);
  });
});
