import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

/** Calls the API as the page's logged-in user (cookie plus CSRF token). */
async function api(page: Page, method: 'POST' | 'PATCH', path: string, data: object) {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as { id: string };
}

test('an admin finds a change in the audit log and reads what it changed; others see no entry', async ({ page, browser }) => {
  const stamp = Date.now();
  const name = `Audited ${stamp}`;
  await logInAsDemoAdmin(page);
  const team = await api(page, 'POST', '/teams', { name, description: 'before' });
  await api(page, 'PATCH', `/teams/${team.id}`, { description: 'after' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const changedRow = log.getByRole('row').filter({ hasText: `Changed team ${name}` });
  await expect(changedRow).toBeVisible();
  await expect(changedRow).toContainText(demoAdmin.name);
  await expect(log.getByRole('row').filter({ hasText: `Created team ${name}` })).toBeVisible();

  await page.getByRole('combobox', { name: 'Entity' }).click();
  await page.getByRole('option', { name: 'Team', exact: true }).click();
  await changedRow.getByRole('button', { name: 'Show changes' }).click();
  const changes = log.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row').filter({ hasText: 'description' })).toContainText('before');
  await expect(changes.getByRole('row').filter({ hasText: 'description' })).toContainText('after');
  await expect(log).toContainText('By session from 127.0.0.1');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(changes).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('audit-log-390.png'), fullPage: true });

  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Revoked' }).click();
  await expect(page.getByText('No changes match these filters.')).toBeVisible();

  // A viewer has no audit log entry in the menu (and the API refuses them).
  const viewerEmail = `viewer-${stamp}@example.com`;
  await api(page, 'POST', '/users', { email: viewerEmail, name: `Viewer ${stamp}`, role: 'viewer', password: 'long-enough-password' });
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto('/login');
  await viewer.getByRole('textbox', { name: 'Email' }).fill(viewerEmail);
  await viewer.getByRole('textbox', { name: 'Password', exact: true }).fill('long-enough-password');
  await viewer.getByRole('button', { name: 'Log in' }).click();
  const nav = viewer.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await context.close();
});
