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

/**
 * Run in the page: how far it is wider than the screen, and the outermost elements that make
 * it so (those sticking out past the right edge with no clipping box around them).
 */
const SIDEWAYS = `(() => {
  const width = innerWidth;
  const clips = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const sticksOut = (el) => el.getBoundingClientRect().right > width + 1;
  const culprits = [...document.body.querySelectorAll('*')].filter((el) => {
    if (!sticksOut(el) || (el.parentElement && sticksOut(el.parentElement) && !clips(el.parentElement))) return false;
    for (let up = el.parentElement; up; up = up.parentElement) if (clips(up) && !sticksOut(up)) return false;
    return true;
  });
  const name = (el) => el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : '') + '.' + String(el.className).split(' ')[0] + ' "' + (el.textContent ?? '').slice(0, 60) + '"';
  return { overflow: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5).map(name) };
})()`;

/** Usable on a phone: nothing pushes the page sideways, once the layout has settled after a resize; a failure names what sticks out. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect(async () => {
    const { overflow, culprits } = await page.evaluate<{ overflow: number; culprits: string[] }>(SIDEWAYS);
    expect(overflow, `the page is ${overflow}px wider than the screen because of ${culprits.join(', ')}`).toBeLessThanOrEqual(1);
  }).toPass({ timeout: 10_000 });
}
