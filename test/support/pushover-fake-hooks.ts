import { afterAll, beforeAll } from 'vitest';
import { startPushoverFake, type PushoverFake } from './pushover-fake.js';

/** A Pushover fake for one suite: its fields are filled in once beforeAll has started it. */
export function usePushoverFake(): PushoverFake {
  const fake = {} as PushoverFake;
  beforeAll(async () => void Object.assign(fake, await startPushoverFake()));
  afterAll(() => fake.close());
  return fake;
}
