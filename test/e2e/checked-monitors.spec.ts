import { expect, test, type Locator, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { startMonitor } from './monitors';
import { advanceClock, freezeClock, restoreClock } from './schedules';

test.skip(!hasChromium, installHint);

/** A local HTTP service the test can break and mend: it answers every request with the current status. */
async function startTarget() {
  let status = 200;
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(status === 200 ? 'all good' : 'broken');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    answer: (code: number) => {
      status = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Waits for a check's result to show. A check runs in real milliseconds after the clock
 * moves and its result is written shortly after, so the page is reloaded until it is there
 * rather than waiting for the page's own poll.
 */
async function seeAfterChecks(page: Page, ...locators: Locator[]): Promise<void> {
  await expect(async () => {
    await page.reload();
    for (const locator of locators) await expect(locator).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

const status = (page: Page, text: string) => page.getByText(text, { exact: true });
const lastCheck = (page: Page) => page.getByRole('group', { name: 'Last check' });
const incidents = (page: Page) => page.getByRole('table', { name: 'Incidents' });

let target: Awaited<ReturnType<typeof startTarget>>;
/** Monitors the test created: they would go on checking a target that is gone, and page people. */
let created: string[] = [];

/** Notes the monitor whose page is open, for deleting after the test. */
async function onMonitorPage(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  created.push(new URL(page.url()).pathname.split('/').pop() ?? '');
}

test.beforeEach(async () => {
  target = await startTarget();
  created = [];
});

/** What the API wants on unsafe requests made with the browser's session. */
async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  return { 'X-CSRF-Token': session.csrfToken };
}

test.afterEach(async ({ page }) => {
  await restoreClock(page);
  const headers = await csrfHeaders(page);
  for (const id of created) expect((await page.request.delete(`/api/v1/monitors/${id}`, { headers })).ok()).toBe(true);
  await target.close();
});

test('an HTTP monitor built in the UI goes down after two failed checks, opens an incident, and resolves it when up again', async ({ page }) => {
  const name = `Checkout API ${Date.now()}`;
  await logInAsDemoAdmin(page);
  // Frozen, checks run only when the test moves the clock: one per minute advanced.
  await freezeClock(page, new Date().toISOString());

  const dialog = await startMonitor(page, name, 'HTTP(S)');
  await dialog.getByRole('textbox', { name: 'URL' }).fill(target.url);
  await dialog.getByRole('textbox', { name: 'Check every (seconds)' }).fill('60');
  await dialog.getByRole('textbox', { name: 'Failures before an incident' }).fill('2');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  await onMonitorPage(page, name);
  await expect(status(page, 'Pending')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Target' })).toContainText(`GET ${target.url}`);
  await expect(lastCheck(page)).toContainText('Not checked yet');

  // The first check is due within a minute of creating the monitor.
  await advanceClock(page, 60_000);
  await seeAfterChecks(page, status(page, 'Up'), lastCheck(page).getByText('OK', { exact: true }));
  await expect(lastCheck(page)).toContainText(/\d+ ms/);

  target.answer(500);
  await advanceClock(page, 60_000);
  await seeAfterChecks(page, lastCheck(page).getByText('Failed', { exact: true }));
  // One failure is not yet two in a row: still up, and no incident.
  await expect(status(page, 'Up')).toBeVisible();
  await expect(page.getByText('No incidents.')).toBeVisible();

  await advanceClock(page, 60_000);
  await seeAfterChecks(page, status(page, 'Down'), incidents(page).getByText('triggered', { exact: true }));
  await expect(incidents(page).getByRole('row')).toHaveCount(2);

  target.answer(200);
  await advanceClock(page, 60_000);
  await seeAfterChecks(page, status(page, 'Up'), incidents(page).getByText('resolved', { exact: true }));
  await expect(incidents(page).getByRole('row')).toHaveCount(2);

  // Two of the four checks failed.
  await expect(page.getByRole('group', { name: 'Uptime 24 hours' })).toContainText('50.00%');
  await expect(page.getByText('2 of 4 checks failed')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Response time, last 24 hours' })).toBeVisible();

  await page.getByRole('link', { name: '← All monitors' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row.getByText('Up', { exact: true })).toBeVisible();
  await expect(row).toContainText(/\d+ ms/);
});

test('a bad URL is reported at the URL field, and a malformed header line before sending', async ({ page }) => {
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, `Bad URL ${Date.now()}`, 'HTTP(S)');
  const url = dialog.getByRole('textbox', { name: 'URL' });
  const headers = dialog.getByRole('textbox', { name: 'Request headers' });

  await url.fill('example.com/health');
  await headers.fill('Accept: text/plain\nno colon here');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  await expect(headers).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Line 2: write each header as Name: value')).toBeVisible();

  await headers.fill('Accept: text/plain');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(headers).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toBeVisible();
});

test('a checked monitor opens for editing as saved, and keeps its changes and maintenance windows', async ({ page }) => {
  const name = `Edited API ${Date.now()}`;
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, name, 'HTTP(S)');
  await dialog.getByRole('textbox', { name: 'URL' }).fill(target.url);
  await dialog.getByRole('textbox', { name: 'Expected status codes' }).fill('200-299, 301');
  await dialog.getByRole('textbox', { name: 'Keyword' }).fill('all good');
  await dialog.getByRole('textbox', { name: 'Request headers' }).fill('Accept: text/plain');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  await onMonitorPage(page, name);
  await expect(page.getByRole('group', { name: 'Target' })).toContainText('Expects 200-299, 301, containing “all good”');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByRole('textbox', { name: 'URL' })).toHaveValue(target.url);
  await expect(edit.getByRole('textbox', { name: 'Expected status codes' })).toHaveValue('200-299, 301');
  await expect(edit.getByRole('textbox', { name: 'Request headers' })).toHaveValue('Accept: text/plain');
  await expect(edit.getByRole('textbox', { name: 'Check every (seconds)' })).toHaveValue('60');
  await edit.getByRole('textbox', { name: 'Check every (seconds)' }).fill('30');
  await edit.getByRole('textbox', { name: 'Timeout (seconds)' }).fill('45');
  await edit.getByRole('button', { name: 'Add window' }).click();
  await edit.getByRole('button', { name: 'Add one-off window' }).click();
  await edit.getByLabel('One-off window 1 start').fill('2030-01-15T22:00');
  await edit.getByLabel('One-off window 1 end').fill('2030-01-15T21:00');
  await edit.getByRole('button', { name: 'Save monitor' }).click();
  // The API checks what a schema cannot: the timeout must be shorter than the interval, a window must end after it starts.
  await expect(edit.getByRole('textbox', { name: 'Timeout (seconds)' })).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByLabel('One-off window 1 end')).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByLabel('One-off window 1 start')).not.toHaveAttribute('aria-invalid', 'true');
  await edit.getByRole('textbox', { name: 'Check every (seconds)' }).fill('120');
  await edit.getByRole('textbox', { name: 'Timeout (seconds)' }).fill('15');
  await edit.getByLabel('One-off window 1 end').fill('2030-01-16T02:00');
  await edit.getByRole('button', { name: 'Save monitor' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('group', { name: 'Target' })).toContainText('Every 120 s');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(edit.getByRole('textbox', { name: 'Timeout (seconds)' })).toHaveValue('15');
  await expect(edit.getByRole('textbox', { name: 'Window 1 start time' })).toHaveValue('09:00');
  // Saved as instants, shown again in the windows' zone as typed.
  await expect(edit.getByLabel('One-off window 1 start')).toHaveValue('2030-01-15T22:00');
  await expect(edit.getByLabel('One-off window 1 end')).toHaveValue('2030-01-16T02:00');
  await edit.getByRole('button', { name: 'Remove window 1' }).click();
  await edit.getByRole('button', { name: 'Remove one-off window 1' }).click();
  await edit.getByRole('button', { name: 'Save monitor' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(edit.getByText('No weekly window.')).toBeVisible();
  await expect(edit.getByLabel('One-off window 1 start')).toBeHidden();
});

test("a monitor's escalation policy is changed from its page", async ({ page }) => {
  const name = `Repointed API ${Date.now()}`;
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, name, 'HTTP(S)');
  await dialog.getByRole('textbox', { name: 'URL' }).fill(target.url);
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  await onMonitorPage(page, name);

  const { teamId } = (await (await page.request.get(`/api/v1/monitors/${created[0]}`)).json()) as { teamId: string };
  const policyName = `Whole team ${Date.now()}`;
  const policy = { name: policyName, teamId, repeat: 0, steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId }] }] };
  expect((await page.request.post('/api/v1/escalation-policies', { data: policy, headers: await csrfHeaders(page) })).ok()).toBe(true);
  await page.reload();

  const select = page.getByRole('combobox', { name: 'Escalation policy' });
  // Once other tests have made teams with policies, each policy is named with its team.
  const named = (policy: string) => new RegExp(`^${policy}( \\(.+\\))?$`);
  await expect(select).toHaveValue(named('Primary with L2 backup'));
  await select.click();
  await page.getByRole('option', { name: policyName }).click();
  await expect(select).toHaveValue(named(policyName));
  await page.reload();
  await expect(select).toHaveValue(named(policyName));
  await expect(page.getByRole('link', { name: 'Open policy' })).toHaveAttribute('href', /\/escalation-policies\//);
});
