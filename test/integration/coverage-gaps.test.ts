import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { alertCoverageGaps, GAP_SCAN_INTERVAL } from '../../src/service/gap-alerts.js';
import { scannedSince, targetedSchedules } from '../../src/store/gap-scans.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// Tuesday 2026-12-01 09:00 in Chicago (CST, UTC-6). The schedule is staffed in business
// hours only, so each weeknight from 17:00 (23:00Z) to 09:00 (15:00Z) is a gap.
const NOW = '2026-12-01T15:00:00.000Z';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

type Gap = { start: string; end: string; intended: boolean };

describeEachDatabase('coverage gaps ahead and intended gaps', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  // Nobody has a contact method until a test gives one.
  const people = useTeamPeople(t, `Gaps ${dialect}`, [
    { name: 'manager', teamRole: 'manager', webhook: null },
    { name: 'member', webhook: null },
    { name: 'outsider', team: 'other', teamRole: 'manager', webhook: null },
    { name: 'viewer', role: 'viewer', webhook: null },
  ]);

  async function schedule(name: string) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: people.teamId,
      timeZone: 'America/Chicago',
      layers: [{ name: 'Day', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: [people.ids['member']] }],
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; gapAlertDays: number };
  }
  const gaps = async (id: string, query = '?days=2') => (await t.admin.get(`/api/v1/schedules/${id}/gaps${query}`)).body as { days: number; from: string; to: string; items: Gap[] };

  it('lists the nights ahead as gaps, over the days asked or the schedule’s own setting', async () => {
    const s = await schedule('Nights uncovered');
    expect(s.gapAlertDays).toBe(14);
    expect(await gaps(s.id)).toEqual({
      from: NOW,
      to: at(48),
      days: 2,
      items: [
        { start: at(8), end: at(24), intended: false },
        { start: at(32), end: at(48), intended: false },
      ],
    });
    const whole = await gaps(s.id, '');
    expect([whole.days, whole.to]).toEqual([14, at(14 * 24)]);
    // Two weeks of weeknights, two weekends: the weekend nights merge with their Friday and Sunday.
    expect(whole.items.length).toBe(10);
  });

  it('an override filling a night removes that gap', async () => {
    const s = await schedule('Night filled');
    expect((await t.admin.post(`/api/v1/schedules/${s.id}/overrides`, { layerId: null, userId: people.ids['manager'], start: at(8), end: at(24) })).status).toBe(201);
    expect((await gaps(s.id)).items).toEqual([{ start: at(32), end: at(48), intended: false }]);
  });

  it('time off that nobody can cover is a gap: the scan reads the same final timeline as the calendar', async () => {
    const s = await schedule('Away');
    // The layer's only member is away on Wednesday's business hours (15:00Z-23:00Z).
    const away = await t.admin.post(`/api/v1/users/${people.ids['member']}/time-off`, { start: at(24), end: at(32) });
    expect(away.status).toBe(201);
    expect((await gaps(s.id)).items).toEqual([{ start: at(8), end: at(48), intended: false }]);
    const timeline = (await t.admin.get(`/api/v1/schedules/${s.id}/timeline?from=${NOW}&to=${at(48)}`)).body;
    expect(timeline.gaps).toEqual([{ start: at(8), end: at(48) }]);
    expect((await t.admin.delete(`/api/v1/users/${people.ids['member']}/time-off/${away.body.id}`)).status).toBe(204);
    expect((await gaps(s.id)).items).toHaveLength(2);
  });

  it('a manager marks part of a gap intended: that part stops alerting, the rest still does; unmarking brings it back', async () => {
    const s = await schedule('Partly intended');
    const marked = await people.as['manager']!.post(`/api/v1/schedules/${s.id}/intended-gaps`, { start: at(8), end: at(12), note: 'Maintenance freeze' });
    expect(marked.status).toBe(201);
    expect(marked.body).toMatchObject({ start: at(8), end: at(12), note: 'Maintenance freeze', createdBy: { id: people.ids['manager'] } });
    expect((await gaps(s.id)).items).toEqual([
      { start: at(8), end: at(12), intended: true },
      { start: at(12), end: at(24), intended: false },
      { start: at(32), end: at(48), intended: false },
    ]);
    const listed = (await t.admin.get(`/api/v1/schedules/${s.id}/intended-gaps`)).body.items;
    expect(listed.map((g: { id: string }) => g.id)).toEqual([marked.body.id]);

    const audit = (await t.admin.get('/api/v1/audit-log?entityType=intended_gap&limit=200')).body.items as { entityId: string; action: string }[];
    expect(audit.filter((e) => e.entityId === marked.body.id).map((e) => e.action)).toEqual(['create']);

    expect((await people.as['manager']!.delete(`/api/v1/schedules/${s.id}/intended-gaps/${marked.body.id}`)).status).toBe(204);
    expect((await gaps(s.id)).items.every((g) => !g.intended)).toBe(true);
    expect((await t.admin.get(`/api/v1/schedules/${s.id}/intended-gaps`)).body.items).toEqual([]);
    const after = (await t.admin.get('/api/v1/audit-log?entityType=intended_gap&limit=200')).body.items as { entityId: string; action: string }[];
    expect(after.filter((e) => e.entityId === marked.body.id).map((e) => e.action).sort()).toEqual(['create', 'delete']);
    expect((await people.as['manager']!.delete(`/api/v1/schedules/${s.id}/intended-gaps/${marked.body.id}`)).status).toBe(404);
  });

  it('only the team’s managers, admins and owners mark or unmark; everyone may read', async () => {
    const s = await schedule('Rights');
    const body = { start: at(8), end: at(24) };
    for (const key of ['member', 'outsider', 'viewer']) {
      const res = await people.as[key]!.post(`/api/v1/schedules/${s.id}/intended-gaps`, body);
      expect([key, res.status]).toEqual([key, 403]);
    }
    const byAdmin = await t.admin.post(`/api/v1/schedules/${s.id}/intended-gaps`, body);
    expect(byAdmin.status).toBe(201);
    expect((await people.as['member']!.delete(`/api/v1/schedules/${s.id}/intended-gaps/${byAdmin.body.id}`)).status).toBe(403);
    expect((await people.as['viewer']!.get(`/api/v1/schedules/${s.id}/gaps`)).status).toBe(200);
    expect((await people.as['viewer']!.get(`/api/v1/schedules/${s.id}/intended-gaps`)).body.items).toHaveLength(1);
  });

  it('refuses bad spans and days with the field path, and writes nothing', async () => {
    const s = await schedule('Validation');
    const url = `/api/v1/schedules/${s.id}/intended-gaps`;
    const cases: [unknown, string][] = [
      [{ start: at(8), end: at(8) }, '/body/end'],
      [{ start: at(-10), end: at(-2) }, '/body/end'],
      [{ start: at(8), end: at(8 + 400 * 24) }, '/body/end'],
      [{ start: 'tomorrow', end: at(8) }, '/body/start'],
      [{ start: at(8), end: at(9), note: 'x'.repeat(501) }, '/body/note'],
      [{ start: at(8), end: at(9), extra: 1 }, '/body/extra'],
    ];
    for (const [body, path] of cases) {
      const res = await t.admin.post(url, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await t.admin.get(`/api/v1/schedules/${s.id}/intended-gaps`)).body.items).toEqual([]);
    for (const query of ['?days=0', '?days=91', '?days=two']) {
      const res = await t.admin.get(`/api/v1/schedules/${s.id}/gaps${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/querystring/days');
    }
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await t.admin.get(`/api/v1/schedules/${missing}/gaps`)).status).toBe(404);
    expect((await t.admin.post(`/api/v1/schedules/${missing}/intended-gaps`, { start: at(8), end: at(9) })).status).toBe(404);
  });

  it('gapAlertDays is set through the schedule’s PATCH, 0 to 90', async () => {
    const s = await schedule('Setting');
    const patched = await t.admin.patch(`/api/v1/schedules/${s.id}`, { gapAlertDays: 3 });
    expect([patched.status, patched.body.gapAlertDays]).toEqual([200, 3]);
    expect((await gaps(s.id, '')).days).toBe(3);
    const bad = await t.admin.patch(`/api/v1/schedules/${s.id}`, { gapAlertDays: 91 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('/body/gapAlertDays');
    expect((await t.admin.get(`/api/v1/schedules/${s.id}`)).body.gapAlertDays).toBe(3);
    // Off: nothing alerts, but the listing still shows two weeks.
    expect((await t.admin.patch(`/api/v1/schedules/${s.id}`, { gapAlertDays: 0 })).body.gapAlertDays).toBe(0);
    expect((await gaps(s.id, '')).days).toBe(14);
    expect((await people.as['member']!.patch(`/api/v1/schedules/${s.id}`, { gapAlertDays: 5 })).status).toBe(200);
  });

  it('the overview lists schedules a policy pages through that have unintended gaps, until they are all intended', async () => {
    const s = await schedule('Paged through');
    const listed = async () => ((await t.admin.get('/api/v1/coverage-gaps')).body.items as { scheduleId: string; days: number; gaps: unknown[] }[]).find((i) => i.scheduleId === s.id);
    expect(await listed()).toBeUndefined();
    const policy = await t.admin.post('/api/v1/escalation-policies', { name: `Gaps policy ${dialect}`, teamId: people.teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule_layer', scheduleId: s.id, layerId: (await t.admin.get(`/api/v1/schedules/${s.id}`)).body.layers[0].id }] }] });
    expect(policy.status).toBe(201);
    await t.admin.patch(`/api/v1/schedules/${s.id}`, { gapAlertDays: 1 });
    expect(await listed()).toEqual({ scheduleId: s.id, days: 1, gaps: [{ start: at(8), end: at(24) }] });
    await t.admin.post(`/api/v1/schedules/${s.id}/intended-gaps`, { start: at(0), end: at(24), note: 'Office closed' });
    expect(await listed()).toBeUndefined();
  });

  it('passes running at once (two nodes) claim each schedule once: one notice for its manager', async () => {
    const receiver = await startWebhookReceiver();
    try {
      expect((await t.admin.post(`/api/v1/users/${people.ids['manager']}/contact-methods`, { kind: 'webhook', address: receiver.url('/manager') })).status).toBe(201);
      const s = await schedule('Claimed once');
      await t.admin.post('/api/v1/escalation-policies', { name: `Claimed once ${dialect}`, teamId: people.teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: s.id }] }] });
      const deps = { db: t.vigil.database.db, baseUrl: 'https://vigil.example.com' };
      const now = Date.parse(NOW) + 60_000;
      const targeted = (await targetedSchedules(deps.db)).map((x) => x.id);
      const scannedToday = await scannedSince(deps.db, targeted, now - 24 * 3_600_000 + GAP_SCAN_INTERVAL);
      const passes = await Promise.all([alertCoverageGaps(deps, now), alertCoverageGaps(deps, now), alertCoverageGaps(deps, now + 1)]);
      // Every schedule due was scanned by exactly one of them.
      expect(passes.reduce((a, b) => a + b, 0)).toBe(targeted.filter((id) => !scannedToday.has(id)).length);
      const queued = await t.vigil.database.db.selectFrom('notifications').select(['user_id', 'notice']).where('idempotency_key', 'like', `gaps:${s.id}:%`).execute();
      expect(queued.map((n) => n.user_id)).toEqual([people.ids['manager']]);
      expect(JSON.parse(queued[0]!.notice!).subject).toBe('Claimed once: 10 coverage gaps in the next 14 days');
      // Within the day nothing is due again, and a rescan the next day is keyed anew.
      await alertCoverageGaps(deps, now + 3_600_000);
      await alertCoverageGaps(deps, now + 24 * 3_600_000);
      const later = await t.vigil.database.db.selectFrom('notifications').select('idempotency_key').where('idempotency_key', 'like', `gaps:${s.id}:%`).execute();
      expect(later).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});
