import { expect, test, type Page } from '@playwright/test';
import { mattermostId, startMattermostFake, type MattermostFake, type MattermostPost } from '../support/mattermost-fake';
import { hasChromium, installHint } from './chromium';
import { demoAdmin, logInAsDemoAdmin } from './demo';
import { raiseOnNewMonitor } from './monitors';
import { newPolicyStep, pick } from './pick';
import { main, mattermostApi } from './servers';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';

test.skip(!hasChromium, installHint);

let mm: MattermostFake;
let channel = '';
test.beforeAll(async () => {
  mm = await startMattermostFake(mattermostApi.token, mattermostApi.port);
  // Vigil's base URL names localhost; Mattermost would call it there, the fake calls the server it started on.
  const deliver = mm.deliver;
  mm.deliver = (url, contentType, body) => deliver(`${main.url}${new URL(url).pathname}`, contentType, body);
  channel = mattermostId(`ops${Date.now().toString(36)}`);
  mm.addChannel(channel);
});
test.afterAll(() => mm.close());

const buttons = (p: MattermostPost) => (p.props.attachments ?? []).flatMap((a) => (a.actions ?? []).map((b) => b.id));

async function openProfile(page: Page) {
  await page.getByRole('button', { name: `Account menu for ${demoAdmin.name}` }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();
}

for (const width of [390, 1440]) {
  test(`at ${width} px, a policy step posts to a Mattermost channel, and pressing Acknowledge there acknowledges the incident in Vigil`, async ({ page }) => {
    const stamp = `${Date.now()}${width}`;
    const policyName = `Mattermost channel ${stamp}`;
    const title = `Checkout latency ${stamp}`;
    // The demo owner's Mattermost account, known to Vigil by its verified email.
    const owner = mattermostId(`own${stamp.slice(-6)}`);
    mm.addUser({ id: owner, username: 'owner', email: demoAdmin.email, emailVerified: true });
    await page.setViewportSize({ width, height: 844 });
    await logInAsDemoAdmin(page);

    const step1 = await newPolicyStep(page, policyName, 'Mattermost channel (with buttons)');
    const id = step1.getByRole('textbox', { name: 'Mattermost channel ID' });
    await id.fill(channel);
    await id.press('Enter');
    await expect(step1.getByRole('listitem')).toHaveText([`Mattermost channel ${channel}`]);
    await expect(page.getByRole('region', { name: 'Paging plan' })).toContainText(`Mattermost channel ${channel} · at once`);
    await expectNoSidewaysScroll(page);
    await shot(page, `mattermost-policy-step-${width}`);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page.getByRole('table', { name: 'Escalation policies' }).getByRole('row').filter({ hasText: policyName })).toContainText('1 step');

    await raiseOnNewMonitor(page, policyName, `Checkout ${stamp}`, title);
    const posted = () => mm.postedTo(channel).find((p) => p.props.attachments?.[0]?.title === title);
    await expect.poll(() => posted() !== undefined, { timeout: 15_000 }).toBe(true);
    const post = posted() as MattermostPost;
    expect(buttons(post)).toEqual(['acknowledge', 'resolve', 'escalate', 'snooze']);
    expect(post.props.attachments?.[0]?.title_link).toContain(new URL(page.url()).pathname);

    // Pressed in Mattermost: the fake forwards the press to Vigil's action URL, as the server does.
    // A press on the post while the chat sync is editing it (its escalation step moved) is
    // answered "out of date", as a person would be told; they press the edited post again.
    await expect.poll(async () => (await mm.press(post.id, 'acknowledge', owner)).body, { timeout: 15_000 }).toEqual({});
    await page.reload();
    await expect(page.getByText('acknowledged', { exact: true })).toBeVisible();
    await expect.poll(() => buttons(post), { timeout: 15_000 }).toEqual(['resolve', 'escalate', 'snooze']);
    expect(JSON.stringify(post.props.attachments)).toContain(`**Acknowledged** by ${demoAdmin.name}`);
    await expectNoSidewaysScroll(page);
    await shot(page, `mattermost-incident-${width}`);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByText('resolved', { exact: true })).toBeVisible();
    await expect.poll(() => buttons(post), { timeout: 15_000 }).toEqual([]);
  });
}

test('on a phone, a Mattermost DM method is added on My profile, refused at the field when wrong, and verified by the code the bot DMs', async ({ page }) => {
  const account = mattermostId(`me${Date.now().toString(36)}`);
  mm.addUser({ id: account, username: 'me', email: 'unverified@example.com', emailVerified: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAsDemoAdmin(page);
  await openProfile(page);

  const addMethod = page.getByRole('form', { name: 'Add a contact method' });
  await pick(page, addMethod, 'Kind', 'Mattermost (direct message)');
  const userId = addMethod.getByRole('textbox', { name: 'Mattermost user ID' });
  const add = addMethod.getByRole('button', { name: 'Add contact method' });
  await userId.fill('@me');
  await add.click();
  await expect(userId).toHaveAccessibleDescription(/must be your Mattermost user ID/);
  await expectNoSidewaysScroll(page);
  await shotOf(addMethod, 'mattermost-dm-form-390');

  await userId.fill(account);
  await addMethod.getByRole('textbox', { name: 'Label' }).fill('Mattermost DM');
  await add.click();
  const row = page.getByRole('table', { name: 'Contact methods' }).getByRole('row').filter({ hasText: 'Mattermost DM' });
  await expect(row).toContainText('Unverified');
  await expect(row.getByRole('status')).toContainText('A code was sent to your Mattermost direct messages');
  const code = /verification code is (\d{6})/.exec(mm.directTo(account).at(-1)?.message ?? '')?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await row.getByRole('textbox', { name: 'Enter code' }).fill(code);
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(row).not.toContainText('Unverified');
  await expect(row).toContainText('Verified');
  await expectNoSidewaysScroll(page);
  await shot(page, 'mattermost-dm-verified-390');

  await row.getByRole('button', { name: 'Remove Mattermost DM' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove Mattermost DM' });
  await removal.getByRole('button', { name: 'Remove contact method' }).click();
  const anyway = removal.getByRole('button', { name: 'Delete anyway' });
  await expect.poll(async () => (await anyway.isVisible()) || !(await row.isVisible())).toBe(true);
  if (await anyway.isVisible()) await anyway.click();
  await expect(row).toBeHidden();
});
