import { afterAll, beforeAll } from 'vitest';
import { startTeamsFake, type TeamsFake } from './teams-fake.js';

/** A Teams workflow fake for one suite: its fields are filled in once beforeAll has started it. */
export function useTeamsFake(): TeamsFake {
  const fake = {} as TeamsFake;
  beforeAll(async () => void Object.assign(fake, await startTeamsFake()));
  afterAll(() => fake.close());
  return fake;
}
