import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { startMonitor } from './monitors';

test.skip(!hasChromium, installHint);

async function shownIntegrationUrl(page: Page, title: RegExp | string): Promise<string> {
  const panel = page.getByRole('dialog', { name: title });
  await expect(panel).toContainText('This key is shown once');
  const url = (await panel.getByLabel('Integration URL', { exact: true }).textContent()) ?? '';
  expect(url).toMatch(/\/api\/v1\/integrations\/\w+\?key=/);
  return url;
}

test('a generic webhook monitor created in the UI opens an incident from an alert posted to its URL', async ({ page }) => {
  const name = `Webhook ${Date.now()}`;
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, name, 'Generic webhook');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();

  const url = await shownIntegrationUrl(page, `Monitor ${name} created`);
  await expect(page.getByRole('note', { name: 'Usage' })).toContainText('curl -X POST');
  const sent = await page.request.post(url, { data: { title: 'From the UI test', dedupKey: 'ui' } });
  expect(sent.status()).toBe(202);

  await page.getByRole('button', { name: 'I have copied the key' }).click();
  const heading = page.getByRole('heading', { name, level: 2 });
  await expect(heading).toBeVisible();
  // The kind beside the name: the monitor list may still be on screen as the page opens, with other monitors of this kind.
  await expect(heading.locator('xpath=..').getByText('Generic webhook', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'From the UI test' })).toBeVisible();

  await page.getByRole('link', { name: '← All monitors' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row.getByText('Generic webhook', { exact: true })).toBeVisible();
});

test('a heartbeat monitor needs its interval and shows its URL once', async ({ page }) => {
  const name = `Nightly backup ${Date.now()}`;
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, name, 'Heartbeat');
  await dialog.getByRole('textbox', { name: 'Expected every (minutes)' }).fill('0');
  await dialog.getByRole('textbox', { name: 'Grace period (minutes)' }).fill('10');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  // 0 minutes is below the API's 30 seconds: its field error shows next to the field.
  await expect(dialog.getByRole('textbox', { name: 'Expected every (minutes)' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('textbox', { name: 'Grace period (minutes)' })).not.toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('textbox', { name: 'Expected every (minutes)' }).fill('1440');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  const url = await shownIntegrationUrl(page, `Monitor ${name} created`);
  expect(url).toContain('/api/v1/integrations/heartbeat?key=');
  await expect(page.getByRole('note', { name: 'Usage' })).toContainText(`curl -fsS -m 10 '${url}'`);
  expect((await page.request.get(url)).ok()).toBe(true);

  await page.getByRole('button', { name: 'I have copied the key' }).click();
  const heading = page.getByRole('heading', { name, level: 2 });
  await expect(heading).toBeVisible();
  await expect(heading.locator('xpath=..').getByText('Heartbeat', { exact: true })).toBeVisible();
});

test('a new integration key retires the old one', async ({ page }) => {
  const name = `Rotated ${Date.now()}`;
  await logInAsDemoAdmin(page);
  const dialog = await startMonitor(page, name, 'Generic webhook');
  await dialog.getByRole('button', { name: 'Create monitor' }).click();
  const oldUrl = await shownIntegrationUrl(page, `Monitor ${name} created`);
  await page.getByRole('button', { name: 'I have copied the key' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'New integration key' }).click();
  const confirm = page.getByRole('dialog', { name: 'New integration key' });
  await expect(confirm).toContainText('The old key stops working');
  await confirm.getByRole('button', { name: 'Issue new key' }).click();
  const newUrl = await shownIntegrationUrl(page, 'New integration key');
  expect(newUrl).not.toBe(oldUrl);

  const event = { data: { title: 'After rotation', dedupKey: 'rotation' } };
  expect((await page.request.post(oldUrl, event)).status()).toBe(401);
  expect((await page.request.post(newUrl, event)).status()).toBe(202);
  await confirm.getByRole('button', { name: 'I have copied the key' }).click();
  await expect(confirm).toBeHidden();
  // The incident list polls; reload rather than wait for its next poll.
  await page.reload();
  await expect(page.getByRole('link', { name: 'After rotation' })).toBeVisible();
});

test('a manual monitor has no integration key', async ({ page }) => {
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('table', { name: 'Monitors' }).getByRole('link', { name: 'Demo API' }).click();
  const heading = page.getByRole('heading', { name: 'Demo API', level: 2 });
  await expect(heading).toBeVisible();
  await expect(heading.locator('xpath=..').getByText('Manual', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New integration key' })).toBeHidden();
});
