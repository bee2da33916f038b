import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { testConfig, useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Tuesday 2026-12-01 06:00 in Chicago. Both schedules leave Fridays 10:00-14:00 CST
// uncovered: the first such gap is on Friday 2026-12-04, three days ahead.
const SEEDED = '2026-12-01T12:00:00.000Z';
const GAP = { start: '2026-12-04T16:00:00.000Z', end: '2026-12-04T20:00:00.000Z' };
const HOUR = 3_600_000;
const PASSWORD = 'gap-alert-password';

interface Notice {
  type: string;
  notice?: { subject: string; text: string };
}

describeEachDatabase('coverage-gap alerts ahead of time', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let receiver: WebhookReceiver;
  let now = Date.parse(SEEDED);
  const schedules: Record<string, string> = {};

  /** Moves the test clock, runs a gap scan and lets the engine send what it queued. */
  const scanAt = async (at: number) => {
    now = at;
    await t.anonymous.post('/api/v1/test/clock', { set: new Date(at).toISOString() });
    await t.vigil.gapAlerts.runOnce();
    await t.vigil.engine.runOnce();
  };
  const notices = (who: string) => receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body as unknown as Notice);
  const schedulesWithGaps = async () => {
    const found = /^vigil_schedules_with_coverage_gaps (\d+)$/m.exec((await t.anonymous.get('/metrics')).body as string);
    return found ? Number(found[1]) : undefined;
  };
  const about = (who: string, name: string) => notices(who).filter((n) => n.notice?.subject.startsWith(`${name}:`));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const teamId = (await t.admin.post('/api/v1/teams', { name: `Gap alerts ${dialect}` })).body.id as string;
    const ids: Record<string, string> = {};
    for (const [key, teamRole] of [['manager', 'manager'], ['member', 'member']] as const) {
      const user = await t.admin.post('/api/v1/users', { email: `${key}-${dialect}@gap-alerts.test`, name: `Gap ${key}`, role: 'responder', password: PASSWORD, timeZone: 'America/Chicago' });
      ids[key] = user.body.id;
      await t.admin.put(`/api/v1/teams/${teamId}/members/${ids[key]}`, { role: teamRole });
      await t.admin.post(`/api/v1/users/${ids[key]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${key}`) });
    }
    for (const name of ['Marked', 'Unmarked']) {
      const created = await t.admin.post('/api/v1/schedules', {
        name,
        teamId,
        timeZone: 'America/Chicago',
        layers: [
          {
            name: 'All but Friday late morning',
            rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
            restriction: { kind: 'custom', windows: [{ startDay: 5, startTime: '14:00', endDay: 5, endTime: '10:00' }] },
            members: [ids['member']],
          },
        ],
      });
      expect(created.status).toBe(201);
      schedules[name] = created.body.id;
      // Five days ahead: next week's Friday stays out of the window.
      expect((await t.admin.patch(`/api/v1/schedules/${created.body.id}`, { gapAlertDays: 5 })).status).toBe(200);
    }
    const policy = await t.admin.post('/api/v1/escalation-policies', {
      name: `Gap alerts ${dialect}`,
      teamId,
      steps: [{ waitSeconds: 0, targets: Object.values(schedules).map((scheduleId) => ({ type: 'schedule', scheduleId })) }],
    });
    expect(policy.status).toBe(201);
  });
  afterAll(() => receiver.close());

  it('tells the manager once about the gap in three days, with links to fill it or mark it intended; marked intended, it stops', async () => {
    await scanAt(now + 60_000);
    const first = about('manager', 'Marked');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'notice', notice: { subject: 'Marked: a coverage gap in the next 5 days' } });
    const text = first[0]!.notice!.text;
    expect(text).toContain('- Fri, Dec 4, 10:00 CST to Fri, Dec 4, 14:00 CST (4 h)');
    const span = encodeURIComponent(`${GAP.start}/${GAP.end}`);
    expect(text).toContain(`Fill it: ${testConfig('').baseUrl}/schedules/${schedules['Marked']}?fill=${span}`);
    expect(text).toContain(`Mark it intended: ${testConfig('').baseUrl}/schedules/${schedules['Marked']}?intend=${span}`);
    // Members are not told; the team has a manager, so neither are the owners.
    expect(notices('member')).toEqual([]);

    // A second scan the same day sends nothing more.
    await scanAt(now + HOUR);
    expect(about('manager', 'Marked')).toHaveLength(1);
    expect(about('manager', 'Unmarked')).toHaveLength(1);

    // Both schedules count in the metric until one's gap is marked intended.
    const before = await schedulesWithGaps();
    expect(before).toBeGreaterThanOrEqual(2);
    const marked = await t.admin.post(`/api/v1/schedules/${schedules['Marked']}/intended-gaps`, { ...GAP, note: 'Team offsite' });
    expect(marked.status).toBe(201);
    expect(await schedulesWithGaps()).toBe(before! - 1);

    // The next day: the unmarked schedule alerts again, the marked one does not.
    await scanAt(now + 24 * HOUR);
    expect(about('manager', 'Unmarked')).toHaveLength(2);
    expect(about('manager', 'Marked')).toHaveLength(1);
  });
});
