import { afterAll, beforeAll } from 'vitest';
import { startSlackFake, type SlackFake } from './slack-fake.js';

/** A Slack fake for one suite: its fields are filled in once beforeAll has started it. */
export function useSlackFake(): SlackFake {
  const fake = {} as SlackFake;
  beforeAll(async () => void Object.assign(fake, await startSlackFake()));
  afterAll(() => fake.close());
  return fake;
}
