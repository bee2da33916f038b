import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { testConfig } from '../support/test-app.js';

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
};

describeEachDatabase('test mode: nodes on one database share one test clock', (dialect) => {
  let db: TestDatabase;
  let a: Vigil;
  let b: Vigil;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    a = await startVigil(testConfig(db.url), createLogger('silent'), { frozenAt: Date.parse('2026-03-01T12:00:00Z') });
    b = await startVigil(testConfig(db.url), createLogger('silent'));
  });

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await db?.drop();
  });

  it('a node that joins takes the shared clock, and changes through one node reach the other', async () => {
    expect(b.clock.now()).toBe(Date.parse('2026-03-01T12:00:00Z'));
    const res = await b.app.inject({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceMs: 3_600_000 } });
    expect(res.statusCode).toBe(200);
    await until(() => a.clock.now() === Date.parse('2026-03-01T13:00:00Z'));
    expect(a.clock.now()).toBe(Date.parse('2026-03-01T13:00:00Z'));

    await a.app.inject({ method: 'POST', url: '/api/v1/test/clock', payload: { freeze: false } });
    await until(() => b.clock.now() > Date.parse('2026-03-01T13:00:00Z') + 1 && b.clock.now() < Date.parse('2026-03-01T13:01:00Z'));
    const ahead = b.clock.now() - Date.parse('2026-03-01T13:00:00Z');
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(60_000);
  });

  it('keeps the last of two changes made by one request ({freeze, set}), never the first', async () => {
    for (let i = 0; i < 5; i++) {
      const at = Date.parse('2026-05-01T00:00:00Z') + i * 3_600_000;
      await a.app.inject({ method: 'POST', url: '/api/v1/test/clock', payload: { freeze: false } });
      await a.app.inject({ method: 'POST', url: '/api/v1/test/clock', payload: { freeze: true, set: new Date(at).toISOString() } });
      await until(() => b.clock.now() === at);
      // Longer than the followers' poll: a write committed out of order would show by now.
      await new Promise((r) => setTimeout(r, 600));
      expect([a.clock.now(), b.clock.now()]).toEqual([at, at]);
    }
  });
});
