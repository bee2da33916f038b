import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logIn, newUser } from './accounts';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

test('a low-urgency incident says so in the list and on its page, and is raised to high urgency', async ({ page, request }) => {
  const erin = await newUser(request, 'erin');
  const title = `Slow queries ${Date.now()}`;
  const [team] = (await erin.admin.call<{ items: { id: string }[] }>('GET', '/teams')).items;
  await erin.admin.call('PUT', `/teams/${team?.id}/members/${erin.id}`, { role: 'member' });
  const policy = await erin.admin.call<{ id: string }>('POST', '/escalation-policies', {
    name: `To Erin ${Date.now()}`,
    teamId: team?.id,
    steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId: erin.id }] }],
  });
  const monitor = await erin.admin.call<{ id: string }>('POST', '/monitors', { name: `Reports ${Date.now()}`, teamId: team?.id, policyId: policy.id, urgency: 'low' });
  await erin.admin.call('POST', `/monitors/${monitor.id}/alerts`, { title });

  await logIn(page, erin);
  await page.goto('/incidents');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByText('low urgency')).toBeVisible();
  await row.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.getByText('low urgency', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Raise to high urgency' }).click();
  await expect(page.getByText('Urgency is high now')).toBeVisible();
  await expect(page.getByText('high urgency', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Urgency changed from low to high by ${erin.name}`);
  await expect(page.getByRole('button', { name: 'Lower to low urgency' })).toBeEnabled();
  await shot(page, 'urgency-incident-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'urgency-incident-390');
});

test('a notification rule for low urgency only, and low-urgency pages held to business hours', async ({ page, request }) => {
  const finn = await newUser(request, 'finn');
  await finn.admin.call('POST', `/users/${finn.id}/contact-methods`, { kind: 'webhook', address: 'https://hooks.example.com/finn', label: 'Pager hook' });
  await logIn(page, finn);
  await page.goto('/profile');
  const form = page.getByRole('form', { name: 'Add a notification rule' });
  await form.getByRole('combobox', { name: 'Contact method' }).click();
  await page.getByRole('option', { name: /Pager hook/ }).click();
  await form.getByRole('textbox', { name: 'After (minutes)' }).fill('5');
  await form.getByRole('combobox', { name: 'For incidents of' }).click();
  await page.getByRole('option', { name: 'Low urgency only' }).click();
  await form.getByRole('button', { name: 'Add rule' }).click();
  const rules = page.getByRole('list', { name: 'Notification rules' });
  await expect(rules).toContainText('after 5 minutes, low urgency only');

  await page.getByRole('combobox', { name: 'Low-urgency pages reach me' }).click();
  await page.getByRole('option', { name: /Weekday business hours/ }).click();
  await expect(page.getByText('They wait for Weekday business hours')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Low-urgency pages reach me' })).toHaveValue(/Weekday business hours/);
  await shot(page, 'urgency-rules-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
});
