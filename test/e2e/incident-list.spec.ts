import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { logIn, newUser } from './accounts';
import { expectNoSidewaysScroll, shot } from './shots';

test.skip(!hasChromium, installHint);

test('the incident list filters, searches, sorts and pages, and the address keeps the view', async ({ page, request }) => {
  const lee = await newUser(request, 'lee');
  const stamp = String(Date.now());
  const team = await lee.admin.call<{ id: string }>('POST', '/teams', { name: `Listing ${stamp}` });
  const policy = await lee.admin.call<{ id: string }>('POST', '/escalation-policies', {
    name: `Listing ${stamp}`,
    teamId: team.id,
    steps: [{ waitSeconds: 3600, targets: [{ type: 'user', userId: lee.id }] }],
  });
  const disks = await lee.admin.call<{ id: string }>('POST', '/monitors', { name: `Disks ${stamp}`, teamId: team.id, policyId: policy.id });
  const cpus = await lee.admin.call<{ id: string }>('POST', '/monitors', { name: `CPUs ${stamp}`, teamId: team.id, policyId: policy.id, urgency: 'low' });
  for (let i = 0; i < 52; i++) await lee.admin.call('POST', `/monitors/${disks.id}/alerts`, { title: `Disk ${i} full ${stamp}` });
  for (const title of ['50% CPU', 'a_b CPU', 'axb CPU']) await lee.admin.call('POST', `/monitors/${cpus.id}/alerts`, { title: `${title} ${stamp}` });

  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, lee);
  await page.goto('/incidents');
  const rows = page.getByRole('table', { name: 'Incidents' }).locator('tbody tr');

  await page.getByRole('combobox', { name: 'Team' }).click();
  // The newest open incidents anywhere are this test's own, so the unfiltered page can look just
  // like the team's: only the team's answer says its page has come (a "Load more" clicked before
  // it pages the unfiltered list).
  const teamPage = page.waitForResponse((r) => r.url().includes(`teamId=${team.id}`) && !r.url().includes('cursor='));
  await page.getByRole('option', { name: `Listing ${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`team=${team.id}`));
  await teamPage;
  // Until it is shown, the unfiltered page stays on screen, faded and busy.
  await expect(page.getByRole('table', { name: 'Incidents' })).toHaveAttribute('aria-busy', 'false');
  await expect(rows.filter({ hasNotText: stamp })).toHaveCount(0);
  // 55 incidents: a page of 50, then the rest.
  await expect(rows).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(rows.filter({ hasNotText: stamp })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load more' })).toBeHidden();

  // % is a character, not a wildcard.
  await page.getByRole('textbox', { name: 'Search incidents' }).fill('50%');
  await expect(page).toHaveURL(/q=50%25/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`50% CPU ${stamp}`);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(rows.nth(49)).toBeVisible();

  await page.getByRole('combobox', { name: 'Urgency' }).click();
  await page.getByRole('option', { name: 'Low' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/urgency=low/);
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(`axb CPU ${stamp}`);

  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(rows.nth(0)).toContainText('50% CPU');
  await expect(rows.nth(1)).toContainText('a_b CPU');
  await expect(rows.nth(2)).toContainText('axb CPU');
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(rows.nth(0)).toContainText('axb CPU');
  await shot(page, 'list-1440');

  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('axb CPU');
  await expect(rows.nth(2)).toContainText('50% CPU');

  // Back returns to title A to Z, then to newest first.
  await page.goBack();
  await expect(rows.nth(0)).toContainText('50% CPU');
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(rows.nth(0)).toContainText('axb CPU');

  await page.setViewportSize({ width: 390, height: 844 });
  const filters = page.getByRole('button', { name: /^Filters/ });
  await expect(filters).toHaveText('Filters (2)');
  await expect(page.getByRole('combobox', { name: 'Team' })).toBeHidden();
  await expectNoSidewaysScroll(page);
  await shot(page, 'list-390');
  await filters.click();
  await expect(page.getByRole('combobox', { name: 'Team' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'list-390-filters');
});
