import { existsSync } from 'node:fs';

/** Debian's Chromium: browsers are never downloaded for these tests. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const installHint = `No Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
