import { expect, test, type Page } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

/** Calls the API as the page's logged-in user (cookie plus CSRF token). */
async function api(page: Page, method: 'POST' | 'GET', path: string, data?: object) {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, { method, ...(data && { data }), headers: { 'x-csrf-token': csrfToken } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as { id: string; incident: { id: string }; items: { id: string; name: string }[] };
}

test('analytics shows the figures of a team picked in the address, exports them, and fits a phone', async ({ page }) => {
  const stamp = Date.now();
  await logInAsDemoAdmin(page);
  const team = await api(page, 'POST', '/teams', { name: `Analytics ${stamp}`, description: '' });
  const quiet = await api(page, 'POST', '/teams', { name: `Quiet ${stamp}`, description: '' });
  const policy = await api(page, 'POST', '/escalation-policies', { name: `Analytics ${stamp}`, teamId: team.id, repeat: 0, steps: [{ waitSeconds: 0, targets: [{ type: 'team', teamId: team.id }] }] });
  const noisy = await api(page, 'POST', '/monitors', { name: `Noisy ${stamp}`, teamId: team.id, policyId: policy.id });
  const calm = await api(page, 'POST', '/monitors', { name: `Calm ${stamp}`, teamId: team.id, policyId: policy.id });
  for (const [monitor, title] of [[noisy, 'a'], [noisy, 'b'], [calm, 'c']] as const) {
    const { incident } = await api(page, 'POST', `/monitors/${monitor.id}/alerts`, { title });
    await api(page, 'POST', `/incidents/${incident.id}/acknowledge`, {});
    await api(page, 'POST', `/incidents/${incident.id}/resolve`, {});
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/incidents');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: `Analytics ${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`team=${team.id}`));

  const figures = page.getByLabel('Headline figures');
  await expect(figures.getByText('Incidents', { exact: true }).locator('..')).toContainText('3');
  await expect(figures).toContainText('3 acknowledged');
  await expect(figures).toContainText('3 resolved');
  await expect(page.getByRole('img', { name: `Noisy ${stamp}: 2 incidents` })).toBeVisible();
  await expect(page.getByRole('img', { name: `Calm ${stamp}: 1 incidents` })).toBeVisible();
  const csv = page.getByRole('link', { name: 'weeks' });
  await expect(csv).toHaveAttribute('href', new RegExp(`/api/v1/analytics\\.csv\\?.*teamId=${team.id}.*view=weeks`));
  const download = await page.request.get((await csv.getAttribute('href')) as string);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await download.text()).split('\r\n')[0]).toBe('week_start,week_end,incidents,pages,sleep_interruptions,outside_business_hours,suppressed');
  await page.screenshot({ path: '/tmp/shots17/analytics-1440.png', fullPage: true });

  // The address holds the filters: a reload keeps them.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('img', { name: `Noisy ${stamp}: 2 incidents` })).toBeVisible();
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/shots17/analytics-390.png', fullPage: true });

  await page.goto(`/analytics?team=${quiet.id}`);
  await expect(page.getByText('No incidents in this period for this filter.', { exact: false })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots17/analytics-empty-390.png', fullPage: true });
});
