import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, runVigilCli } from '../support/cli-process.js';
import { startOpsgenieFake, type OpsgenieFake } from '../support/opsgenie-api-fake.js';
import { opsgenieAccount } from '../support/opsgenie-fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { listenForImport } from '../support/import-target.js';

// The command talks HTTP to both sides, so one database shows its output and exit codes
// (opsgenie-import.test.ts runs the import itself on both).
describe('vigil import opsgenie (command line)', () => {
  const app = useTestApp('sqlite');
  let fake: OpsgenieFake;
  let base: string[];

  beforeAll(async () => {
    fake = await startOpsgenieFake(opsgenieAccount(Date.now()));
    const { vigilUrl, token } = await listenForImport(app);
    base = ['import', 'opsgenie', '--url', fake.url, '--vigil-url', vigilUrl, '--token', token];
  });
  afterAll(() => fake.close());

  it('--dry-run prints the plan and the on-call comparison, creates nothing, exit 0', async () => {
    const run = await runVigilCli([...base, '--api-key', fake.apiKey, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toBe('Opsgenie import plan (dry run: nothing is created)');
    expect(lines).toContain('  create escalation policy "Platform Escalation" (2 steps, repeat 2)');
    expect(lines).toContain('  schedule "Platform Primary" rotation "Old rotation": ended 2025-06-01T00:00:00-04:00: not imported');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}schedule "Payments Nights": \d+ handoffs, 0 differences$/));
    expect(lines.at(-1)).toMatch(/^Would create \d+, left 1 as they were, 13 not imported as they were, 0 on-call differences$/);
    expect((await app.admin.get('/api/v1/schedules?limit=200')).body.items.map((s: { name: string }) => s.name)).not.toContain('Platform Primary');
  }, 60_000);

  it('imports, exit 0; a second run creates nothing', async () => {
    const first = await runVigilCli([...base, '--api-key', fake.apiKey]);
    expect(first.code).toBe(0);
    expect(linesOf(first.stdout).at(-1)).toMatch(/^Created \d+, left 1 as they were, 13 not imported as they were, 0 on-call differences$/);
    const again = await runVigilCli([...base, '--api-key', fake.apiKey]);
    expect(again.code).toBe(0);
    expect(linesOf(again.stdout).at(-1)).toMatch(/^Created 0, left \d+ as they were/);
  }, 60_000);

  it('takes the keys from OPSGENIE_API_KEY and VIGIL_API_TOKEN, kept out of ps', async () => {
    const token = base[base.indexOf('--token') + 1] as string;
    const run = await runVigilCli(base.slice(0, -2).concat('--dry-run'), { env: { OPSGENIE_API_KEY: fake.apiKey, VIGIL_API_TOKEN: token } });
    expect(run.code).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/0 on-call differences$/);
  }, 60_000);

  it('a wrong Opsgenie key: one line saying what to pass, exit 1', async () => {
    const run = await runVigilCli([...base, '--api-key', 'not-the-key']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^vigil: Opsgenie refused the API key \(401\); pass the key of an API integration/)]);
  }, 60_000);

  it('a missing option is a usage error, exit 2', async () => {
    const run = await runVigilCli(['import', 'opsgenie', '--api-key', 'k']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--vigil-url <url>' not specified");
  }, 60_000);
});
