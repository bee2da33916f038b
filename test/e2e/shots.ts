import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Where the screenshots of the schedule specs go, to be looked at. */
const SHOTS = process.env['VIGIL_E2E_SHOTS'] ?? '/tmp/shots16';

/** The whole page, or (for an open dialog, which covers the screen) what the screen shows, once the fonts are in. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage, animations: 'disabled' });
}

/** One part of the page, as it is drawn. */
export async function shotOf(part: ReturnType<Page['getByRole']>, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await part.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

/** Usable on a phone: nothing pushes the page sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return document.documentElement.scrollWidth - innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
}
