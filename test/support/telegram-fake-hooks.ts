import { afterAll, beforeAll } from 'vitest';
import { startTelegramFake, type TelegramFake } from './telegram-fake.js';

/** A Telegram Bot API fake for one suite: its fields are filled in once beforeAll has started it. */
export function useTelegramFake(): TelegramFake {
  const fake = {} as TelegramFake;
  beforeAll(async () => void Object.assign(fake, await startTelegramFake()));
  afterAll(() => fake.close());
  return fake;
}
