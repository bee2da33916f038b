import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../src/kernel/clock.js';
import { createLogger } from '../../src/app/logger.js';
import { INITIAL_CHECK_STATE, type CheckOutcome, type CheckSpec } from '../../src/core/monitor/types.js';
import { CheckScheduler } from '../../src/probes/scheduler.js';
import { hourlyHistory, pruneCheckHistory, recordChecks, recentResults, uptime } from '../../src/store/checks.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { insertMonitor } from '../../src/store/monitors.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-05-04T10:00:00.000Z');

describeEachDatabase('check scheduler and results store', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-05-04T10:00:00.000Z' });
  let teamId = '';
  let policyId = '';
  const extra: Database[] = [];

  beforeAll(async () => {
    // The app's own scheduler would take part; these tests bring their own nodes.
    await t.vigil.scheduler.stop();
    teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
  });
  afterAll(async () => {
    for (const database of extra) await database.close();
  });

  async function monitors(count: number, nextAt: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const config = {
        check: { intervalSeconds: 60, timeoutSeconds: 5, confirmations: 2, recoveries: 1, autoResolve: true },
        tcp: { host: `node-${i}.test`, port: 22 },
        maintenance: null,
      };
      const row = await insertMonitor(t.vigil.database.db, { teamId, policyId, name: `m${i}`, kind: 'tcp', config, paused: false, check: { intervalMs: 60_000, nextAt } }, START);
      ids.push(row.id);
    }
    return ids;
  }

  /** A node: its own connection, clock and probe that notes which monitors it checked. */
  function node(clock: TestClock, checked: string[]) {
    const database = openDatabase(t.databaseUrl);
    extra.push(database);
    const probe = async (spec: CheckSpec): Promise<CheckOutcome> => {
      if (spec.kind === 'tcp') checked.push(spec.tcp.host);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { ok: true, message: 'ok', responseMs: 2 };
    };
    const logger = createLogger('silent');
    return new CheckScheduler({ database, clock, logger, probe, wakeEngine: () => undefined, retention: { resultsDays: 7, rollupsDays: 400 } }, { concurrency: 8 });
  }

  it('shares due checks between nodes: each due check runs exactly once', async () => {
    const ids = await monitors(120, START);
    const clock = new TestClock();
    clock.freeze(START);
    const a: string[] = [];
    const b: string[] = [];
    const [nodeA, nodeB] = [node(clock, a), node(clock, b)];
    for (let round = 0; round < 3; round++) {
      a.length = 0;
      b.length = 0;
      await Promise.all([nodeA.runOnce(), nodeB.runOnce()]);
      expect(a.length + b.length).toBe(120);
      expect(new Set([...a, ...b]).size).toBe(120);
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBeGreaterThan(0);
      clock.advance(60_000);
    }
    const results = await t.vigil.database.db.selectFrom('check_results').select((eb) => eb.fn.countAll<number>().as('n')).where('monitor_id', 'in', ids).executeTakeFirstOrThrow();
    expect(Number(results.n)).toBe(360);
    const next = await t.vigil.database.db.selectFrom('monitors').select('next_check_at').distinct().where('id', 'in', ids).execute();
    expect(next).toEqual([{ next_check_at: START + 3 * 60_000 }]);
  });

  it('keeps a monitor on its phase after a node was away', async () => {
    const [id] = await monitors(1, START + 17_000);
    const clock = new TestClock();
    clock.freeze(START + 17_000 + 5 * 60_000 + 3_000);
    await node(clock, []).runOnce();
    const row = await t.vigil.database.db.selectFrom('monitors').select('next_check_at').where('id', '=', id as string).executeTakeFirstOrThrow();
    expect(row.next_check_at).toBe(START + 17_000 + 6 * 60_000);
  });

  it('rolls results up by hour, leaves maintenance out of uptime, and prunes by retention', async () => {
    const [id] = (await monitors(1, START + DAY * 365)) as [string];
    const state = INITIAL_CHECK_STATE;
    const check = (at: number, ok: boolean, maintenance = false) => ({ monitorId: id, at, outcome: { ok, message: '', responseMs: ok ? 100 : null }, maintenance, state });
    const now = START + 10 * DAY;
    await recordChecks(t.vigil.database.db, [check(now - 2 * HOUR, true), check(now - 2 * HOUR + 60_000, false)]);
    await recordChecks(t.vigil.database.db, [check(now - 2 * HOUR + 120_000, true), check(now - 2 * HOUR + 180_000, false, true)]);
    await recordChecks(t.vigil.database.db, [check(now - 8 * DAY, false), check(now - 8 * DAY + 60_000, true)]);
    // A check of a monitor deleted meanwhile is dropped; the rest of its batch is written.
    const [gone] = (await monitors(1, START + DAY * 365)) as [string];
    await t.admin.delete(`/api/v1/monitors/${gone}`);
    await recordChecks(t.vigil.database.db, [{ ...check(now - 2 * HOUR + 240_000, true, true), monitorId: gone }, check(now - 2 * HOUR + 240_000, true, true)]);
    const hours = await hourlyHistory(t.vigil.database.db, id, now - 30 * DAY);
    expect(hours).toEqual([
      { at: now - 8 * DAY, checks: 2, up: 1, responseMs: 100 },
      { at: now - 2 * HOUR, checks: 3, up: 2, responseMs: 100 },
    ]);
    expect(await uptime(t.vigil.database.db, id, now)).toEqual({ h24: 66.667, d7: 66.667, d30: 60 });
    // Checks in maintenance are counted apart, for status pages' uptime bars (two, from two batches).
    const rollup = await t.vigil.database.db.selectFrom('check_rollups').select(['checks', 'maintenance']).where('monitor_id', '=', id).where('hour', '=', now - 2 * HOUR).executeTakeFirstOrThrow();
    expect(rollup).toEqual({ checks: 3, maintenance: 2 });

    await pruneCheckHistory(t.vigil.database.db, now, { resultsDays: 7, rollupsDays: 30 });
    expect((await recentResults(t.vigil.database.db, id, 0)).map((r) => r.at)).toEqual([0, 60_000, 120_000, 180_000, 240_000].map((d) => now - 2 * HOUR + d));
    expect(await hourlyHistory(t.vigil.database.db, id, 0)).toHaveLength(2);
    await pruneCheckHistory(t.vigil.database.db, now + 25 * DAY, { resultsDays: 7, rollupsDays: 30 });
    expect(await hourlyHistory(t.vigil.database.db, id, 0)).toEqual([{ at: now - 2 * HOUR, checks: 3, up: 2, responseMs: 100 }]);
  });
  it('writes a batch of every kind at once: results, rollups and the last state of each monitor, in runs of the planned lengths', async () => {
    const ids = await monitors(70, START + DAY * 365);
    const [gone] = (await monitors(1, START + DAY * 365)) as [string];
    await t.admin.delete(`/api/v1/monitors/${gone}`);
    const at = START + 20 * DAY;
    const check = (monitorId: string, when: number, ok: boolean, okStreak: number) => ({
      monitorId,
      at: when,
      outcome: { ok, message: ok ? '' : 'refused', responseMs: ok ? 10 : null },
      maintenance: false,
      state: { ...INITIAL_CHECK_STATE, okStreak },
    });
    // 76 checks from 71 monitors (64 + 4 + 2 + 1 looked up), 75 written (64 + 8 + 2 + 1) and rolled up, 70 states (64 + 4 + 2):
    // the first five monitors are checked again an hour later, and one monitor is gone.
    const batch = [
      ...ids.map((id, i) => check(id, at, i % 2 === 0, 1)),
      ...ids.slice(0, 5).map((id) => check(id, at + HOUR, true, 2)),
      check(gone, at, true, 1),
    ];
    await recordChecks(t.vigil.database.db, batch);
    const db = t.vigil.database.db;
    const results = await db.selectFrom('check_results').select(['monitor_id', 'at', 'ok', 'response_ms', 'message']).where('monitor_id', 'in', [...ids, gone]).execute();
    expect(results).toHaveLength(75);
    expect(results.find((r) => r.monitor_id === ids[1] && r.at === at)).toEqual({ monitor_id: ids[1], at, ok: 0, response_ms: null, message: 'refused' });
    const rollups = await db.selectFrom('check_rollups').select(['monitor_id', 'hour', 'checks', 'up']).where('monitor_id', 'in', ids).execute();
    expect(rollups).toHaveLength(75);
    expect(rollups.reduce((n, r) => n + r.checks, 0)).toBe(75);
    expect(rollups.reduce((n, r) => n + r.up, 0)).toBe(35 + 5);
    const states = await db.selectFrom('monitors').select(['id', 'check_state']).where('id', 'in', ids).execute();
    const okStreaks = new Map(states.map((row) => [row.id, (JSON.parse(row.check_state as string) as { okStreak: number }).okStreak]));
    expect(ids.map((id) => okStreaks.get(id))).toEqual(ids.map((_, i) => (i < 5 ? 2 : 1)));
  });

  it('after a burst waits a thirtieth of the shortest interval it knows for the next checks to gather: 2 s at 60 s, 1 s at 20 s', async () => {
    const now = START + 400 * DAY;
    const clock = new TestClock();
    clock.freeze(now);
    await monitors(1, now);
    // Due half a second after the burst: it waits for the next one.
    await monitors(1, now + 500);
    const database = openDatabase(t.databaseUrl);
    extra.push(database);
    class Observed extends CheckScheduler {
      nextSleepMs(): Promise<number> {
        return this.sleepMs();
      }
    }
    const probe = (): Promise<CheckOutcome> => Promise.resolve({ ok: true, message: 'ok', responseMs: 1 });
    const scheduler = new Observed({ database, clock, logger: createLogger('silent'), probe, wakeEngine: () => undefined, retention: { resultsDays: 7, rollupsDays: 400 } });
    await scheduler.runOnce();
    expect(await scheduler.nextSleepMs()).toBe(2_000);

    const config = { check: { intervalSeconds: 20, timeoutSeconds: 5, confirmations: 1, recoveries: 1, autoResolve: true }, tcp: { host: 'every-20s.test', port: 22 }, maintenance: null };
    await insertMonitor(t.vigil.database.db, { teamId, policyId, name: 'every 20 s', kind: 'tcp', config, paused: false, check: { intervalMs: 20_000, nextAt: now } }, now);
    await scheduler.runOnce();
    expect(await scheduler.nextSleepMs()).toBe(1_000);
  });
});
