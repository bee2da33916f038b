import type { Browser, Page } from '@playwright/test';
import { apiSession, logIn, newUser } from './accounts';
import { demoAdmin } from './demo';
import { chicago, comingTuesday, freezeClock } from './schedules';

/**
 * Two new teammates of the test's own in Platform on a weekly rotation (Monday 09:00),
 * the first on call from the coming Tuesday 10:00 Chicago, where the clock is frozen, to
 * the next Monday.
 */
export async function weeklyPair(page: Page, label: string) {
  await freezeClock(page, chicago(comingTuesday(), '10:00'));
  const ann = await newUser(page.request, `${label}-ann`);
  const ben = await newUser(page.request, `${label}-ben`);
  const admin = await apiSession(page.request, demoAdmin.email, demoAdmin.password);
  const team = (await admin.call<{ items: { id: string; name: string }[] }>('GET', '/teams')).items.find((t) => t.name === 'Platform');
  for (const u of [ann, ben]) await admin.call('PUT', `/teams/${team?.id}/members/${u.id}`, { role: 'member' });
  const name = `Pair ${label} ${Date.now()}`;
  const schedule = await admin.call<{ id: string }>('POST', '/schedules', {
    name,
    teamId: team?.id,
    timeZone: 'America/Chicago',
    layers: [{ name: 'Week', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [ann.id, ben.id], rotationStart: { at: `${comingTuesday()}T10:00`, member: 0 } }],
  });
  return { ann, ben, scheduleId: schedule.id, name };
}

/** A browser of the user's own, logged in: two people act side by side. */
export async function pageAs(browser: Browser, baseURL: string | undefined, user: { email: string; password: string; name: string }, width: number): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await logIn(page, user);
  return page;
}
