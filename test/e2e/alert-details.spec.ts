import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiSession } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';

test.skip(!hasChromium, installHint);

test("an incident shows its latest alert's details, earlier alerts on demand, and exports as Markdown", async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const teams = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const policies = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/escalation-policies?limit=200');
  const monitor = await admin.call<{ id: string; integrationKey: string }>('POST', '/monitors', {
    name: `Payments DB ${Date.now()}`,
    kind: 'pagerduty',
    teamId: teams.items.find((t) => t.name === 'Platform')?.id,
    policyId: policies.items.find((p) => p.name === 'Primary with L2 backup')?.id,
  });
  const send = async (free: string, extra: object = {}) => {
    const res = await request.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      data: {
        routing_key: monitor.integrationKey,
        event_action: 'trigger',
        dedup_key: 'disk',
        payload: {
          summary: 'Disk almost full on db-1',
          source: 'db-1.payments.internal',
          severity: 'critical',
          component: 'postgres',
          custom_details: { free, mount: '/var/lib/postgresql', note: 'WAL archiving has been failing since 02:10; the archive bucket refuses writes' },
        },
        ...extra,
      },
    });
    expect(res.status()).toBe(202);
  };
  await send('5%');
  await send('2%', {
    links: [
      { href: 'https://grafana.example/d/db?var-host=db-1', text: 'Dashboard' },
      { href: 'javascript:alert(document.cookie)', text: 'Evil' },
    ],
    images: [{ src: 'https://grafana.example/render/db-disk.png', alt: 'Disk graph' }],
  });
  const incidents = await admin.call<{ items: { id: string }[] }>('GET', `/incidents?monitorId=${monitor.id}`);
  const incidentId = incidents.items[0]?.id;

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/incidents/${incidentId}`);
  const section = page.getByRole('region', { name: 'Alert details' });
  const latest = section.getByRole('table', { name: 'Alert details' }).first();
  await expect(latest.getByRole('row', { name: 'free 2%' })).toBeVisible();
  await expect(latest.getByRole('row', { name: 'source db-1.payments.internal' })).toBeVisible();
  await expect(section.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', 'https://grafana.example/d/db?var-host=db-1');
  // Only http(s) is a link; the rest reads as text. The image is a link too, never loaded.
  await expect(section.getByRole('link', { name: 'Evil' })).toHaveCount(0);
  await expect(section.getByText('javascript:alert(document.cookie)')).toBeVisible();
  await expect(section.getByRole('link', { name: 'Disk graph' })).toHaveAttribute('href', 'https://grafana.example/render/db-disk.png');
  await expect(section.locator('img')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots17/details-1440.png', fullPage: true });

  await section.getByRole('button', { name: /Disk almost full on db-1/ }).click();
  await expect(section.getByRole('row', { name: 'free 5%' })).toBeVisible();

  const exported = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export as Markdown' }).click();
  const download = await exported;
  expect(download.suggestedFilename()).toMatch(/^postmortem-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toContain('# Postmortem: Disk almost full on db\\-1');
  expect(markdown).toContain('| free | 2\\% |');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(latest.getByRole('row', { name: 'free 2%' })).toBeVisible();
  // Nothing wider than a phone: the page scrolls only down.
  await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/shots17/details-390.png', fullPage: true });
});
