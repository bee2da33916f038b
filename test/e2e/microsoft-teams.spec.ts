import { expect, test } from '@playwright/test';
import { startTeamsFake, type TeamsFake } from '../support/teams-fake';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { expectNoSidewaysScroll, shot } from './shots';
import { newPolicyStep } from './pick';
import { raiseOnNewMonitor } from './monitors';

test.skip(!hasChromium, installHint);

let teams: TeamsFake;
test.beforeAll(async () => {
  teams = await startTeamsFake();
});
test.afterAll(() => teams.close());

test('on a phone, a policy step posts to a Teams channel through its workflow, and the card links back to the incident', async ({ page }) => {
  const stamp = Date.now();
  const policyName = `Teams channel ${stamp}`;
  const monitorName = `Payments ${stamp}`;
  const workflow = teams.workflowUrl(`payments-${stamp}`);
  const workflowId = /\/workflows\/([0-9a-f]{8})/.exec(workflow)?.[1] ?? '';
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAsDemoAdmin(page);

  const step1 = await newPolicyStep(page, policyName, 'Microsoft Teams (workflow webhook)');
  const url = step1.getByRole('textbox', { name: 'Teams workflow URL' });
  await expect(url).toHaveAccessibleDescription(/workflow's HTTP URL/);
  await url.fill(workflow);
  await url.press('Enter');
  // Named by its host and workflow, never shown whole: the URL's sig lets anyone post.
  const target = step1.getByRole('listitem');
  await expect(target).toHaveText([`Microsoft Teams 127.0.0.1, workflow ${workflowId}…`]);
  await expect(step1).not.toContainText('sig=');
  await expect(page.getByRole('region', { name: 'Paging plan' })).toContainText(`Microsoft Teams 127.0.0.1, workflow ${workflowId}… · at once`);
  await expectNoSidewaysScroll(page);
  await shot(page, 'teams-policy-step-390');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('table', { name: 'Escalation policies' }).getByRole('row').filter({ hasText: policyName })).toContainText('1 step');

  await raiseOnNewMonitor(page, policyName, monitorName, 'Card payments failing');

  await expect.poll(() => teams.posted.filter((p) => p.workflow === `payments-${stamp}`).length, { timeout: 15_000 }).toBe(1);
  const { card } = teams.posted.find((p) => p.workflow === `payments-${stamp}`) as TeamsFake['posted'][number];
  expect(JSON.stringify(card.body)).toContain('"text":"Card payments failing"');
  // The server's VIGIL_BASE_URL names it localhost; the browser came by 127.0.0.1.
  expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open incident', url: expect.stringMatching(/^http:\/\/localhost:\d+\/incidents\//) }]);
  expect(new URL(card.actions?.[0]?.url ?? '').pathname).toBe(new URL(page.url()).pathname);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(async () => {
    await page.reload();
    await expect(timeline).toContainText('via teams', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'teams-incident-390');
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('resolved', { exact: true })).toBeVisible();
});
