import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOpsgenie, type OpsgenieImportOptions } from '../../src/cli/opsgenie/import.js';
import { describeEachDatabase } from '../support/databases.js';
import { finalTimeline, startOpsgenieFake, type OpsgenieFake } from '../support/opsgenie-api-fake.js';
import { opsgenieAccount } from '../support/opsgenie-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport, namesIn } from '../support/import-target.js';

// Both DST changes of the fixtures' zones (New York 14 March, Berlin 28 March) fall in the 30 days checked.
const NOW = '2027-03-01T12:00:00.000Z';

describeEachDatabase('vigil import opsgenie', (dialect) => {
  const app = useTestApp(dialect, { frozenAt: NOW });
  let fake: OpsgenieFake;
  let options: OpsgenieImportOptions;

  beforeAll(async () => {
    // Pages of two force the import through Opsgenie's user paging.
    fake = await startOpsgenieFake(opsgenieAccount(Date.parse(NOW)), { maxLimit: 2 });
    const { vigilUrl, token } = await listenForImport(app);
    options = { apiKey: fake.apiKey, url: fake.url, vigilUrl, token, now: Date.parse(NOW) };
  });
  afterAll(() => fake.close());

  async function run(extra: Partial<OpsgenieImportOptions> = {}) {
    const lines: string[] = [];
    const result = await importOpsgenie({ ...options, ...extra }, (line) => lines.push(line));
    return { result, lines };
  }
  const names = (path: string) => namesIn(app, path);
  const checked = [
    ['Platform Primary', 0],
    ['Payments Nights', 0],
    ['Follow the Sun', 0],
  ];

  it("a dry run prints the plan, creates nothing, and Vigil's resolver on the plan agrees with Opsgenie", async () => {
    const usersBefore = (await app.admin.get('/api/v1/users?limit=200')).body.items.length;
    const { result, lines } = await run({ dryRun: true });
    expect(lines[0]).toBe('Opsgenie import plan (dry run: nothing is created)');
    expect(lines).toContain('  exists team "Platform": left as is');
    expect(lines).toContain('  create user alice@acme.test (admin)');
    expect(lines).toContain('  create schedule "Platform Primary" (2 layers, 1 override)');
    expect(result.fidelity.map((f) => [f.schedule, f.result?.differences.length])).toEqual(checked);
    expect((await app.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(usersBefore);
    expect(await names('/schedules')).not.toContain('Platform Primary');
    // The users list was read page by page.
    expect(fake.requests.filter((r) => r.startsWith('/v2/users?'))).toEqual(['/v2/users?limit=100&offset=0', '/v2/users?limit=100&offset=2', '/v2/users?limit=100&offset=4']);
  });

  it('imports users, teams, schedules and escalations, with zero on-call differences for 30 days', async () => {
    const { result, lines } = await run();
    expect(result.fidelity.map((f) => [f.schedule, f.result?.differences.length])).toEqual(checked);
    // Every handoff of 30 days was compared (weekday days and nights with an override, 2-day nights, 8-hour turns).
    expect(result.fidelity.map((f) => f.result?.handoffs)).toEqual([53, 60, 89]);
    expect(lines).toContain('  create membership of bob@acme.test in team "Payments"');
    expect(lines.at(-1)).toMatch(/^Created \d+, left 1 as they were, \d+ not imported as they were, 0 on-call differences$/);

    const reasons = result.notes.map((n) => `${n.subject}: ${n.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^user alice@acme.test contact mobile Alice iPhone: is the Opsgenie app/),
        expect.stringMatching(/^user alice@acme.test notification rule "Shift start": notifies on schedule-start/),
        expect.stringMatching(/^user alice@acme.test: is the Opsgenie account owner/),
        expect.stringMatching(/^user frank@acme.test: has the custom role "Scheduler"/),
        expect.stringMatching(/^schedule "Platform Primary" rotation "Old rotation": ended /),
        expect.stringMatching(/^schedule "Platform Primary" override "nights-swap": covers only rotation "Off hours"/),
        expect.stringMatching(/^schedule "Support Desk" rotation "Desk": not imported: its participants include a team, the reserved "none"/),
        expect.stringMatching(/^escalation "Platform Escalation" rule 4: its recipient Platform Primary notifies the schedule's next on-call user/),
        expect.stringMatching(/^escalation "Platform Escalation" rule 5: its recipient Platform is a team/),
        expect.stringMatching(/^escalation "Payments Escalation" rule 2: escalates if-not-closed/),
        expect.stringMatching(/^escalation "Payments Escalation": its first rule waits 5 minutes/),
      ]),
    );

    const users = (await app.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; role: string; timeZone: string }[];
    const alice = users.find((u) => u.email === 'alice@acme.test');
    expect(alice).toMatchObject({ role: 'admin', timeZone: 'America/New_York' });
    expect(users.find((u) => u.email === 'carol@acme.test')?.role).toBe('responder');
    expect(users.find((u) => u.email === 'erin@acme.test')?.role).toBe('viewer');
    const methods = (await app.admin.get(`/api/v1/users/${alice?.id}/contact-methods`)).body as { kind: string; address: string; verified: boolean }[];
    expect(methods.map((m) => [m.kind, m.address, m.verified])).toEqual([
      ['email', 'alice@acme.test', true],
      ['sms', '+15555550101', true],
    ]);
    const rules = (await app.admin.get(`/api/v1/users/${alice?.id}/notification-rules`)).body as { delayMinutes: number; urgency: string | null }[];
    // Opsgenie's new-alert steps, and not Vigil's default rule for a first method.
    expect(rules.map((r) => `${r.delayMinutes} ${r.urgency}`).sort()).toEqual(['0 null', '5 null']);

    const teams = (await app.admin.get('/api/v1/teams?limit=200')).body.items as { id: string; name: string }[];
    const payments = teams.find((t) => t.name === 'Payments') as { id: string };
    const members = (await app.admin.get(`/api/v1/teams/${payments.id}`)).body.members as { email: string }[];
    expect(members.map((m) => m.email).sort()).toEqual(['bob@acme.test', 'dave@acme.test']);

    const schedules = (await app.admin.get('/api/v1/schedules?limit=200')).body.items as { id: string; name: string; timeZone: string }[];
    expect(schedules.map((s) => s.name)).not.toContain('Support Desk');
    const primary = schedules.find((s) => s.name === 'Platform Primary') as { id: string; timeZone: string };
    expect(primary.timeZone).toBe('America/New_York');
    const detail = (await app.admin.get(`/api/v1/schedules/${primary.id}`)).body;
    expect(detail.layers.map((l: { name: string; rotation: unknown }) => [l.name, l.rotation])).toEqual([
      ['Business hours', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' }],
      ['Off hours', { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T18:00' }],
    ]);
    expect(detail.layers[1].restriction.windows.at(-1)).toEqual({ startDay: 5, startTime: '18:00', endDay: 1, endTime: '09:00' });
    const nights = (await app.admin.get(`/api/v1/schedules/${schedules.find((s) => s.name === 'Payments Nights')?.id}`)).body;
    expect(nights.layers[0].restriction).toEqual({ kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '20:00', endTime: '08:00' }] });

    const policies = (await app.admin.get('/api/v1/escalation-policies?limit=200')).body.items as { name: string; repeat: number; steps: { waitSeconds: number; targets: { type: string }[] }[] }[];
    const platform = policies.find((p) => p.name === 'Platform Escalation');
    expect(platform?.repeat).toBe(2);
    expect(platform?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [10 * 60, ['schedule']],
      [15 * 60, ['user', 'schedule']],
    ]);
    expect(policies.find((p) => p.name === 'Payments Escalation')?.steps.map((s) => s.waitSeconds)).toEqual([0, 15 * 60]);
  });

  it('a re-run creates nothing new and still finds no differences', async () => {
    const { result, lines } = await run();
    expect(result.created).toBe(0);
    expect(lines).toContain('  exists schedule "Platform Primary": left as is');
    expect(lines).toContain('  exists user alice@acme.test: left as is');
    expect(result.fidelity.every((f) => f.result?.differences.length === 0)).toBe(true);
  });

  it('rotations on call at the same time: Opsgenie notifies both, Vigil its top layer, and the check says so', async () => {
    const base = opsgenieAccount(Date.parse(NOW));
    const primary = base.schedules[0]!;
    const overlap = {
      ...primary,
      id: 'sched-overlap',
      name: 'Overlapping',
      // Business hours without their restriction, so they overlap the off hours every evening and weekend.
      rotations: [primary.rotations[1]!, { ...primary.rotations[0]!, timeRestriction: undefined }],
    };
    const other = await startOpsgenieFake({ ...base, schedules: [overlap], overrides: {}, escalations: [] });
    try {
      const { result, lines } = await run({ url: other.url, apiKey: other.apiKey, dryRun: true });
      const differences = result.fidelity[0]?.result?.differences ?? [];
      expect(differences.length).toBeGreaterThan(20);
      expect(differences.every((d) => d.source?.includes(' and ') && d.vigil !== null && d.source.includes(d.vigil))).toBe(true);
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}2027-03-01 23:00 to 2027-03-02 14:00 UTC: Opsgenie \w+@acme.test and \w+@acme.test, Vigil \w+@acme.test$/));
    } finally {
      await other.close();
    }
  });

  it('waits and tries again when Opsgenie throttles a request (429)', async () => {
    const throttled = await startOpsgenieFake(opsgenieAccount(Date.parse(NOW)), { throttleOnce: '/v2/escalations' });
    try {
      const { lines } = await run({ url: throttled.url, apiKey: throttled.apiKey, dryRun: true });
      expect(throttled.requests.filter((r) => r === '/v2/escalations')).toHaveLength(2);
      expect(lines.at(-1)).toMatch(/0 on-call differences$/);
    } finally {
      await throttled.close();
    }
  });

  describe('refusals', () => {
    it('a wrong Opsgenie key fails before anything is written, saying which key', async () => {
      await expect(run({ apiKey: 'wrong' })).rejects.toThrow('Opsgenie refused the API key (401)');
    });

    it('a wrong Vigil token fails before anything is written', async () => {
      await expect(run({ token: 'vgl_wrong' })).rejects.toThrow('Vigil refused the API token (401)');
    });
  });
});

// The fake is the source's answer in the fidelity check, so it is held to Opsgenie's rules by hand.
describe('the Opsgenie fake', () => {
  const account = opsgenieAccount(Date.parse(NOW));
  const platform = account.schedules.find((s) => s.id === 'sched-platform');
  const periods = (rotationId: string, from: string, to: string) =>
    finalTimeline({ ...platform!, rotations: platform!.rotations.filter((r) => r.id === rotationId) }, [], Date.parse(from), Date.parse(to)).rotations[0]!.periods!.map(
      (p) => `${p.startDate.slice(0, 16)}–${p.endDate.slice(11, 16)} ${p.recipient.id}`,
    );

  // Week 60 since 5 January 2026 (Alice's, of three) began on Monday 1 March 2027.
  it('keeps weekday business hours at 09:00–18:00 New York time across the DST change', () => {
    expect(periods('rot-business', '2027-03-12T00:00:00Z', '2027-03-16T00:00:00Z')).toEqual(['2027-03-12T14:00–23:00 bob', '2027-03-15T13:00–22:00 carol']);
  });

  // Day 424 since 5 January 2026 (Bob's, of two) began on Friday 5 March 2027 at 18:00; turns go on over the weekend.
  it('runs off hours past midnight and over the weekend, Friday 18:00 to Monday 09:00', () => {
    expect(periods('rot-off', '2027-03-05T20:00:00Z', '2027-03-08T16:00:00Z')).toEqual(['2027-03-05T23:00–23:00 bob', '2027-03-06T23:00–23:00 carol', '2027-03-07T23:00–14:00 bob']);
  });

  it('refuses a missing key (401) and pages users with limit, offset and paging.next', async () => {
    const fake = await startOpsgenieFake(account, { maxLimit: 4 });
    try {
      const get = (path: string, headers: Record<string, string> = {}) => fetch(`${fake.url}${path}`, { headers });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake's answers, read as Opsgenie's clients read them
      const json = async (path: string, headers: Record<string, string>): Promise<any> => (await get(path, headers)).json();
      const refused = await get('/v2/users');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ message: 'Could not authenticate' });
      expect((await get('/v2/users', { authorization: `Bearer ${fake.apiKey}` })).status).toBe(401);
      const auth = { authorization: `GenieKey ${fake.apiKey}` };
      const first = await json('/v2/users?limit=10&offset=0', auth);
      expect(first.data).toHaveLength(4);
      expect(first.paging.next).toBe(`${fake.url}/v2/users?limit=4&offset=4`);
      const last = await json('/v2/users?limit=10&offset=4', auth);
      expect(last).toMatchObject({ totalCount: 6, data: [{ id: 'erin' }, { id: 'frank' }] });
      expect(last.paging.next).toBeUndefined();
      // Rotations only when expanded, team members only from the team itself.
      expect((await json('/v2/schedules', auth)).data[0].rotations).toBeUndefined();
      expect((await json('/v2/teams', auth)).data[0].members).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
