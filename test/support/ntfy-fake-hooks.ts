import { afterAll, beforeAll } from 'vitest';
import { startNtfyFake, type NtfyFake } from './ntfy-fake.js';

/** An ntfy fake for one suite: its fields are filled in once beforeAll has started it. */
export function useNtfyFake(): NtfyFake {
  const fake = {} as NtfyFake;
  beforeAll(async () => void Object.assign(fake, await startNtfyFake()));
  afterAll(() => fake.close());
  return fake;
}
