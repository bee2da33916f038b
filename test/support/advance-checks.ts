import type { TestApp } from './test-app.js';

/** Advances the test clock, runs the checks that fell due, then the pages they caused. */
export async function advanceChecks(t: TestApp, ms: number): Promise<void> {
  await t.anonymous.post('/api/v1/test/clock', { advanceMs: ms });
  await t.vigil.scheduler.runOnce();
  await t.vigil.engine.runOnce();
}
