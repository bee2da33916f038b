import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, runVigilCli } from '../support/cli-process.js';
import { startGrafanaOnCallFake, type GrafanaOnCallFake } from '../support/grafana-oncall-api-fake.js';
import { grafanaOnCallInstance } from '../support/grafana-oncall-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport } from '../support/import-target.js';

// The command talks HTTP to both sides, so one database shows its output and exit codes
// (grafana-oncall-import.test.ts runs the import itself on both).
describe('vigil import grafana-oncall (command line)', () => {
  const app = useTestApp('sqlite');
  let fake: GrafanaOnCallFake;
  let base: string[];

  beforeAll(async () => {
    fake = await startGrafanaOnCallFake(grafanaOnCallInstance());
    const { vigilUrl, token } = await listenForImport(app);
    base = ['import', 'grafana-oncall', '--url', fake.url, '--vigil-url', vigilUrl, '--token', token];
  });
  afterAll(() => fake.close());

  it('--dry-run prints the plan and the on-call comparison, creates nothing, exit 0', async () => {
    const run = await runVigilCli([...base, '--oncall-token', fake.token, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toBe('Grafana OnCall import plan (dry run: nothing is created)');
    expect(lines.at(-1)).toMatch(/^Would create \d+, left \d+ as they were, \d+ not imported as they were, 0 on-call differences$/);
    expect((await app.admin.get('/api/v1/schedules?limit=200')).body.items.map((s: { name: string }) => s.name)).not.toContain('Platform Primary');
  }, 60_000);

  it('imports from GRAFANA_ONCALL_API_TOKEN and VIGIL_API_TOKEN (kept out of ps), exit 0; a second run creates nothing', async () => {
    const token = base[base.indexOf('--token') + 1] as string;
    const env = { env: { GRAFANA_ONCALL_API_TOKEN: fake.token, VIGIL_API_TOKEN: token } };
    const first = await runVigilCli(base.slice(0, -2), env);
    expect(first.code).toBe(0);
    expect(linesOf(first.stdout).at(-1)).toMatch(/^Created \d+, left \d+ as they were, \d+ not imported as they were, 0 on-call differences$/);
    const again = await runVigilCli(base.slice(0, -2), env);
    expect(again.code).toBe(0);
    expect(linesOf(again.stdout).at(-1)).toMatch(/^Created 0, left \d+ as they were/);
  }, 60_000);

  it('a wrong Grafana OnCall token: one line saying what to pass, exit 1', async () => {
    const run = await runVigilCli([...base, '--oncall-token', 'not-the-token']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^vigil: Grafana OnCall refused the token \(401\); pass a Grafana OnCall API key/)]);
  }, 60_000);

  it('a missing option is a usage error, exit 2', async () => {
    const run = await runVigilCli(['import', 'grafana-oncall', '--oncall-token', 't', '--url', 'http://oncall.invalid']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--vigil-url <url>' not specified");
  }, 60_000);
});
