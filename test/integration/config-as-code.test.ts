import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { applyConfig, type ApplyOptions } from '../../src/cli/config/apply-config.js';
import { exportConfig } from '../../src/cli/config/export-config.js';
import type { ConfigDocument } from '../../src/core/config/document.js';
import { plan } from '../../src/core/config/plan.js';
import { linesOf, runVigilCli } from '../support/cli-process.js';
import { createTestDatabase, describeEachDatabase, type TestDialect } from '../support/databases.js';
import { testConfig } from '../support/test-app.js';

const owner = { name: 'Olivia Owner', email: 'owner@example.com', password: 'owner-password-1', timeZone: 'Europe/London' };

interface Instance {
  vigil: Vigil;
  url: string;
  token: string;
  /** Calls the API as the owner and fails the test on anything but 2xx. */
  call<T = { id: string }>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A Vigil on an empty database (no demo), its first owner made through /setup, listening for the command. */
async function emptyVigil(dialect: TestDialect): Promise<Instance> {
  const database = await createTestDatabase(dialect);
  const vigil = await startVigil({ ...testConfig(database.url), seedDemo: false }, createLogger('silent'));
  const setup = await vigil.app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner });
  expect(setup.statusCode).toBe(201);
  const cookie = setup.cookies.find((c) => c.name === 'vigil_session')?.value ?? '';
  const headers = { cookie: `vigil_session=${cookie}`, 'x-csrf-token': setup.json<{ csrfToken: string }>().csrfToken };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown): Promise<T> => {
    const res = await vigil.app.inject({ method, url: `/api/v1${url}`, headers, ...(body !== undefined && { payload: body as object }) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  };
  const token = (await call<{ token: string }>('POST', '/me/tokens', { name: 'config as code' })).token;
  const url = await vigil.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    vigil,
    url,
    token,
    call,
    stop: async () => {
      await vigil.stop();
      await database.drop();
    },
  };
}

/** Every file under dir, by its path inside it. */
function filesIn(dir: string): Record<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  return Object.fromEntries(names.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'vigil-cac-'));

