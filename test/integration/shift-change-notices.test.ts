import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 UTC; a daily 09:00 rotation of ann, ben and cat.
const NOW = '2026-03-03T10:00:00.000Z';
const PASSWORD = 'moved-password';

describeEachDatabase('notices of moved shifts', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const ids: Record<string, string> = {};
  const as: Record<string, Caller> = {};
  let scheduleId = '';
  let layerId = '';

  beforeAll(async () => {
    const team = (await t.admin.post('/api/v1/teams', { name: `Moved ${dialect}` })).body.id as string;
    for (const name of ['ann', 'ben', 'cat', 'dan']) {
      const email = `${name}-${dialect}@moved.test`;
      ids[name] = (await t.admin.post('/api/v1/users', { email, name, role: 'responder', password: PASSWORD, timeZone: name === 'cat' ? 'Europe/Berlin' : 'UTC' })).body.id;
      await t.admin.put(`/api/v1/teams/${team}/members/${ids[name]}`, { role: 'member' });
      await t.admin.post(`/api/v1/users/${ids[name]}/contact-methods`, { kind: 'webhook', address: `http://127.0.0.1:9/${name}` });
      as[name] = await t.login(email, PASSWORD);
    }
    const created = await t.admin.post('/api/v1/schedules', {
      name: 'Moved',
      teamId: team,
      timeZone: 'UTC',
      layers: [{ name: 'Day', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['ann'], ids['ben'], ids['cat']] }],
    });
    scheduleId = created.body.id;
    layerId = created.body.layers[0].id;
  });

  const notices = async () =>
    (await t.vigil.database.db.selectFrom('notifications').select(['idempotency_key', 'user_id', 'notice', 'due_at']).where('idempotency_key', 'like', 'shift-change:%').orderBy('created_at').execute()).map((n) => ({
      key: n.idempotency_key,
      userId: n.user_id,
      dueAt: Number(n.due_at),
      ...(JSON.parse(n.notice ?? '{}') as { subject: string; text: string }),
    }));

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
});
