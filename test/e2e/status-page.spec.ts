import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin } from './demo';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

/** Serious and critical axe-core findings (WCAG 2.x A and AA rules and best practices). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Tabs from the top until an uptime day has the focus; the number of presses it took. */
async function tabToFirstDay(page: Page): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { classList: { contains(c: string): boolean } } | null } }).document.activeElement?.classList.contains('day'))) return presses;
  }
  throw new Error('no uptime day took the keyboard focus');
}

test('the public status page reads well at 1440 and 390 px, light and dark, by keyboard, with no serious axe findings', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const slug = `public-${stamp}`;
  const teams = await admin.call<{ items?: { id: string; name: string }[] } | { id: string; name: string }[]>('GET', '/teams');
  const team = (Array.isArray(teams) ? teams : (teams.items ?? [])).find((t) => t.name === 'Platform');
  const monitors = await admin.call<{ items?: { id: string; name: string }[] } | { id: string; name: string }[]>('GET', '/monitors');
  const monitor = (Array.isArray(monitors) ? monitors : (monitors.items ?? [])).find((m) => m.name === 'Demo API');
  const created = await admin.call<{ id: string }>('POST', '/status-pages', {
    teamId: team?.id,
    name: 'Acme Cloud',
    slug,
    description: 'Live status of Acme Cloud services',
    timeZone: 'Europe/Berlin',
    accentColor: '#ffd43b',
    access: 'public',
  });
  await admin.call('PUT', `/status-pages/${created.id}/layout`, {
    sections: [
      {
        name: 'Core platform',
        components: [
          { name: 'Public API', description: 'REST and GraphQL endpoints', monitorIds: [monitor?.id] },
          { name: 'Dashboard', monitorIds: [], manualState: 'operational' },
          { name: 'Webhooks', monitorIds: [], manualState: 'degraded_performance' },
        ],
      },
      {
        name: 'Regions',
        components: [
          { name: 'Europe (Frankfurt)', monitorIds: [], manualState: 'operational' },
          { name: 'US East', monitorIds: [], manualState: 'partial_outage' },
        ],
      },
    ],
  });
  const layout = await admin.call<{ sections: { components: { id: string; name: string }[] }[] }>('GET', `/status-pages/${created.id}/layout`);
  const webhooks = layout.sections[0]?.components.find((c) => c.name === 'Webhooks')?.id;
  const incident = await admin.call<{ id: string }>('POST', `/status-pages/${created.id}/incidents`, {
    title: 'Delayed webhook deliveries',
    status: 'investigating',
    body: 'Some webhooks arrive up to 10 minutes late. We are looking into it.',
    componentIds: [webhooks],
  });
  await admin.call('POST', `/status-pages/${created.id}/incidents/${incident.id}/entries`, { status: 'identified', body: 'A queue worker is stuck; we are replacing it.' });
  const hour = 3_600_000;
  const now = Date.now();
  await admin.call('POST', `/status-pages/${created.id}/maintenances`, {
    title: 'Database upgrade',
    body: 'The dashboard may be read-only for a few minutes.',
    startsAt: new Date(now + 24 * hour).toISOString(),
    endsAt: new Date(now + 26 * hour).toISOString(),
    componentIds: [layout.sections[0]?.components.find((c) => c.name === 'Dashboard')?.id],
  });

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/status/${slug}`);
  // US East is set to a partial outage; the demo monitor behind Public API may have an open incident from earlier specs (major).
  await expect(page.getByRole('heading', { level: 1, name: /^(Partial|Major) outage$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Delayed webhook deliveries' })).toBeVisible();
  await expect(page.getByText('Database upgrade')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'status-page-1440');

  // The keyboard reaches a day of the bar, and its text shows below the bar.
  await page.goto(`/status/${slug}`);
  await tabToFirstDay(page);
  const focused = page.locator('.day:focus');
  const tip = focused.locator('.tip');
  await expect(tip).toContainText(/uptime|no data/);
  expect((await tip.boundingBox())?.width ?? 0).toBeGreaterThan(200);
  await shot(page, 'status-page-1440-focus', false);
  // Hovering another day shows that day's text instead.
  const lastDay = page.locator('.bar').first().locator('.day').last();
  await lastDay.hover();
  expect((await lastDay.locator('.tip').boundingBox())?.width ?? 0).toBeGreaterThan(200);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/status/${slug}`);
  const background = await page.evaluate(() => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string }; document: { body: unknown } }).getComputedStyle((globalThis as unknown as { document: { body: unknown } }).document.body).backgroundColor);
  expect(background).toBe('rgb(13, 17, 23)');
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'status-page-1440-dark');

  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/status/${slug}`);
    await expectNoSidewaysScroll(page);
    // Phones show the last 30 days.
    await expect(page.locator('.bar').first().locator('.day:visible')).toHaveCount(30);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `status-page-390-${scheme}`);
  }

  // One incident's page, from its link.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: 'Delayed webhook deliveries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delayed webhook deliveries' })).toBeVisible();
  await expect(page.getByText('A queue worker is stuck')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'status-incident-390');
});
