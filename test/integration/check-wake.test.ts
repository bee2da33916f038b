import { beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import type { CheckOutcome } from '../../src/core/monitor/types.js';
import type { Clock } from '../../src/kernel/clock.js';
import { CheckScheduler } from '../../src/probes/scheduler.js';
import { openDatabase } from '../../src/store/database.js';
import { insertMonitor } from '../../src/store/monitors.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const START = '2026-05-04T10:00:00.000Z';

/**
 * The check scheduler sleeps until the next check falls due instead of looking every
 * second: it must still wake by itself when a check falls due, and at once when a
 * monitor is changed through this node's API.
 */
describeEachDatabase('check scheduler wake-ups', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: START });
  let teamId = '';
  let policyId = '';

  beforeAll(async () => {
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
  });

  const until = async <T>(what: () => Promise<T | undefined>, ms: number): Promise<T | undefined> => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const value = await what();
      if (value !== undefined) return value;
    }
    return undefined;
  };

  it('wakes by itself when a check falls due, with a clock that never announces a change', async () => {
    // Like production's clock: time passes, nothing wakes the scheduler but its own timer.
    const clock: Clock = { now: () => Date.now(), onChange: () => () => undefined };
    const database = openDatabase(t.databaseUrl);
    const checked: number[] = [];
    const probe = (): Promise<CheckOutcome> => {
      checked.push(clock.now());
      return Promise.resolve({ ok: true, message: 'ok', responseMs: 1 });
    };
    const scheduler = new CheckScheduler(
      { database, clock, logger: createLogger('silent'), probe, wakeEngine: () => undefined, retention: { resultsDays: 7, rollupsDays: 400 } },
      // Far longer than the test waits: only the due time can wake it.
      { rescanMs: 600_000 },
    );
    const dueAt = clock.now() + 1_500;
    const config = { check: { intervalSeconds: 600, timeoutSeconds: 5, confirmations: 1, recoveries: 1, autoResolve: true }, tcp: { host: 'wake.test', port: 22 }, maintenance: null };
    await insertMonitor(database.db, { teamId, policyId, name: 'due soon', kind: 'tcp', config, paused: false, check: { intervalMs: 600_000, nextAt: dueAt } }, clock.now());
    try {
      // The app's own scheduler runs on the frozen test clock, so this one alone sees it due.
      scheduler.start();
      expect(await until(() => Promise.resolve(checked[0]), 15_000)).toBeGreaterThanOrEqual(dueAt);
    } finally {
      await scheduler.stop();
      await database.close();
    }
  });

  it('checks a monitor resumed through the API at once, although the scheduler was asleep', async () => {
    const created = await t.admin.post('/api/v1/monitors', {
      name: 'resumed',
      teamId,
      policyId,
      kind: 'tcp',
      tcp: { host: '127.0.0.1', port: 9 },
      check: { intervalSeconds: 600 },
      paused: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // Its first check falls due while it is paused; the scheduler goes back to sleep.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 120_000 });
    await t.vigil.scheduler.runOnce();
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.lastCheck).toBeUndefined();

    // No clock change from here on: only the API's wake-up can start the check before
    // the scheduler's next look at the database, half a minute away.
    expect((await t.admin.patch(`/api/v1/monitors/${id}`, { paused: false })).status).toBe(200);
    const lastCheck = await until(async () => (await t.admin.get(`/api/v1/monitors/${id}`)).body.lastCheck as { at: string } | undefined, 10_000);
    expect(lastCheck?.at).toBe(new Date(Date.parse(START) + 120_000).toISOString());
  });

  it('starts a check due in 40 s when the clock gets there, not before', async () => {
    const created = await t.admin.post('/api/v1/monitors', { name: 'in 40 s', teamId, policyId, kind: 'tcp', tcp: { host: '127.0.0.1', port: 9 }, check: { intervalSeconds: 600 }, paused: true });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const now = Date.parse((await t.anonymous.get('/api/v1/test/clock')).body.now);
    // Due 40 s from now, as if checked 9 min 20 s ago; resumed behind the scheduler's back.
    await t.vigil.database.db.updateTable('monitors').set({ next_check_at: now + 40_000, paused: 0 }).where('id', '=', id).execute();
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 39_000 });
    await t.vigil.scheduler.runOnce();
    expect((await t.admin.get(`/api/v1/monitors/${id}`)).body.lastCheck).toBeUndefined();

    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 1_000 });
    const lastCheck = await until(async () => (await t.admin.get(`/api/v1/monitors/${id}`)).body.lastCheck as { at: string } | undefined, 10_000);
    expect(lastCheck?.at).toBe(new Date(now + 40_000).toISOString());
  });
});
