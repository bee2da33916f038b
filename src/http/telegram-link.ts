import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../app/config.js';
import { botUsername } from '../channels/telegram-api.js';
import type { Clock } from '../kernel/clock.js';
import { setVerificationCode, type ContactMethodRow } from '../store/contacts.js';
import type { DB } from '../store/schema.js';
import { telegramCodeHash } from './routes/telegram.js';

/** Long enough to switch to Telegram and back; a new link voids the previous one. */
const LINK_LIFETIME_MS = 15 * 60_000;

/**
 * Issues the deep link that links a Telegram chat to a pending method:
 * https://t.me/<bot>?start=<code>, which opens the bot and sends `/start <code>` on
 * Start (https://core.telegram.org/bots/features#deep-linking). The code is 128 random
 * bits, kept hashed: only the person it was shown to can link their chat with it.
 */
export function telegramLinks(config: Pick<Config, 'telegram'>, db: Kysely<DB>, clock: Clock): (m: ContactMethodRow) => Promise<{ sent: boolean; error?: string; link?: string }> {
  const username = config.telegram ? botUsername(config.telegram) : null;
  return async (m) => {
    if (!username) return { sent: false, error: 'Telegram is not set up on this server (VIGIL_TELEGRAM_BOT_TOKEN and VIGIL_TELEGRAM_WEBHOOK_SECRET)' };
    try {
      const bot = await username();
      const code = randomBytes(16).toString('base64url');
      await setVerificationCode(db, m.id, telegramCodeHash(code), clock.now(), LINK_LIFETIME_MS);
      return { sent: true, link: `https://t.me/${bot}?start=${code}` };
    } catch (err) {
      return { sent: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
