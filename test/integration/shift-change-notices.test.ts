import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { queuedNotices } from '../support/queued-notices.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 UTC; a daily 09:00 rotation of ann, ben and cat.
const NOW = '2026-03-03T10:00:00.000Z';

describeEachDatabase('notices of moved shifts', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const team = useTeamPeople(t, `Moved ${dialect}`, [{ name: 'ann' }, { name: 'ben' }, { name: 'cat', timeZone: 'Europe/Berlin' }, { name: 'dan' }]);
  const { ids, as } = team;
  let scheduleId = '';
  let layerId = '';

  /** A daily 09:00 rotation of `members` in the team. */
  async function rotation(name: string, members: string[]) {
    const created = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: team.teamId,
      timeZone: 'UTC',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: members.map((m) => ids[m]) }],
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, layerId: created.body.layers[0].id as string };
  }

  beforeAll(async () => {
    ({ id: scheduleId, layerId } = await rotation('Moved', ['ann', 'ben', 'cat']));
  });

  const notices = () => queuedNotices(t, 'shift-change:');

  it('a layer edit tells each person whose shifts move, once, in their own zone, and not the editor', async () => {
    expect(await notices()).toEqual([]);
    // Ann takes herself out of the rotation: her shifts go, Ben's and Cat's move.
    const edited = await as['ann']!.patch(`/api/v1/schedules/${scheduleId}/layers/${layerId}`, { members: [ids['ben'], ids['cat']] });
    expect(edited.status).toBe(200);
    const sent = await notices();
    expect(sent.map((n) => n.userId).sort()).toEqual([ids['ben'], ids['cat']].sort());
    // One edit, one message per person: the same edit id in both keys.
    expect(new Set(sent.map((n) => n.key.split(':')[1])).size).toBe(1);
    expect(sent.every((n) => n.dueAt === Date.parse(NOW))).toBe(true);
    const ben = sent.find((n) => n.userId === ids['ben']);
    expect(ben?.subject).toBe('Your on-call shifts changed: Moved');
    expect(ben?.text).toMatch(/^ann changed Moved moves your on-call in the next 28 days:\nMoved:\n- /);
    expect(ben?.text).toMatch(/- (new shift|moved|no longer on call): .*UTC/);
    const cat = sent.find((n) => n.userId === ids['cat']);
    expect(cat?.text).toMatch(/GMT\+1/);
  });

  it('an override tells who gives the span up and who takes it, and deleting it tells them again', async () => {
    const before = (await notices()).length;
    const timeline = (await t.admin.get(`/api/v1/schedules/${scheduleId}/timeline?from=2026-03-05T00:00:00.000Z&to=2026-03-06T00:00:00.000Z`)).body;
    const holder = timeline.final.find((s: { start: string }) => s.start === '2026-03-05T09:00:00.000Z').user.id as string;
    const created = await t.admin.post(`/api/v1/schedules/${scheduleId}/overrides`, { layerId, userId: ids['dan'], start: '2026-03-05T12:00:00.000Z', end: '2026-03-05T14:00:00.000Z' });
    expect(created.status).toBe(201);
    const added = (await notices()).slice(before);
    expect(added.map((n) => n.userId).sort()).toEqual([holder, ids['dan']].sort());
    expect(added.find((n) => n.userId === ids['dan'])?.text).toContain('- new shift: Thu, Mar 5, 12:00 UTC to Thu, Mar 5, 14:00 UTC');
    expect(added.find((n) => n.userId === holder)?.text).toContain('- moved: Thu, Mar 5, 09:00 UTC to Fri, Mar 6, 09:00 UTC is now');

    await t.admin.delete(`/api/v1/schedules/${scheduleId}/overrides/${created.body.id}`);
    const removed = (await notices()).slice(before + 2);
    expect(removed.map((n) => n.userId).sort()).toEqual([holder, ids['dan']].sort());
    expect(removed.find((n) => n.userId === ids['dan'])?.text).toContain('- no longer on call: Thu, Mar 5, 12:00 UTC to Thu, Mar 5, 14:00 UTC');

    // A change nobody's shifts notice (an override for whoever holds the span anyway) tells nobody.
    const count = (await notices()).length;
    await t.admin.post(`/api/v1/schedules/${scheduleId}/overrides`, { layerId, userId: holder, start: '2026-03-05T12:00:00.000Z', end: '2026-03-05T14:00:00.000Z' });
    expect((await notices()).length).toBe(count);
  });

  it('deleting a schedule tells everyone whose shifts in it vanish, in one message each, not whoever deleted it', async () => {
    const doomed = await rotation('Doomed', ['ben', 'dan']);
    const before = (await notices()).length;
    expect((await as['dan']!.delete(`/api/v1/schedules/${doomed.id}`)).status).toBe(204);
    const sent = (await notices()).slice(before);
    expect(sent.map((n) => n.userId)).toEqual([ids['ben']]);
    expect(sent[0]?.subject).toBe('Your on-call shifts changed: Doomed');
    const lines = (sent[0]?.text ?? '').split('\n');
    expect(lines.slice(0, 2)).toEqual(['dan changed Doomed moves your on-call in the next 28 days:', 'Doomed:']);
    // Ben's turns, every other day from now (his first), to the end of the 28 days (the last cut there): all gone.
    expect(lines.slice(2).every((l) => l.startsWith('- no longer on call: '))).toBe(true);
    expect(lines[2]).toBe('- no longer on call: Tue, Mar 3, 10:00 UTC to Wed, Mar 4, 09:00 UTC');
    expect(lines.at(-1)).toBe('- no longer on call: Tue, Mar 31, 09:00 UTC to Tue, Mar 31, 10:00 UTC');
    expect(lines.length - 2).toBe(15);
  });

  it('removing a layer tells whoever loses shifts with it and whoever gets theirs back', async () => {
    const added = await t.admin.post(`/api/v1/schedules/${scheduleId}/layers`, { name: 'Dan on top', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['dan']] });
    expect(added.status).toBe(201);
    const top = added.body.layers.find((l: { name: string }) => l.name === 'Dan on top');
    const reordered = await t.admin.put(`/api/v1/schedules/${scheduleId}/layer-order`, { layerIds: [top.id, ...added.body.layers.filter((l: { id: string }) => l.id !== top.id).map((l: { id: string }) => l.id)] });
    expect(reordered.status).toBe(200);
    const before = (await notices()).length;
    expect((await as['ann']!.delete(`/api/v1/schedules/${scheduleId}/layers/${top.id}`)).status).toBe(200);
    const sent = (await notices()).slice(before);
    // Dan loses his shifts; Ben and Cat (Ann took herself out above) get theirs back.
    expect(sent.map((n) => n.userId).sort()).toEqual([ids['ben'], ids['cat'], ids['dan']].sort());
    expect(sent.find((n) => n.userId === ids['dan'])?.text).toMatch(/^ann changed Moved moves your on-call in the next 28 days:\nMoved:\n- no longer on call: /);
  });

  it('deleting a user tells whoever gets back the shifts their overrides held', async () => {
    const handed = await rotation('Handed back', ['ben', 'cat']);
    expect((await t.admin.post(`/api/v1/schedules/${handed.id}/overrides`, { layerId: handed.layerId, userId: ids['dan'], start: '2026-03-05T12:00:00.000Z', end: '2026-03-05T14:00:00.000Z' })).status).toBe(201);
    const before = (await notices()).length;
    expect((await t.admin.delete(`/api/v1/users/${ids['dan']}?force=true`)).status).toBe(204);
    const sent = (await notices()).slice(before);
    expect(sent.map((n) => n.userId)).toEqual([ids['ben']]);
    expect(sent[0]?.text).toContain('Handed back:\n- moved: Thu, Mar 5, 09:00 UTC to Thu, Mar 5, 12:00 UTC is now Thu, Mar 5, 09:00 UTC to Fri, Mar 6, 09:00 UTC');
  });
});
