import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPagerDuty, type PagerDutyImportOptions } from '../../src/cli/pagerduty/import.js';
import { describeEachDatabase } from '../support/databases.js';
import { finalSchedule, startPagerDutyFake, type PagerDutyFake } from '../support/pagerduty-api-fake.js';
import { pagerDutyAccount, pagerDutyKeys } from '../support/pagerduty-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport, namesIn } from '../support/import-target.js';

// Both DST changes of the fixtures' zones (New York 14 March, Berlin 28 March) fall in the 30 days checked.
const NOW = '2027-03-01T12:00:00.000Z';

describeEachDatabase('vigil import pagerduty', (dialect) => {
  const app = useTestApp(dialect, { frozenAt: NOW });
  let fake: PagerDutyFake;
  let options: PagerDutyImportOptions;

  beforeAll(async () => {
    // Pages of two force the import through PagerDuty's pagination.
    fake = await startPagerDutyFake(pagerDutyAccount(Date.parse(NOW)), { maxLimit: 2 });
    const { vigilUrl, token } = await listenForImport(app);
    options = { apiKey: fake.apiKey, url: fake.url, vigilUrl, token, now: Date.parse(NOW) };
  });
  afterAll(() => fake.close());

  async function run(extra: Partial<PagerDutyImportOptions> = {}) {
    const lines: string[] = [];
    const result = await importPagerDuty({ ...options, ...extra }, (line) => lines.push(line));
    return { result, lines };
  }
  const names = (path: string) => namesIn(app, path);

  it('a dry run prints the plan, creates nothing, and Vigil\'s resolver on the plan agrees with PagerDuty', async () => {
    const usersBefore = (await app.admin.get('/api/v1/users?limit=200')).body.items.length;
    const { result, lines } = await run({ dryRun: true });
    expect(lines[0]).toBe('PagerDuty import plan (dry run: nothing is created)');
    expect(lines).toContain('  exists team "Platform": left as is');
    expect(lines).toContain('  create user alice@acme.test (admin)');
    expect(lines).toContain('  create schedule "Platform Primary" (2 layers, 1 override)');
    expect(result.fidelity.map((f) => [f.schedule, f.result?.differences.length])).toEqual([
      ['Platform Primary', 0],
      ['Payments Weekend', 0],
      ['Follow the Sun', 0],
    ]);
    expect((await app.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(usersBefore);
    expect(await names('/schedules')).not.toContain('Platform Primary');
    expect(await names('/monitors')).not.toContain('Checkout API');
  });

  it('imports users, teams, schedules, policies and monitors, with zero on-call differences for 30 days', async () => {
    const { result, lines } = await run();
    expect(result.fidelity.map((f) => [f.schedule, f.result?.differences.length])).toEqual([
      ['Platform Primary', 0],
      ['Payments Weekend', 0],
      ['Follow the Sun', 0],
    ]);
    // Every handoff of 30 days was compared (weekly, nightly, weekend and 8-hour turns).
    expect(result.fidelity.map((f) => f.result?.handoffs)).toEqual([66, 20, 89]);
    expect(lines).toContain('  create membership of bob@acme.test in team "Payments"');
    expect(lines.at(-1)).toMatch(/^Created \d+, left 1 as they were, \d+ not imported as they were, 0 on-call differences$/);

    // What could not be brought over is reported, with the reason.
    const reasons = result.notes.map((n) => `${n.subject}: ${n.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^user alice@acme.test contact method "iPhone": is a PagerDuty app push/),
        expect.stringMatching(/^schedule "Platform Primary" layer "Old layer": ended /),
        expect.stringMatching(/^schedule "Follow the Sun" layer "90-minute shifts": not imported: its turn of 5400 seconds/),
        expect.stringMatching(/^service "Checkout API" integration "Email": is a generic_email_inbound_integration/),
        expect.stringMatching(/^service "Checkout API": auto-resolves after 14400 s/),
      ]),
    );

    const users = (await app.admin.get('/api/v1/users?limit=200')).body.items as { id: string; email: string; role: string; timeZone: string }[];
    const alice = users.find((u) => u.email === 'alice@acme.test');
    expect(alice).toMatchObject({ role: 'admin', timeZone: 'America/New_York' });
    expect(users.find((u) => u.email === 'erin@acme.test')?.role).toBe('viewer');
    const methods = (await app.admin.get(`/api/v1/users/${alice?.id}/contact-methods`)).body as { kind: string; address: string; verified: boolean }[];
    expect(methods.map((m) => [m.kind, m.address, m.verified])).toEqual([
      ['email', 'alice@acme.test', true],
      ['sms', '+15555550101', true],
    ]);
    const rules = (await app.admin.get(`/api/v1/users/${alice?.id}/notification-rules`)).body as { delayMinutes: number; urgency: string | null }[];
    // PagerDuty's rules, and not Vigil's default rule for a first method.
    expect(rules.map((r) => `${r.delayMinutes} ${r.urgency}`).sort()).toEqual(['0 high', '0 low', '5 high']);

    const teams = (await app.admin.get('/api/v1/teams?limit=200')).body.items as { id: string; name: string }[];
    const payments = teams.find((t) => t.name === 'Payments') as { id: string };
    const members = (await app.admin.get(`/api/v1/teams/${payments.id}`)).body.members as { email: string }[];
    expect(members.map((m) => m.email).sort()).toEqual(['bob@acme.test', 'dave@acme.test']);

    const schedules = (await app.admin.get('/api/v1/schedules?limit=200')).body.items as { id: string; name: string; timeZone: string }[];
    const primary = schedules.find((s) => s.name === 'Platform Primary') as { id: string; timeZone: string };
    expect(primary.timeZone).toBe('America/New_York');
    const detail = (await app.admin.get(`/api/v1/schedules/${primary.id}`)).body;
    expect(detail.layers.map((l: { name: string; rotation: unknown; restriction: unknown }) => [l.name, l.rotation, l.restriction])).toEqual([
      ['Nights', { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T18:00' }, { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '22:00', endTime: '08:00' }] }],
      ['Weekly', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' }, { kind: 'always' }],
    ]);
    const overrides = (await app.admin.get(`/api/v1/schedules/${primary.id}/overrides?from=${NOW}&to=2027-04-01T00:00:00.000Z`)).body;
    expect(overrides.items ?? overrides).toHaveLength(1);

    const policies = (await app.admin.get('/api/v1/escalation-policies?limit=200')).body.items as { name: string; repeat: number; steps: { waitSeconds: number; targets: { type: string }[] }[] }[];
    const platform = policies.find((p) => p.name === 'Platform Escalation');
    expect(platform?.repeat).toBe(2);
    expect(platform?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [30 * 60, ['schedule']],
      [15 * 60, ['user', 'schedule']],
    ]);
    expect(policies.find((p) => p.name === 'Payments')?.steps.map((s) => s.waitSeconds)).toEqual([0, 600]);

    // A sender keeps its PagerDuty key and changes only the URL.
    const monitors = (await app.admin.get('/api/v1/monitors?limit=200')).body.items as { id: string; name: string; kind: string; urgency: string }[];
    expect(monitors.find((m) => m.name === 'Checkout API')).toMatchObject({ kind: 'pagerduty', urgency: 'dynamic' });
    const event = await app.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: pagerDutyKeys.checkout,
      event_action: 'trigger',
      payload: { summary: 'Checkout is failing', source: 'datadog', severity: 'critical' },
    });
    expect(event.status).toBe(202);
  });

  it('a re-run creates nothing new and still finds no differences', async () => {
    const { result, lines } = await run();
    expect(result.created).toBe(0);
    expect(lines).toContain('  exists schedule "Platform Primary": left as is');
    expect(lines).toContain('  exists user alice@acme.test: left as is');
    expect(result.fidelity.every((f) => f.result?.differences.length === 0)).toBe(true);
  });

  describe('refusals', () => {
    it('a wrong PagerDuty key fails before anything is written, saying which key', async () => {
      await expect(run({ apiKey: 'wrong' })).rejects.toThrow('PagerDuty refused the API key (401)');
    });

    it('a wrong Vigil token fails before anything is written', async () => {
      await expect(run({ token: 'vgl_wrong' })).rejects.toThrow('Vigil refused the API token (401)');
    });
  });
});

// The fake is the source's answer in the fidelity check, so it is held to PagerDuty's rules by hand.
describe('the PagerDuty fake', () => {
  const account = pagerDutyAccount(Date.parse(NOW));
  const platform = account.schedules.find((s) => s.id === 'PSPLAT');
  const spans = (layerIds: string[], from: string, to: string) =>
    finalSchedule({ ...platform!, schedule_layers: platform!.schedule_layers.filter((l) => layerIds.includes(l.id)) }, [], Date.parse(from), Date.parse(to)).map(
      (x) => `${new Date(x.start).toISOString().slice(0, 16)} ${x.userId}`,
    );

  // Turn 60 since 5 January 2026 (Alice's, of three) began on Monday 1 March 2027.
  it('keeps a weekly handoff at 09:00 New York time across the DST change', () => {
    expect(spans(['PLWEEK'], '2027-03-08T00:00:00Z', '2027-03-22T00:00:00Z')).toEqual(['2027-03-08T00:00 PALICE', '2027-03-08T14:00 PBOB', '2027-03-15T13:00 PCAROL']);
  });

  it('a nightly restriction runs 22:00 to 08:00 local, past midnight', () => {
    const nights = finalSchedule({ ...platform!, schedule_layers: platform!.schedule_layers.filter((l) => l.id === 'PLNIGHT') }, [], Date.parse('2027-03-02T00:00:00Z'), Date.parse('2027-03-03T12:00:00Z'));
    // Day 420 since 5 January 2026 is Bob's (of two): 22:00 EST is 03:00 UTC, 08:00 is 13:00.
    expect(nights.map((x) => `${new Date(x.start).toISOString().slice(11, 16)}–${new Date(x.end).toISOString().slice(11, 16)} ${x.userId}`)).toEqual(['03:00–13:00 PBOB', '03:00–12:00 PDAVE']);
  });

  it('refuses a missing token (401) and media type (406), and pages with limit, offset and more', async () => {
    const fake = await startPagerDutyFake(account, { maxLimit: 2 });
    try {
      const get = (path: string, headers: Record<string, string>) => fetch(`${fake.url}${path}`, { headers });
      const accept = { accept: 'application/vnd.pagerduty+json;version=2' };
      expect((await get('/users', accept)).status).toBe(401);
      expect((await get('/users', { authorization: `Token token=${fake.apiKey}` })).status).toBe(406);
      const page = await (await get('/users?limit=25&offset=4', { ...accept, authorization: `Token token=${fake.apiKey}` })).json();
      expect(page).toMatchObject({ limit: 2, offset: 4, more: false, users: [{ id: 'PERIN' }] });
    } finally {
      await fake.close();
    }
  });
});
