import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logIn, newUser } from './accounts';
import { logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test('a test alert on the demo monitor opens an incident that is acknowledged, commented on and resolved', async ({ page }) => {
  const title = `Disk full ${Date.now()}`;
  await logInAsDemoAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
  await page.getByRole('table', { name: 'Monitors' }).getByRole('link', { name: 'Demo API' }).click();
  await expect(page.getByRole('heading', { name: 'Demo API', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Raise test alert' }).click();
  const dialog = page.getByRole('dialog', { name: 'Raise test alert' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('button', { name: 'Raise alert' }).click();

  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Triggered');
  await expect(timeline).toContainText('Escalated to step 1');

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(timeline).toContainText('Acknowledged by Demo Admin');
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toBeDisabled();

  await page.getByRole('textbox', { name: 'Comment' }).fill('Looking into it');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(timeline).toContainText('Demo Admin commented: Looking into it');

  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(timeline).toContainText('Resolved by Demo Admin');

  await page.getByRole('link', { name: '← All incidents' }).click();
  await expect(page.getByRole('table', { name: 'Incidents' }).getByRole('link', { name: title })).toBeHidden();
  await page.getByText('All', { exact: true }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByText('resolved')).toBeVisible();
});

test("a responder outside the monitor's team follows an incident without action buttons", async ({ page, request }) => {
  const outsider = await newUser(request, 'outsider');
  const title = `Not my team ${Date.now()}`;
  // Demo API belongs to the demo team, which the new user is not in.
  const monitors = await outsider.admin.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200');
  const demoApi = monitors.items.find((m) => m.name === 'Demo API');
  const { incident } = await outsider.admin.call<{ incident: { id: string } }>('POST', `/monitors/${demoApi?.id}/alerts`, { title });

  await logIn(page, outsider);
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByText('acting on it is for the team that owns Demo API and for admins')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Comment' })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing wider than a phone: the page scrolls only down.
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/shots/incident-outsider-390.png', fullPage: true });
});
