import { expect, test } from '@playwright/test';
import { apiSession } from './accounts';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

test('a monitor groups alerts by fields and depends on another; while that one is down its incidents are suppressed and link to it', async ({ page, request }) => {
  const admin = await apiSession(request, demoAdmin.email, demoAdmin.password);
  const stamp = Date.now();
  const teams = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams');
  const policies = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/escalation-policies?limit=200');
  const owner = { teamId: teams.items.find((t) => t.name === 'Platform')?.id, policyId: policies.items.find((p) => p.name === 'Primary with L2 backup')?.id };
  const database = await admin.call<{ id: string }>('POST', '/monitors', { name: `Database ${stamp}`, ...owner });
  const orders = await admin.call<{ id: string; integrationKey: string }>('POST', '/monitors', { name: `Orders ${stamp}`, kind: 'webhook', ...owner });

  await logInAsDemoAdmin(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/monitors/${orders.id}`);
  await expect(page.getByText('Grouping: none: each alert key opens its own incident')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit Orders ${stamp}` });
  await dialog.getByText('By fields').click();
  const fields = dialog.getByRole('combobox', { name: 'Fields' });
  await fields.fill('details.cluster');
  await fields.press('Enter');
  await fields.fill('bad path');
  await fields.press('Enter');
  await dialog.getByRole('textbox', { name: 'Only within (minutes)' }).fill('30');
  await dialog.getByRole('combobox', { name: 'Depends on' }).click();
  await page.getByRole('option', { name: new RegExp(`^Database ${stamp}`) }).click();
  await page.keyboard.press('Escape');

  // The server names the bad field; the form says which one.
  await dialog.getByRole('button', { name: 'Save monitor' }).click();
  await expect(dialog.getByText('“bad path” is not a dotted path into the event')).toBeVisible();
  await shot(page, 'monitor-settings-error-1280', false);
  await fields.click();
  await fields.press('Backspace');
  await dialog.getByRole('button', { name: 'Save monitor' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Grouping: alerts with equal details.cluster share an incident within 30 minutes')).toBeVisible();
  await expect(page.getByRole('link', { name: `Database ${stamp}` })).toBeVisible();

  // Depending back would close a cycle: refused at the entry, named.
  await page.getByRole('link', { name: `Database ${stamp}` }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const back = page.getByRole('dialog', { name: `Edit Database ${stamp}` });
  await expect(back.getByText('Group alerts')).toBeHidden();
  await back.getByRole('combobox', { name: 'Depends on' }).click();
  await page.getByRole('option', { name: new RegExp(`^Orders ${stamp}`) }).click();
  await page.keyboard.press('Escape');
  await back.getByRole('button', { name: 'Save monitor' }).click();
  await expect(back.getByText(new RegExp(`Orders ${stamp} already depends on this monitor .*would make a cycle`))).toBeVisible();
  await back.getByRole('button', { name: 'Cancel' }).click();

  // The database goes down; then an order alert is recorded without paging, linked to it.
  const { incident: parent } = await admin.call<{ incident: { id: string } }>('POST', `/monitors/${database.id}/alerts`, { title: `Database unreachable ${stamp}` });
  const sent = await request.post(`/api/v1/integrations/webhook?key=${orders.integrationKey}`, { data: { action: 'trigger', title: `Orders failing ${stamp}`, dedupKey: 'orders' } });
  expect(sent.status()).toBe(202);

  await page.goto(`/incidents?q=${stamp}`);
  const rows = page.getByRole('table', { name: 'Incidents' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Suppressed' }).click();
  await page.getByRole('option', { name: 'Suppressed only' }).click();
  await expect(page).toHaveURL(/suppressed=true/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('suppressed');
  await page.getByRole('combobox', { name: 'Suppressed' }).click();
  await page.getByRole('option', { name: 'Not suppressed' }).click();
  await expect(page).toHaveURL(/suppressed=false/);
  await expect(rows.first()).toContainText(`Database unreachable ${stamp}`);
  await page.goBack();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link', { name: `Orders failing ${stamp}` }).click();

  const notice = page.getByRole('alert', { name: 'Suppressed: nobody has been paged' });
  await expect(notice).toContainText(`Suppressed while Database ${stamp} is down`);
  await expect(page.getByRole('button', { name: 'Page now' })).toBeVisible();
  await shot(page, 'suppressed-by-parent-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'suppressed-by-parent-390');
  await expectNoSidewaysScroll(page);
  await notice.getByRole('link', { name: 'see its incident' }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${parent.id}$`));
  await expect(page.getByRole('heading', { name: `Database unreachable ${stamp}`, level: 2 })).toBeVisible();

  await page.goto(`/monitors/${orders.id}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Depends on' })).toBeVisible();
  await shot(page, 'monitor-settings-form-390', false);
  await expectNoSidewaysScroll(page);
});
