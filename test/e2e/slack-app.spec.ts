import { expect, test } from '@playwright/test';
import { startSlackFake, type SlackFake, type SlackMessage } from '../support/slack-fake';
import { hasChromium, installHint } from './chromium';
import { logInAsDemoAdmin } from './demo';
import { slackApi } from './servers';
import { expectNoSidewaysScroll, shot } from './shots';
import { newPolicyStep } from './pick';
import { raiseOnNewMonitor } from './monitors';

test.skip(!hasChromium, installHint);

const CHANNEL = 'C0E2EOPS01';
let slack: SlackFake;
test.beforeAll(async () => {
  slack = await startSlackFake(slackApi.token, slackApi.port);
  slack.addChannel(CHANNEL);
});
test.afterAll(() => slack.close());

const buttons = (m: SlackMessage) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));

test('on a phone, a policy step posts to a Slack channel with buttons, and acknowledging in Vigil edits the message', async ({ page }) => {
  const stamp = Date.now();
  const policyName = `Slack channel ${stamp}`;
  const monitorName = `Search ${stamp}`;
  const title = `Search latency ${stamp}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAsDemoAdmin(page);

  const step1 = await newPolicyStep(page, policyName, 'Slack channel (with buttons)');
  const id = step1.getByRole('textbox', { name: 'Slack channel ID' });
  await expect(id).toHaveAccessibleDescription(/channel's details in Slack/);
  await id.fill(CHANNEL);
  await id.press('Enter');
  await expect(step1.getByRole('listitem')).toHaveText([`Slack channel ${CHANNEL}`]);
  await expect(page.getByRole('region', { name: 'Paging plan' })).toContainText(`Slack channel ${CHANNEL} · at once`);
  await expectNoSidewaysScroll(page);
  await shot(page, 'slack-policy-step-390');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('table', { name: 'Escalation policies' }).getByRole('row').filter({ hasText: policyName })).toContainText('1 step');

  await raiseOnNewMonitor(page, policyName, monitorName, title);

  const posted = () => slack.postedTo(CHANNEL).find((m) => m.text.startsWith(title));
  await expect.poll(() => posted() !== undefined, { timeout: 15_000 }).toBe(true);
  const message = posted() as SlackMessage;
  expect(buttons(message)).toEqual(['vigil_acknowledge', 'vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
  // The title links to the incident this page shows (the server's base URL names it localhost).
  expect(JSON.stringify(message.blocks)).toContain(new URL(page.url()).pathname);

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByText('acknowledged', { exact: true })).toBeVisible();
  await expect.poll(() => message.versions.length, { timeout: 15_000 }).toBe(2);
  expect(buttons(message)).toEqual(['vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
  expect(JSON.stringify(message.blocks)).toContain('*Acknowledged* by');
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('resolved', { exact: true })).toBeVisible();
  await expect.poll(() => message.versions.length, { timeout: 15_000 }).toBe(3);
  expect(buttons(message)).toEqual([]);
  await expectNoSidewaysScroll(page);
  await shot(page, 'slack-incident-390');
});
