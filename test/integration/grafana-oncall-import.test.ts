import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrafanaOnCallApi } from '../../src/cli/grafana/grafana-api.js';
import { importGrafanaOnCall, type GrafanaImportOptions } from '../../src/cli/grafana/import.js';
import { describeEachDatabase } from '../support/databases.js';
import { finalShifts, startGrafanaOnCallFake, type GrafanaOnCallFake } from '../support/grafana-oncall-api-fake.js';
import { grafanaOnCallInstance } from '../support/grafana-oncall-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport, namesIn } from '../support/import-target.js';

// Both DST changes of the fixtures' zones (New York 14 March, Berlin 28 March) fall in the 30 days checked.
const NOW = '2027-03-01T12:00:00.000Z';

describeEachDatabase('vigil import grafana-oncall', (dialect) => {
  const app = useTestApp(dialect, { frozenAt: NOW });
  let fake: GrafanaOnCallFake;
  let options: GrafanaImportOptions;

  beforeAll(async () => {
    // Pages of two force the import through OnCall's page numbers.
    fake = await startGrafanaOnCallFake(grafanaOnCallInstance(), { pageSize: 2 });
    const { vigilUrl, token } = await listenForImport(app);
    options = { oncallToken: fake.token, url: fake.url, vigilUrl, token, now: Date.parse(NOW) };
  });
  afterAll(() => fake.close());

  async function run(extra: Partial<GrafanaImportOptions> = {}) {
    const lines: string[] = [];
    const result = await importGrafanaOnCall({ ...options, ...extra }, (line) => lines.push(line));
    return { result, lines };
  }
  const names = (path: string) => namesIn(app, path);
  // OnCall's own handoffs drift by the clock change (grafana/oncall#5247), Vigil's keep their local time:
  // the only differences in 30 days are those hours, and the import says why.
  const checked = (result: Awaited<ReturnType<typeof run>>['result']) =>
    result.fidelity.map((f) => [f.schedule, f.result?.differences.map((d) => `${new Date(d.start).toISOString().slice(0, 16)}–${new Date(d.end).toISOString().slice(11, 16)} ${d.source} / ${d.vigil}`)]);
  const onlyTheClockChanges = [
    // New York's spring change: Bob's week, begun Monday 8 March 09:00 EST, lasts 168 elapsed hours, to 10:00 EDT, over Carol's.
    ['Platform Primary', ['2027-03-15T13:00–14:00 bob@acme.test + carol@acme.test / carol@acme.test']],
    // Berlin's: Erin's Friday-to-Monday window ends at 09:00 CEST (its elapsed length), Vigil's at 08:00.
    ['Follow the Sun', ['2027-03-29T06:00–07:00 erin@acme.test / alice@acme.test']],
  ];

  it("a dry run prints the plan, creates nothing, and Vigil's resolver on the plan agrees with Grafana OnCall", async () => {
    const usersBefore = (await app.admin.get('/api/v1/users?limit=200')).body.items.length;
    const { result, lines } = await run({ dryRun: true });
    expect(lines[0]).toBe('Grafana OnCall import plan (dry run: nothing is created)');
    expect(lines).toContain('  create user alice@acme.test (admin)');
    expect(lines).toContain('  create schedule "Platform Primary" (3 layers, 1 override)');
    expect(checked(result)).toEqual(onlyTheClockChanges);
    expect((await app.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(usersBefore);
    expect(await names('/schedules')).not.toContain('Platform Primary');
  });

  it("imports teams, users, schedules and escalation chains; in 30 days, on-call differs only in the hour OnCall's handoffs drift by at the clock change", async () => {
    const { result, lines } = await run();
    expect(checked(result)).toEqual(onlyTheClockChanges);
    // The test app's seed already has a team "Platform": the schedule and chain of OnCall's go to it.
    expect(lines).toContain('  exists team "Platform": left as is');
    // Every handoff of 30 days was compared (weekly, nightly, weekend, 8-hour turns, the override).
    expect(result.fidelity.map((f) => f.result?.handoffs)).toEqual([84, 67]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}schedule "Platform Primary": its shifts' handoffs: Grafana OnCall keeps each event's elapsed length when the clock changes/));
    expect(lines.at(-1)).toMatch(/^Created \d+, left 1 as they were, \d+ not imported as they were, 2 on-call differences$/);

    // What could not be brought over is reported, with the reason.
    const reasons = result.notes.map((n) => `${n.subject}: ${n.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schedule "Month End" shift "Month end": not imported: it repeats monthly/),
        expect.stringMatching(/^schedule "Legacy iCal": is of type ical/),
        expect.stringMatching(/^escalation chain "Platform Escalation" step 4 \(trigger_webhook\): has no Vigil equivalent/),
        expect.stringMatching(/^escalation chain "Platform Escalation" step 3 \(notify_persons\): an important notification/),
        'integration "Zabbix": is of type zabbix, which no Vigil monitor takes: not imported',
        expect.stringMatching(/^integration "Deploys": its senders post OnCall's webhook JSON/),
      ]),
    );

    // Integrations are monitors paging their default route's chain, with new keys.
    const monitors = (await app.admin.get('/api/v1/monitors?limit=200')).body.items as { name: string; kind: string }[];
    expect(monitors.filter((m) => ['Checkout Grafana', 'Platform Alertmanager', 'Deploys', 'Zabbix'].includes(m.name)).map((m) => [m.name, m.kind]).sort()).toEqual([
      ['Checkout Grafana', 'grafana'],
      ['Deploys', 'webhook'],
      ['Platform Alertmanager', 'alertmanager'],
    ]);
    expect(lines).toContain('  create grafana monitor "Checkout Grafana" with a new integration key');

    const users = (await app.admin.get('/api/v1/users?limit=200')).body.items as { email: string; role: string; timeZone: string }[];
    expect(['alice', 'bob', 'frank'].map((n) => users.find((u) => u.email === `${n}@acme.test`)).map((u) => [u?.role, u?.timeZone])).toEqual([
      ['admin', 'America/New_York'],
      ['responder', 'Europe/Berlin'],
      ['viewer', 'UTC'],
    ]);
    expect(await names('/teams')).toEqual(expect.arrayContaining(['Platform', 'Imported from Grafana OnCall']));

    const schedules = (await app.admin.get('/api/v1/schedules?limit=200')).body.items as { id: string; name: string }[];
    const primary = (await app.admin.get(`/api/v1/schedules/${schedules.find((s) => s.name === 'Platform Primary')?.id}`)).body;
    expect(primary.timeZone).toBe('America/New_York');
    expect(primary.layers.map((l: { name: string; rotation: unknown; restriction: unknown }) => [l.name, l.rotation, l.restriction])).toEqual([
      ['Weekend days', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-03T10:00' }, { kind: 'daily', windows: [{ days: [6, 7], startTime: '10:00', endTime: '16:00' }] }],
      ['Platform nights', { kind: 'custom', every: 1, unit: 'days', anchor: '2026-01-05T20:00' }, { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], startTime: '20:00', endTime: '08:00' }] }],
      ['Platform weekly', { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' }, { kind: 'always' }],
    ]);
    const sun = (await app.admin.get(`/api/v1/schedules/${schedules.find((s) => s.name === 'Follow the Sun')?.id}`)).body;
    expect(sun.layers[0].restriction).toEqual({ kind: 'custom', windows: [{ startDay: 5, startTime: '18:00', endDay: 1, endTime: '08:00' }] });
    expect(await names('/schedules')).not.toContain('Month End');

    const policies = (await app.admin.get('/api/v1/escalation-policies?limit=200')).body.items as { name: string; repeat: number; steps: { waitSeconds: number; targets: { type: string }[] }[] }[];
    const platform = policies.find((p) => p.name === 'Platform Escalation');
    expect(platform?.repeat).toBe(5);
    expect(platform?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [300, ['schedule']],
      [900, ['user', 'user']],
    ]);
    expect(policies.find((p) => p.name === 'Follow the Sun')?.steps.map((s) => [s.waitSeconds, s.targets.map((t) => t.type)])).toEqual([
      [0, ['schedule']],
      [600, ['user']],
    ]);
  });

  it('a re-run creates nothing new and finds the same differences', async () => {
    const { result, lines } = await run();
    expect(result.created).toBe(0);
    expect(lines).toContain('  exists schedule "Platform Primary": left as is');
    expect(lines).toContain('  exists user alice@acme.test: left as is');
    expect(checked(result)).toEqual(onlyTheClockChanges);
  });

  describe('refusals', () => {
    it('a wrong Grafana OnCall token fails before anything is written, saying which token', async () => {
      await expect(run({ oncallToken: 'wrong' })).rejects.toThrow('Grafana OnCall refused the token (401)');
    });

    it("an error answer is one line naming the request and OnCall's detail", async () => {
      await expect(new GrafanaOnCallApi(fake.url, fake.token).finalShifts('SPRIMARY', '2027-03-02', '2027-03-01')).rejects.toThrow(
        'Grafana OnCall answered 400 to GET /api/v1/schedules/SPRIMARY/final_shifts: end_date must be greater than or equal to start_date',
      );
    });

    it('a wrong Vigil token fails before anything is written', async () => {
      await expect(run({ token: 'vgl_wrong' })).rejects.toThrow('Vigil refused the API token (401)');
    });
  });
});

describe('the Grafana OnCall import, where OnCall pages a group of two', () => {
  const app = useTestApp('sqlite', { frozenAt: NOW });

  it('the fidelity check names both, as no Vigil layer can', async () => {
    const instance = grafanaOnCallInstance();
    // Frank joins Erin's weekend group: OnCall pages both, Vigil keeps Erin.
    instance.shifts = instance.shifts.map((s) => (s.id === 'OWKND' ? { ...s, rolling_users: [['UERIN', 'UFRANK'], ['UCAROL']] } : s));
    const fake = await startGrafanaOnCallFake(instance);
    try {
      const { vigilUrl, token } = await listenForImport(app);
      const lines: string[] = [];
      const result = await importGrafanaOnCall({ oncallToken: fake.token, url: fake.url, vigilUrl, token, now: Date.parse(NOW), dryRun: true }, (l) => lines.push(l));
      const differences = result.fidelity.find((f) => f.schedule === 'Platform Primary')?.result?.differences ?? [];
      expect(differences[0]).toMatchObject({ source: 'erin@acme.test + frank@acme.test', vigil: 'erin@acme.test' });
      // Besides the clock change's hour (Bob's drifting week, as without Frank).
      expect(differences.filter((d) => d.source !== 'erin@acme.test + frank@acme.test')).toEqual([expect.objectContaining({ source: 'bob@acme.test + carol@acme.test', vigil: 'carol@acme.test' })]);
      expect(lines).toContain('  schedule "Platform Primary" shift "Weekend days": a group of several users is on call together in Grafana OnCall; a Vigil layer has one on call, so the group keeps its first user');
    } finally {
      await fake.close();
    }
  });
});

// The fake is the source's answer in the fidelity check, so it is held to OnCall's rules by hand.
describe('the Grafana OnCall fake', () => {
  const instance = grafanaOnCallInstance();
  const shifts = (id: string, from: string, to: string) =>
    finalShifts(instance, instance.schedules.find((s) => s.id === id) as (typeof instance.schedules)[number], Date.parse(from), Date.parse(to)).map(
      (s) => `${s.shift_start.slice(0, 16)}–${s.shift_end.slice(11, 16)} ${s.user_pk}`,
    );

  it('New York, 13–15 March: weekend days on top, nights from 20:00 local across the DST change, the weekly turn below, each event its elapsed length', () => {
    // Bob's week (since Monday 8 March 09:00), Dave's and Bob's alternate nights, Erin's weekend days; Carol's week from Monday 15 March 09:00 EDT.
    expect(shifts('SPRIMARY', '2027-03-13T12:00:00Z', '2027-03-15T18:00:00Z')).toEqual([
      '2027-03-13T12:00–13:00 UDAVE',
      '2027-03-13T13:00–15:00 UBOB',
      '2027-03-13T15:00–21:00 UERIN',
      // Saturday 16:00 EST to Sunday 10:00 EDT: Bob's week, then his night (from 01:00 UTC, 12 elapsed hours though the clock jumps), then his week again.
      '2027-03-13T21:00–14:00 UBOB',
      '2027-03-14T14:00–20:00 UERIN',
      '2027-03-14T20:00–00:00 UBOB',
      '2027-03-15T00:00–12:00 UDAVE',
      // Bob's week is 168 elapsed hours from 09:00 EST: to 10:00 EDT, an hour over Carol's (grafana/oncall#5247).
      '2027-03-15T12:00–14:00 UBOB',
      '2027-03-15T13:00–18:00 UCAROL',
    ]);
  });

  it('Berlin, 27–29 March: the Friday-to-Monday window keeps its elapsed length, to 09:00 CEST, then the 8-hour turn', () => {
    expect(shifts('SSUN', '2027-03-27T18:00:00Z', '2027-03-29T12:00:00Z')).toEqual(['2027-03-27T18:00–07:00 UERIN', '2027-03-29T07:00–12:00 UALICE']);
  });

  it('refuses a token sent with a scheme (401), pages by page number, and a page past the last is 404', async () => {
    const fake = await startGrafanaOnCallFake(instance, { pageSize: 4 });
    try {
      const get = (path: string, authorization = fake.token) => fetch(`${fake.url}${path}`, { headers: { authorization } });
      expect((await get('/api/v1/users/', `Bearer ${fake.token}`)).status).toBe(401);
      const first = await (await get('/api/v1/users/')).json();
      expect(first).toMatchObject({ count: 6, next: `${fake.url}/api/v1/users/?page=2`, previous: null, page_size: 4, current_page_number: 1, total_pages: 2 });
      const second = (await (await get('/api/v1/users/?page=2')).json()) as { results: { id: string }[] };
      expect(second.results.map((u) => u.id)).toEqual(['UERIN', 'UFRANK']);
      expect(await (await get('/api/v1/users/?page=3')).json()).toEqual({ detail: 'Invalid page.' });
    } finally {
      await fake.close();
    }
  });
});
