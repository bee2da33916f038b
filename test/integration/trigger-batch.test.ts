import { expect, it } from 'vitest';
import { insertContactMethod, insertRule } from '../../src/store/contacts.js';
import { applyTransition, applyTransitionToAll } from '../../src/service/apply-transition.js';
import { triggerAllIn, triggerIn, type Alert, type TriggerResult } from '../../src/service/incidents.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

/**
 * triggerAllIn writes a batch of alerts in a few statements; it must leave exactly what
 * triggering them one after another leaves. Two monitors on the demo policy (which pages
 * on-call people by their rules) get the same alerts, one batched and one in sequence.
 */
describeEachDatabase('triggering a batch of alerts at once', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed } = useDemoMonitors(t);

  /** A mixed batch: a key already open, repeats of new keys, unkeyed alerts. */
  const batch = (monitorId: string): Alert[] =>
    ['open', 'new', 'new', 'solo', null, 'new', 'open', null, 'new', 'new'].map((dedupKey, i) => ({ monitorId, dedupKey, title: `alert ${i}`, description: '' }));

  /** What an incident left behind, without ids and instants that differ between the runs. */
  async function footprint(monitorId: string) {
    const { db } = t.vigil.database;
    const incidents = await db.selectFrom('incidents').selectAll().where('monitor_id', '=', monitorId).orderBy('title').execute();
    return Promise.all(
      incidents.map(async (i) => ({
        key: i.dedup_key,
        title: i.title,
        counts: [i.alert_count, i.seq, i.step, i.pass, i.status, i.next_action_at],
        timeline: (await db.selectFrom('incident_events').select(['kind', 'data']).where('incident_id', '=', i.id).orderBy('id').execute()).map((e) => [e.kind, JSON.parse(e.data)]),
        pages: (await db.selectFrom('notifications').select(['idempotency_key', 'channel', 'address', 'due_at']).where('incident_id', '=', i.id).orderBy('idempotency_key').execute()).map((n) => [
          n.idempotency_key.replace(i.id, '<incident>'),
          n.channel,
          n.address,
          n.due_at,
        ]),
      })),
    );
  }

  const shape = (results: TriggerResult[]) => results.map((r) => [r.incident.title, r.incident.alert_count, r.created]);

  it('leaves what triggering the same alerts one after another leaves, and answers each alike', async () => {
    const [batched, sequential] = [await pushed('webhook'), await pushed('webhook')];
    const now = t.vigil.clock.now();
    const { db } = t.vigil.database;
    // Everyone can be paged: by email at once, and again a minute later.
    for (const user of await db.selectFrom('users').select(['id', 'email']).execute()) {
      const method = await insertContactMethod(db, user.id, { kind: 'email', label: 'work', address: user.email, verified: true }, now);
      for (const delaySeconds of [0, 60]) await insertRule(db, user.id, { contactMethodId: method.id, delaySeconds }, now);
    }
    // Each monitor already has an incident open under the key 'open', opened in a
    // transaction of its own at the same instant (not earlier: the demo schedule's layers
    // begin when the app started, and a second before that nobody was on call).
    for (const m of [batched, sequential]) await db.transaction().execute((trx) => triggerIn(trx, { monitorId: m.id, dedupKey: 'open', title: 'alert first', description: '' }, now));

    const together = await db.transaction().execute((trx) => triggerAllIn(trx, batch(batched.id), now));
    const oneByOne = await db.transaction().execute(async (trx) => {
      const results: TriggerResult[] = [];
      for (const alert of batch(sequential.id)) results.push(await triggerIn(trx, alert, now));
      return results;
    });

    // Answers: the first 'new' opened, the other four folded into it (counted 5 by the end).
    expect(together.map((r) => r.created)).toEqual([false, true, false, true, true, false, false, true, false, false]);
    expect(shape(together).map(([title, , created]) => [title, created])).toEqual(shape(oneByOne).map(([title, , created]) => [title, created]));
    expect(together[1]?.incident.id).toBe(together[8]?.incident.id);
    expect(together[4]?.incident.id).not.toBe(together[7]?.incident.id);

    const a = await footprint(batched.id);
    const b = await footprint(sequential.id);
    expect(a).toEqual(b);
    // The batch really did something: repeats counted and noted, pages queued.
    const fresh = a.find((i) => i.key === 'new');
    expect(fresh?.counts[0]).toBe(5);
    expect(fresh?.timeline.filter(([kind]) => kind === 'alert_absorbed').map(([, data]) => data.alertCount)).toEqual([2, 4]);
    expect(a.find((i) => i.key === 'open')?.counts[0]).toBe(3);
    expect(fresh?.pages.map(([, channel, , dueAt]) => [channel, Number(dueAt) - now])).toEqual([
      ['email', 0],
      ['email', 60_000],
    ]);

    // The engine's tick when step 1 times out: for all of them at once, or one by one.
    const due = Math.max(...together.map((r) => Number(r.incident.next_action_at)));
    const open = (trx: typeof db, monitorId: string) => trx.selectFrom('incidents').selectAll().where('monitor_id', '=', monitorId).execute();
    await db.transaction().execute(async (trx) => applyTransitionToAll(trx, await open(trx, batched.id), { type: 'tick', at: due }, due));
    await db.transaction().execute(async (trx) => {
      for (const row of await open(trx, sequential.id)) await applyTransition(trx, row, { type: 'tick', at: due }, due);
    });
    const [ticked, tickedOneByOne] = [await footprint(batched.id), await footprint(sequential.id)];
    expect(ticked).toEqual(tickedOneByOne);
    expect(ticked.every((i) => i.counts[1] === 2 && i.counts[2] === 1)).toBe(true);
    expect(ticked.find((i) => i.key === 'new')?.timeline.map(([kind]) => kind)).toContain('escalated');
  });
});
