import { expect, it } from 'vitest';
import { absorbRepeats } from '../../src/service/plain-repeats.js';
import { monitorsVersionIn } from '../../src/store/monitors.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Repeats of an alert whose incident the node saw open are counted in one statement
 * without a transaction (absorbRepeats); whatever that statement cannot vouch for (a
 * count the timeline notes, an incident or monitor changed behind the node's back) must
 * come out as the full path would have it.
 */
describeEachDatabase('repeats of open alerts', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed, incidents, pagerDutyTrigger: trigger } = useDemoMonitors(t);

  const absorbed = async (incidentId: string) =>
    ((await t.admin.get(`/api/v1/incidents/${incidentId}`)).body.timeline as { kind: string; data: { alertCount: number; title: string } }[])
      .filter((e) => e.kind === 'alert_absorbed')
      .map((e) => [e.data.alertCount, e.data.title]);

  /** An incident's kept alerts, newest first. */
  const alertTitles = async (incidentId: string) =>
    ((await t.admin.get(`/api/v1/incidents/${incidentId}/alerts?limit=100`)).body.items as { title: string }[]).map((a) => a.title);

  it('counts 20 repeats sent one after another, noting the 2nd, 4th, 8th and 16th and keeping every alert, with their own titles', async () => {
    const monitor = await pushed('pagerduty');
    for (let i = 1; i <= 20; i++) await trigger(monitor, 'disk', `Disk full ${i}`);
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ alertCount: 20, title: 'Disk full 1', status: 'triggered' });
    expect(await absorbed(open[0].id)).toEqual([2, 4, 8, 16].map((n) => [n, `Disk full ${n}`]));
    expect(await alertTitles(open[0].id)).toEqual(Array.from({ length: 20 }, (_, i) => `Disk full ${20 - i}`));
  });

  it('opens a new incident when the one it saw open was resolved behind its back', async () => {
    const monitor = await pushed('pagerduty');
    await trigger(monitor, 'cpu');
    await trigger(monitor, 'cpu');
    const [first] = await incidents(monitor.id);
    await t.vigil.database.db.updateTable('incidents').set({ status: 'resolved', resolved_at: Date.now() }).where('id', '=', first.id).execute();
    await trigger(monitor, 'cpu');
    const all = await incidents(monitor.id);
    expect(all).toHaveLength(2);
    expect(all.find((i: { id: string }) => i.id !== first.id)).toMatchObject({ alertCount: 1, status: 'triggered' });
    expect(all.find((i: { id: string }) => i.id === first.id)).toMatchObject({ alertCount: 2, status: 'resolved' });
  });

  it('counts nothing for a monitor paused behind its back, and counts again once it is resumed', async () => {
    const monitor = await pushed('pagerduty');
    await trigger(monitor, 'mem');
    await trigger(monitor, 'mem');
    const { db } = t.vigil.database;
    await db.updateTable('monitors').set({ paused: 1 }).where('id', '=', monitor.id).execute();
    await trigger(monitor, 'mem');
    expect((await incidents(monitor.id))[0].alertCount).toBe(2);
    await db.updateTable('monitors').set({ paused: 0 }).where('id', '=', monitor.id).execute();
    await trigger(monitor, 'mem');
    await trigger(monitor, 'mem');
    expect((await incidents(monitor.id))[0].alertCount).toBe(4);
  });

  it('absorbs only repeats that pass no power of two, at the monitors version it was given', async () => {
    const monitor = await pushed('pagerduty');
    await trigger(monitor, 'io');
    await trigger(monitor, 'io');
    const { db } = t.vigil.database;
    const version = await monitorsVersionIn(db);
    const repeat = { monitorId: monitor.id, version, dedupKey: 'io', title: 'IO again', details: undefined };
    // 2 → 3: nothing to note.
    const [third] = await absorbRepeats(db, [repeat], Date.now());
    expect(third?.alert_count).toBe(3);
    // 3 → 5 passes 4, which the timeline notes: left to the full path, both of them.
    expect(await absorbRepeats(db, [repeat, repeat], Date.now())).toEqual([null, null]);
    expect(await absorbRepeats(db, [{ ...repeat, version: 'an older version' }], Date.now())).toEqual([null]);
    expect(await absorbRepeats(db, [{ ...repeat, dedupKey: 'no such key' }], Date.now())).toEqual([null]);
    await trigger(monitor, 'io');
    // 4 → 7 in one statement: the key repeated three times in the batch, each answered.
    const three = await absorbRepeats(db, [repeat, repeat, repeat], Date.now());
    expect(three.map((row) => row?.alert_count)).toEqual([7, 7, 7]);
    const [incident] = await incidents(monitor.id);
    expect(incident.alertCount).toBe(7);
    // Every counted repeat kept its alert, as the full path keeps every alert; refused ones none.
    expect(await alertTitles(incident.id)).toEqual(['IO again', 'IO again', 'IO again', 'Disk full', 'IO again', 'Disk full', 'Disk full']);
  });
});
