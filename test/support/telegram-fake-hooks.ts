import { afterAll, beforeAll } from 'vitest';
import { startTelegramFake, type TelegramFake } from './telegram-fake.js';

/**
 * A Telegram Bot API fake for one suite, started in beforeAll. Reads and writes go to the
 * running fake, so a test may set `webhook` directly instead of calling setWebhook.
 */
export function useTelegramFake(): TelegramFake {
  let fake: TelegramFake | undefined;
  const running = () => {
    if (!fake) throw new Error('the Telegram fake starts in beforeAll');
    return fake;
  };
  beforeAll(async () => void (fake = await startTelegramFake()));
  afterAll(() => fake?.close());
  return new Proxy({} as TelegramFake, {
    get: (_, key) => running()[key as keyof TelegramFake],
    set: (_, key, value) => Reflect.set(running(), key, value),
  });
}
