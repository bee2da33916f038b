import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoAlertApi } from '../../src/cli/goalert/goalert-api.js';
import { importGoAlert, type GoAlertImportOptions } from '../../src/cli/goalert/import.js';
import { describeEachDatabase } from '../support/databases.js';
import { goAlertAnswers, startGoAlertFake, type GoAlertFake } from '../support/goalert-api-fake.js';
import { goAlertInstance, goAlertKeys } from '../support/goalert-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport, namesIn } from '../support/import-target.js';

// Both DST changes of the fixtures' zones (New York 14 March, Berlin 28 March) fall in the 30 days checked.
const NOW = '2027-03-01T12:00:00.000Z';

describeEachDatabase('vigil import goalert', (dialect) => {
  const app = useTestApp(dialect, { frozenAt: NOW });
  let fake: GoAlertFake;
  let options: GoAlertImportOptions;

  beforeAll(async () => {
    // Pages of two force the import through GoAlert's cursors.
    fake = await startGoAlertFake(goAlertInstance(Date.parse(NOW)), { pageSize: 2 });
    const { vigilUrl, token } = await listenForImport(app);
    options = { goalertToken: fake.token, url: fake.url, vigilUrl, token, now: Date.parse(NOW) };
  });
  afterAll(() => fake.close());

  async function run(extra: Partial<GoAlertImportOptions> = {}) {
    const lines: string[] = [];
    const result = await importGoAlert({ ...options, ...extra }, (line) => lines.push(line));
    return { result, lines };
  }
  const names = (path: string) => namesIn(app, path);
  const checked = (result: Awaited<ReturnType<typeof run>>['result']) => result.fidelity.map((f) => [f.schedule, f.result?.differences.length]);

  it("a dry run prints the plan, creates nothing, and Vigil's resolver on the plan agrees with GoAlert", async () => {
    const usersBefore = (await app.admin.get('/api/v1/users?limit=200')).body.items.length;
    const { result, lines } = await run({ dryRun: true });
    expect(lines[0]).toBe('GoAlert import plan (dry run: nothing is created)');
    expect(lines).toContain('  create user alice@acme.test (admin)');
    expect(lines).toContain('  create schedule "Platform Primary" (3 layers, 1 override)');
    expect(lines).toContain('  create grafana monitor "Checkout API · Grafana" keeping its integration key');
    expect(checked(result)).toEqual([
      ['Platform Primary', 0],
      ['Follow the Sun', 0],
      ['Payments Weekend', 0],
      ['Bangalore Desk', 0],
      ['Payments (rotation)', 0],
    ]);
    expect((await app.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(usersBefore);
    expect(await names('/schedules')).not.toContain('Platform Primary');
  });

  it('imports users, schedules, policies and monitors, with zero on-call differences for 30 days', async () => {
    const { result, lines } = await run();
    expect(checked(result)).toEqual([
      ['Platform Primary', 0],
      ['Follow the Sun', 0],
      ['Payments Weekend', 0],
      ['Bangalore Desk', 0],
      ['Payments (rotation)', 0],
    ]);
    // Every handoff of 30 days was compared (day and night rules, weekly, 8-hour and two-day turns, weekends).
    expect(result.fidelity.map((f) => f.result?.handoffs)).toEqual([67, 90, 8, 44, 15]);
    expect(lines.at(-1)).toMatch(/^Created \d+, left 0 as they were, 17 not imported as they were, 0 on-call differences$/);

    // What could not be brought over is reported, with the reason.
    const reasons = result.notes.map((n) => `${n.subject}: ${n.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^user alice@acme.test contact method "Slack": is a SLACK_DM method/),
        expect.stringMatching(/^user bob@acme.test contact method "Desk": is disabled in GoAlert/),
        expect.stringMatching(/^rotation "Managers": an escalation step pages it, and it could not become a schedule: it hands off monthly/),
        expect.stringMatching(/^escalation policy "Payments" step 1: target "#payments" of type slackChannel/),
        expect.stringMatching(/^schedule "Platform Primary" override 2027-03-02T17:00:00Z to 2027-03-02T19:00:00Z: removes a user/),
        expect.stringMatching(/^service "Checkout API" integration key "Email": is of type email/),
        expect.stringMatching(/^service "Checkout API" integration key "Deploys": GoAlert's generic API and Vigil's webhook differ/),
      ]),
    );

    const users = (await app.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; role: string }[];
    const alice = users.find((u) => u.email === 'alice@acme.test');
    expect(alice?.role).toBe('admin');
    expect(users.find((u) => u.email === 'erin@acme.test')?.role).toBe('viewer');
    const methods = (await app.admin.get(`/api/v1/users/${alice?.id}/contact-methods`)).body as { kind: string; address: string; verified: boolean }[];
    expect(methods.map((m) => [m.kind, m.address, m.verified])).toEqual([
      ['email', 'alice@acme.test', true],
      ['sms', '+15555550101', true],
    ]);
    const rules = (await app.admin.get(`/api/v1/users/${alice?.id}/notification-rules`)).body as { delayMinutes: number; urgency: string | null }[];
    // GoAlert's rules (for any urgency), and not Vigil's default rule for a first method.
    expect(rules.map((r) => `${r.delayMinutes} ${r.urgency}`).sort()).toEqual(['0 null', '5 null']);

    const schedules = (await app.admin.get('/api/v1/schedules?limit=200')).body.items as { id: string; name: string }[];
    const primary = schedules.find((s) => s.name === 'Platform Primary') as { id: string };
    const detail = (await app.admin.get(`/api/v1/schedules/${primary.id}`)).body;
    expect(detail.timeZone).toBe('America/New_York');
    expect(detail.layers.map((l: { name: string; rotation: unknown; restriction: unknown }) => [l.name, l.rotation, l.restriction])).toEqual([
      // The anchor is GoAlert's start; the members are rotated so that the turn in force is GoAlert's active user (Bob).
      ['Platform weekly', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' }, { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '20:00' }] }],
      ['Platform nights', { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T20:00' }, { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '20:00', endTime: '08:00' }] }],
      ['Alice Adams', expect.anything(), { kind: 'daily', windows: [{ days: [6, 7], startTime: '08:00', endTime: '20:00' }] }],
    ]);
    const weekend = (await app.admin.get(`/api/v1/schedules/${schedules.find((s) => s.name === 'Payments Weekend')?.id}`)).body;
    expect(weekend.layers[0].restriction).toEqual({
      kind: 'custom',
      windows: [
        { startDay: 5, startTime: '18:00', endDay: 6, endTime: '00:00' },
        { startDay: 6, startTime: '00:00', endDay: 7, endTime: '00:00' },
        { startDay: 7, startTime: '00:00', endDay: 1, endTime: '00:00' },
      ],
    });

    // A UTC rotation in Kolkata office hours: a layer in Kolkata, anchored at today's handoff (03:30 UTC, 09:00 there).
    const desk = (await app.admin.get(`/api/v1/schedules/${schedules.find((s) => s.name === 'Bangalore Desk')?.id}`)).body;
    expect(desk.layers.map((l: { timeZone: string; rotation: unknown }) => [l.timeZone === desk.timeZone, l.rotation])).toEqual([[true, { kind: 'custom', every: 1, unit: 'days', anchor: '2027-03-01T09:00' }]]);

    const policies = (await app.admin.get('/api/v1/escalation-policies?limit=200')).body.items as { name: string; repeat: number; steps: { waitSeconds: number; targets: { type: string }[] }[] }[];
    const platform = policies.find((p) => p.name === 'Platform Escalation');
    expect(platform?.repeat).toBe(2);
    expect(platform?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [30 * 60, ['schedule']],
      [15 * 60, ['user', 'schedule']],
    ]);
    // The rotation a step paged is paged through its own schedule.
    expect(policies.find((p) => p.name === 'Payments')?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [0, ['schedule']],
      [600, ['schedule']],
    ]);

    const monitors = (await app.admin.get('/api/v1/monitors?limit=200')).body.items as { name: string; kind: string }[];
    expect(monitors.filter((m) => ['Checkout API · Grafana', 'Checkout API · Deploys', 'Platform Core', 'Legacy'].includes(m.name)).map((m) => [m.name, m.kind]).sort()).toEqual([
      ['Checkout API · Deploys', 'webhook'],
      ['Checkout API · Grafana', 'grafana'],
      ['Legacy', 'webhook'],
      ['Platform Core', 'alertmanager'],
    ]);
    // Grafana keeps posting with GoAlert's key; only the URL changes.
    const alert = { alerts: [{ status: 'firing', labels: { alertname: 'CheckoutDown' }, fingerprint: 'abc123' }] };
    expect((await app.anonymous.post(`/api/v1/integrations/grafana?key=${goAlertKeys.grafana}`, alert)).status).toBe(202);
    expect((await app.anonymous.post(`/api/v1/integrations/alertmanager?key=${goAlertKeys.alertmanager}`, alert)).status).toBe(202);
  });

  it('a re-run creates nothing new and still finds no differences', async () => {
    const { result, lines } = await run();
    expect(result.created).toBe(0);
    expect(lines).toContain('  exists schedule "Platform Primary": left as is');
    expect(lines).toContain('  exists user alice@acme.test: left as is');
    expect(result.fidelity.every((f) => f.result?.differences.length === 0)).toBe(true);
  });

  describe('refusals', () => {
    it('a wrong GoAlert token fails before anything is written, saying which token', async () => {
      await expect(run({ goalertToken: 'wrong' })).rejects.toThrow('GoAlert refused the token (401)');
    });

    it("a GraphQL error is one line naming the operation and GoAlert's message", async () => {
      await expect(new GoAlertApi(fake.url, fake.token).shifts('s-plat', Date.parse(NOW), Date.parse(NOW))).rejects.toThrow('GoAlert answered shifts with an error: invalid start or end (at shifts)');
    });

    it('a wrong Vigil token fails before anything is written', async () => {
      await expect(run({ token: 'vgl_wrong' })).rejects.toThrow('Vigil refused the API token (401)');
    });
  });
});

describe('the GoAlert import, where GoAlert pages two people at once', () => {
  const app = useTestApp('sqlite', { frozenAt: NOW });

  it('the fidelity check names both, as no Vigil schedule can', async () => {
    const instance = goAlertInstance(Date.parse(NOW));
    // Erin joins Alice on Saturday mornings: GoAlert pages both.
    const weekend = instance.schedules.find((s) => s.id === 's-weekend');
    instance.schedules = [{ ...(weekend as (typeof instance.schedules)[number]), targets: [
      { target: { id: 'u-alice', type: 'user', name: 'Alice Adams' }, rules: [{ start: '08:00', end: '20:00', weekdayFilter: [false, false, false, false, false, false, true] }] },
      { target: { id: 'u-erin', type: 'user', name: 'Erin Evans' }, rules: [{ start: '08:00', end: '12:00', weekdayFilter: [false, false, false, false, false, false, true] }] },
    ] }];
    const fake = await startGoAlertFake(instance);
    try {
      const { vigilUrl, token } = await listenForImport(app);
      const lines: string[] = [];
      const result = await importGoAlert({ goalertToken: fake.token, url: fake.url, vigilUrl, token, now: Date.parse(NOW), dryRun: true }, (l) => lines.push(l));
      const differences = result.fidelity.find((f) => f.schedule === 'Payments Weekend')?.result?.differences ?? [];
      // Four Saturdays in the 30 days.
      expect(differences).toHaveLength(4);
      expect(differences[0]).toMatchObject({ start: Date.parse('2027-03-06T07:00:00Z'), end: Date.parse('2027-03-06T11:00:00Z'), source: 'alice@acme.test + erin@acme.test', vigil: 'alice@acme.test' });
      expect(lines).toContain('  schedule "Payments Weekend": GoAlert pages every target whose rules are active at once; in Vigil the first layer on call wins');
    } finally {
      await fake.close();
    }
  });
});

// The fake is the source's answer in the fidelity check, so it is held to GoAlert's rules by hand.
describe('the GoAlert fake', () => {
  const instance = goAlertInstance(Date.parse(NOW));
  const answers = goAlertAnswers(instance);
  const schedule = (id: string) => instance.schedules.find((s) => s.id === id) as (typeof instance.schedules)[number];
  const shifts = (id: string, from: string, to: string) =>
    answers.shifts(schedule(id), Date.parse(from), Date.parse(to)).map((s) => `${s.start.slice(0, 16)}–${s.end.slice(11, 16)} ${s.userID}`);

  // Bob is active now (07:00 EST on Monday 1 March, in the turn since 22 February); each Monday 09:00 the next one takes over: Carol, Alice, Bob.
  it('keeps a weekly handoff at 09:00 New York time across the DST change, inside the weekday rule', () => {
    const week = { ...schedule('s-plat'), targets: schedule('s-plat').targets.slice(0, 1) };
    const days = answers.shifts(week, Date.parse('2027-03-08T00:00:00Z'), Date.parse('2027-03-16T00:00:00Z')).filter((s) => s.start.startsWith('2027-03-08') || s.start.startsWith('2027-03-15'));
    expect(days.map((s) => `${s.start.slice(0, 16)}–${s.end.slice(11, 16)} ${s.userID}`)).toEqual([
      '2027-03-08T13:00–14:00 u-carol',
      '2027-03-08T14:00–01:00 u-alice',
      '2027-03-15T12:00–13:00 u-alice',
      '2027-03-15T13:00–00:00 u-bob',
    ]);
  });

  it('a nightly rule runs 20:00 to 08:00 local, past midnight, and a replacing override swaps only its user', () => {
    // Bob's night (since Sunday 20:00) ends at 08:00; Dave's starts Monday 20:00 EST (01:00 UTC) and ends 08:00 (13:00 UTC).
    expect(shifts('s-plat', '2027-03-02T00:30:00Z', '2027-03-02T14:00:00Z')).toEqual(['2027-03-01T14:00–01:00 u-carol', '2027-03-02T01:00–13:00 u-dave', '2027-03-02T13:00–01:00 u-carol']);
    expect(shifts('s-plat', '2027-03-06T14:00:00Z', '2027-03-07T00:00:00Z')).toEqual(['2027-03-06T13:00–15:00 u-alice', '2027-03-06T15:00–23:00 u-carol', '2027-03-06T23:00–01:00 u-alice']);
  });

  it('refuses a missing token (401), pages with first and after, and refuses first over 150', async () => {
    const fake = await startGoAlertFake(instance, { pageSize: 2 });
    try {
      const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${fake.token}` }) =>
        fetch(`${fake.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      type Answer = { data: { users: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null; errors?: { message: string }[] };
      const json = async (body: unknown) => (await (await post(body)).json()) as Answer;
      const query = 'query users($input: UserSearchOptions) { users(input: $input) { nodes { id } pageInfo { endCursor hasNextPage } } }';
      expect((await post({ operationName: 'users', query }, {})).status).toBe(401);
      const first = await json({ operationName: 'users', query, variables: { input: { first: 100 } } });
      expect(first.data?.users.nodes.map((u: { id: string }) => u.id)).toEqual(['u-alice', 'u-bob']);
      expect(first.data?.users.pageInfo.hasNextPage).toBe(true);
      const last = await json({ operationName: 'users', query, variables: { input: { first: 100, after: 'b2Zmc2V0OjQ=' } } });
      expect(last.data?.users).toEqual({ nodes: [{ ...instance.users[4] }], pageInfo: { endCursor: null, hasNextPage: false } });
      const tooMany = await json({ operationName: 'users', query, variables: { input: { first: 151 } } });
      expect(tooMany.errors?.[0]?.message).toBe('First must be between 1 and 150');
    } finally {
      await fake.close();
    }
  });
});
