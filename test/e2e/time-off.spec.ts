import { expect, test } from '@playwright/test';
import { hasChromium, installHint } from './chromium';
import { comingTuesday, restoreClockAfterEach } from './schedules';
import { expectNoSidewaysScroll, shot, shotOf } from './shots';
import { pageAs, weeklyPair } from './teammates';

test.skip(!hasChromium, installHint);

const widths = [1440, 390] as const;

restoreClockAfterEach();

for (const width of widths) {
  test(`recording time off on the profile puts the next teammate on call in the calendar (${width} px)`, async ({ page, browser, baseURL }) => {
    const { ann, ben, scheduleId, name } = await weeklyPair(page, `away${width}`);
    const wednesday = new Date(Date.parse(`${comingTuesday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    const asAnn = await pageAs(browser, baseURL, ann, width);
    await asAnn.goto('/profile');
    const section = asAnn.getByRole('region', { name: 'Time off' });
    await expect(section.getByText('No time off coming up.')).toBeVisible();
    await section.getByRole('button', { name: 'Add time off' }).click();
    const dialog = asAnn.getByRole('dialog', { name: 'Add time off' });
    await dialog.getByLabel('From').fill(`${wednesday}T09:00`);
    // An end before the start is said at the field at once.
    await dialog.getByLabel('To').fill(`${wednesday}T08:00`);
    await expect(dialog.getByText('must be after the start')).toBeVisible();
    await dialog.getByLabel('To').fill(`${wednesday}T17:00`);
    await expect(dialog.getByText('must be after the start')).toBeHidden();
    await dialog.getByLabel('Note').fill('Dentist');
    await shot(asAnn, `time-off-add-${width}`);
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    await expect(asAnn.getByText('Time off recorded')).toBeVisible();
    await expect(dialog).toBeHidden();
    const table = section.getByRole('table', { name: 'Time off' });
    await expect(table).toContainText('Dentist');
    await expect(table).toContainText('09:00');
    await section.scrollIntoViewIfNeeded();
    await shot(asAnn, `time-off-profile-${width}`);
    await shotOf(section, `time-off-section-${width}`);
    await expectNoSidewaysScroll(asAnn);

    await asAnn.goto(`/schedules/${scheduleId}`);
    await expect(asAnn.getByRole('heading', { name, level: 2 })).toBeVisible();
    const calendar = asAnn.getByRole('region', { name: 'Calendar' });
    // Ben covers Ann's Wednesday hours on the final row, shown as a cover, not a plain turn; her absence is on its own row.
    const cover = calendar.getByRole('button', { name: new RegExp(`^Final: ${ben.name}, .* – 17:00, covering for ${ann.name} \\(time off\\)$`) });
    await expect(cover.first()).toBeVisible();
    await shot(asAnn, `time-off-calendar-${width}`);
    // On a phone the calendar shows one row at a time.
    const showRow = async (row: string) => {
      if (width > 390) return;
      await calendar.getByRole('combobox', { name: 'Calendar of' }).click();
      await asAnn.getByRole('option', { name: row }).click();
    };
    await showRow('Time off');
    await expect(calendar.getByRole('button', { name: new RegExp(`^Time off: ${ann.name}, .* \\(Dentist\\)$`) }).first()).toBeVisible();
    await shotOf(calendar, `time-off-calendar-region-${width}`);
    await expectNoSidewaysScroll(asAnn);
    await showRow('Final schedule');

    // A cover can be changed like any turn: the override form opens on its span.
    await cover.first().click();
    await asAnn.getByRole('menuitem', { name: 'Change cover…' }).click();
    const override = asAnn.getByRole('dialog', { name: 'Create override' });
    await expect(override.getByLabel('Start')).toHaveValue(`${wednesday}T09:00`);
    await expect(override.getByLabel('End')).toHaveValue(`${wednesday}T17:00`);
    await shot(asAnn, `time-off-change-cover-${width}`);
    await override.getByRole('button', { name: 'Cancel' }).click();

    // And a teammate's shift offers to mark them away.
    await calendar.getByRole('button', { name: new RegExp(`^Final: ${ben.name}, `) }).first().click();
    await expect(asAnn.getByRole('menuitem', { name: `Mark ${ben.name} away…` })).toBeVisible();
    await asAnn.keyboard.press('Escape');
  });
}