describeEachDatabase('configuration as code', (dialect) => {
  let source: Instance;
  let target: Instance;
  let exported: string;
  const lines: string[] = [];
  const out = (line: string) => void lines.push(line);
  const apply = async (file: string, options: Partial<ApplyOptions> = {}) => {
    lines.length = 0;
    return applyConfig({ file, vigilUrl: target.url, token: target.token, ...options }, out);
  };
  const exportTo = async (instance: Instance) => {
    const dir = path.join(tmp(), 'config');
    await exportConfig({ vigilUrl: instance.url, token: instance.token, out: dir }, () => undefined);
    return dir;
  };
  /** A copy of the exported team file, changed by `edit`. */
  const editedTeam = (edit: (doc: ConfigDocument) => void) => {
    const file = path.join(tmp(), 'platform.yaml');
    const doc = parse(readFileSync(path.join(exported, 'teams', 'platform.yaml'), 'utf8')) as ConfigDocument;
    edit(doc);
    writeFileSync(file, stringify(doc));
    return file;
  };

  beforeAll(async () => {
    [source, target] = await Promise.all([emptyVigil(dialect), emptyVigil(dialect)]);
    const { call } = source;
    const team = await call('POST', '/teams', { name: 'Platform', description: 'Keeps the lights on' });
    const alice = await call('POST', '/users', { email: 'alice@example.com', name: 'Alice', role: 'responder', timeZone: 'Europe/Paris' });
    const bob = await call('POST', '/users', { email: 'bob@example.com', name: 'Bob', role: 'admin' });
    await call('PUT', `/teams/${team.id}/members/${alice.id}`, { role: 'manager' });
    await call('PUT', `/teams/${team.id}/members/${bob.id}`, { role: 'member' });
    const onCall = await call<{ id: string; layers: { id: string; name: string }[] }>('POST', '/schedules', {
      name: 'Platform on-call',
      teamId: team.id,
      timeZone: 'Europe/London',
      layers: [
        { name: 'Weekly', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [alice.id, bob.id] },
        {
          name: 'Office hours',
          timeZone: 'America/New_York',
          rotation: { kind: 'daily', handoffTime: '08:00' },
          restriction: { kind: 'daily', windows: [{ days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00' }] },
          members: [bob.id],
        },
      ],
    });
    await call('POST', '/schedules', { name: 'Spare', teamId: team.id, timeZone: 'UTC', layers: [{ name: 'Only', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [alice.id] }] });
    const policy = await call('POST', '/escalation-policies', {
      name: 'Default',
      teamId: team.id,
      repeat: 2,
      steps: [
        { waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: onCall.id }] },
        { waitSeconds: 600, targets: [{ type: 'user', userId: alice.id }, { type: 'schedule_layer', scheduleId: onCall.id, layerId: onCall.layers[1]?.id }] },
      ],
    });
    const webhook = await call('POST', '/monitors', { name: 'Checkout events', teamId: team.id, policyId: policy.id, kind: 'webhook', urgency: 'dynamic' });
    await call('POST', '/monitors', { name: 'Nightly backup', teamId: team.id, policyId: policy.id, kind: 'heartbeat', heartbeat: { intervalSeconds: 86400, graceSeconds: 600 }, dependsOn: [webhook.id] });
    await call('POST', '/monitors', {
      name: 'Health page',
      teamId: team.id,
      policyId: policy.id,
      kind: 'http',
      paused: true,
      http: { url: 'http://127.0.0.1:9/health', headers: { authorization: 'Bearer s3cret-source' }, body: 'ping' },
    });
    await call('PUT', `/monitors/${webhook.id}/event-rules`, {
      rules: [{ name: 'Staging is low', when: [{ field: 'labels.env', op: 'equals', value: 'staging' }], then: { urgency: 'low' } }],
    });
    await call('PUT', '/event-rules', { rules: [{ name: 'Drop tests', when: [{ field: 'labels.test', op: 'exists' }], then: { drop: true } }, { name: 'Payments page Platform', when: [{ field: 'service', op: 'equals', value: 'payments' }], then: { policyId: policy.id } }] });
    exported = await exportTo(source);
  }, 60_000);
  afterAll(async () => {
    await source?.stop();
    await target?.stop();
  });

  it('exports names, no ids or secrets', () => {
    const files = filesIn(exported);
    expect(Object.keys(files)).toEqual(['teams/platform.yaml', 'users.yaml']);
    const all = Object.values(files).join('\n');
    expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no database ids
    expect(all).not.toMatch(/password|token|integrationKey|s3cret|authorization/i);
    expect(files['teams/platform.yaml']).toContain('- schedule: Platform on-call\n');
    expect(files['users.yaml']).toContain('policy:\n        team: Platform\n        name: Default');
  });

  it('applied on an empty Vigil, exports the same files byte for byte; applied again, changes nothing', async () => {
    expect(await apply(exported)).toBe(2);
    expect(lines).toContain('  + create schedule "Platform on-call" (team Platform)');
    expect(lines.at(-1)).toMatch(/^Applied: \d+ to create, 1 to update, 0 to delete\.$/); // the global rules replace the empty list
    expect(filesIn(await exportTo(target))).toEqual(filesIn(exported));
    expect(await apply(exported)).toBe(0);
    expect(lines).toEqual(['Plan', 'No changes.']);
  }, 60_000);

  it('a changed field plans exactly that change, exit 2, and applies it', async () => {
    const file = editedTeam((doc) => {
      const policy = doc.teams?.[0]?.policies?.[0];
      if (policy) policy.repeat = 3;
    });
    expect(await apply(file, { dryRun: true })).toBe(2);
    expect(lines).toEqual(['Plan (dry run: nothing is changed)', '  ~ update escalation policy "Default" (team Platform)', '      repeat: 2 → 3', 'Would apply: 0 to create, 1 to update, 0 to delete.']);
    expect(await apply(file)).toBe(2);
    expect(await apply(file)).toBe(0);
    expect(await apply(exported)).toBe(2); // back as it was
  }, 60_000);

  it("apply keeps an HTTP check's headers and body, which the files never hold", async () => {
    const { id } = (await target.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200')).items.find((m) => m.name === 'Health page') ?? { id: '' };
    await target.call('PATCH', `/monitors/${id}`, { http: { url: 'http://127.0.0.1:9/health', headers: { authorization: 'Bearer s3cret-target' }, body: 'ping' } });
    const moved = editedTeam((doc) => {
      const monitor = doc.teams?.[0]?.monitors?.find((m) => m.name === 'Health page');
      if (monitor) monitor.http = { ...monitor.http, url: 'http://127.0.0.1:9/healthz' };
    });
    expect(await apply(moved, { dryRun: true })).toBe(2);
    expect(lines).toContain('      http.url: "http://127.0.0.1:9/health" → "http://127.0.0.1:9/healthz"');
    expect(await apply(moved)).toBe(2);
    const http = (await target.call<{ http: unknown }>('GET', `/monitors/${id}`)).http;
    expect(http).toMatchObject({ url: 'http://127.0.0.1:9/healthz', headers: { authorization: 'Bearer s3cret-target' }, body: 'ping' });
    expect(await apply(exported)).toBe(2); // back as it was
  }, 60_000);

  it('a schedule the file no longer names is kept and listed; --prune deletes it, unless a policy still pages it', async () => {
    const withoutSpare = editedTeam((doc) => {
      const team = doc.teams?.[0];
      if (team) team.schedules = team.schedules?.filter((s) => s.name !== 'Spare');
    });
    expect(await apply(withoutSpare)).toBe(0);
    expect(lines).toEqual(['Plan', 'Not in the files (kept; --prune deletes): schedule "Spare" (team Platform)', 'No changes.']);
    expect(await apply(withoutSpare, { prune: true })).toBe(2);
    expect(lines).toEqual(['Plan', '  - delete schedule "Spare" (team Platform)', 'Applied: 0 to create, 0 to update, 1 to delete.']);
    expect(await apply(withoutSpare, { prune: true })).toBe(0);

    const withoutPaged = editedTeam((doc) => {
      const team = doc.teams?.[0];
      if (team) team.schedules = [];
    });
    await expect(apply(withoutPaged, { prune: true })).rejects.toThrow(/^delete schedule "Platform on-call" \(team Platform\): Vigil answered 409 to DELETE \/schedules\/[0-9a-f-]+: Paging still relies on this/);
  }, 60_000);

  it('random configurations: applied with --prune, applied again changes nothing, the export is what was applied, and that export applied on an empty Vigil exports the same files', async () => {
    const users = [
      { email: 'alice@example.com', name: 'Alice', role: 'responder', timeZone: 'Europe/Paris' },
      { email: 'bob@example.com', name: 'Bob', role: 'admin', timeZone: 'Europe/London' },
      { email: owner.email, name: owner.name, role: 'owner', timeZone: owner.timeZone },
    ] as const;
    const emails = users.map((u) => u.email);
    const rotations = [{ kind: 'weekly', handoffDay: 3, handoffTime: '10:00' }, { kind: 'daily', handoffTime: '08:30' }, { kind: 'monthly', handoffDay: 31, handoffTime: '09:00' }] as const;
    const layer = (name: string) =>
      fc.record({
        name: fc.constant(name),
        rotation: fc.constantFrom(...rotations),
        restriction: fc.constantFrom(undefined, { kind: 'weekends' as const }),
        members: fc.array(fc.constantFrom(...emails), { minLength: 1, maxLength: 3 }),
      });
    const teamArb = fc
      .record({
        // At least one: Vigil refuses to remove the last member of a team a policy pages (409 in_use).
        members: fc.uniqueArray(fc.record({ user: fc.constantFrom(...emails), role: fc.constantFrom('manager' as const, 'member' as const) }), { minLength: 1, selector: (m) => m.user }),
        schedules: fc.subarray(['Days', 'Nights']).chain((names) =>
          fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), timeZone: fc.constantFrom('UTC', 'Asia/Tokyo'), layers: fc.shuffledSubarray(['L1', 'L2', 'L3'], { minLength: 1 }).chain((ls) => fc.tuple(...ls.map(layer))) }))),
        ),
      })
      .chain(({ members, schedules }) => {
        const targets = [
          ...emails.map((user) => ({ user })),
          { team: 'Prop' },
          ...schedules.flatMap((sc) => [{ schedule: sc.name }, ...sc.layers.map((l) => ({ schedule: sc.name, layer: l.name }))]),
        ];
        const policies = fc.subarray(['First', 'Second'], { minLength: 1 }).chain((names) =>
          fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), repeat: fc.integer({ min: 0, max: 2 }), steps: fc.array(fc.record({ waitSeconds: fc.constantFrom(0, 300), targets: fc.uniqueArray(fc.constantFrom(...targets), { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 }) }))),
        );
        return policies.chain((ps) =>
          fc
            .subarray(['Events', 'Alerts'])
            .chain((names) => fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), kind: fc.constant('webhook' as const), policy: fc.constantFrom(...ps.map((p) => p.name)), urgency: fc.constantFrom(undefined, 'low' as const), paused: fc.constantFrom(undefined, true as const) }))))
            .map((monitors) => ({ name: 'Prop', members, schedules: [...schedules], policies: [...ps], monitors: [...monitors] })),
        );
      });
    await fc.assert(
      fc.asyncProperty(teamArb, async (team) => {
        const file = path.join(tmp(), 'prop.yaml');
        writeFileSync(file, stringify({ users, teams: [team] }));
        expect([0, 2]).toContain(await apply(file, { prune: true }));
        expect(await apply(file, { prune: true })).toBe(0);
        const exportedDir = await exportTo(target);
        const written = parse(readFileSync(path.join(exportedDir, 'teams', 'prop.yaml'), 'utf8')) as ConfigDocument;
        expect(plan({ teams: [team] }, written, { prune: true }).operations).toEqual([]);
        const empty = await emptyVigil(dialect);
        try {
          expect(await applyConfig({ file: exportedDir, vigilUrl: empty.url, token: empty.token }, () => undefined)).toBe(2);
          expect(filesIn(await exportTo(empty))).toEqual(filesIn(exportedDir));
        } finally {
          await empty.stop();
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);

  it('the command line: exit 2 for a planned change, 0 for none, 1 with the file and YAML path for a bad file', async () => {
    const base = ['apply', '--vigil-url', target.url, '--token', target.token, '--dry-run'];
    const bad = path.join(tmp(), 'bad.yaml');
    writeFileSync(bad, 'teams:\n  - name: Platform\n    schedules:\n      - name: Broken\n        timeZone: UTC\n        layers: []\n');
    const changed = editedTeam((doc) => Object.assign(doc.teams?.[0] ?? {}, { description: 'Changed' }));
    // Three processes at once: each spends most of its time loading the sources.
    const [planned, none, refused] = await Promise.all([changed, await exportTo(target), bad].map((file) => runVigilCli([...base, '-f', file])));
    expect(planned?.code).toBe(2);
    expect(linesOf(planned?.stdout ?? '')).toContain('      description: "Keeps the lights on" → "Changed"');
    expect([none?.code, linesOf(none?.stdout ?? '').at(-1)]).toEqual([0, 'No changes.']);
    expect(refused?.code).toBe(1);
    expect(refused?.stdout).toBe('');
    expect(refused?.stderr).toContain(`${bad}:6: teams.0.schedules.0.layers must NOT have fewer than 1 items`);
  }, 60_000);

  it('the command line: a usage error is a failure (1), never the 2 of "changes"; help is 0', async () => {
    const [missing, unknown, help] = await Promise.all([['apply', '--vigil-url', target.url], ['apply', '-f', exported, '--vigil-url', target.url, '--token', target.token, '--prunee'], ['apply', '--help']].map((args) => runVigilCli(args)));
    expect([missing?.code, missing?.stderr]).toEqual([1, expect.stringContaining("required option '-f, --file <path>' not specified")]);
    expect([unknown?.code, unknown?.stderr]).toEqual([1, expect.stringContaining("unknown option '--prunee'")]);
    expect([help?.code, help?.stdout]).toEqual([0, expect.stringContaining('exit 0 no changes, 2 changes, 1 error')]);
  }, 60_000);
});
