import { expect, it } from 'vitest';
import { triggerAllIn } from '../../src/service/incidents.js';
import { transact } from '../../src/store/transact.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A node opens an incident for a key it has never seen without first looking for an open
 * one (SeenKeys). Where one is open after all (opened by another node, or before a
 * restart), the alert must still fold into it, counted and kept, as if nobody had guessed.
 */
describeEachDatabase('keys a node has not seen', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed, incidents, pagerDutyTrigger: trigger } = useDemoMonitors(t);

  /** An incident opened as another node would: through the database, behind this node's back. */
  const openedElsewhere = async (monitor: PushedMonitor, dedupKey: string) => {
    const [result] = await transact(t.vigil.database.db, (trx) => triggerAllIn(trx, [{ monitorId: monitor.id, title: `${dedupKey} (other node)`, description: '', dedupKey }], t.vigil.clock.now()));
    return result!.incident.id;
  };
  const alertTitles = async (incidentId: string) =>
    ((await t.admin.get(`/api/v1/incidents/${incidentId}/alerts?limit=100`)).body.items as { title: string }[]).map((a) => a.title).sort();

  it('folds an alert into the incident another node opened for its key', async () => {
    const monitor = await pushed('pagerduty');
    const id = await openedElsewhere(monitor, 'disk');
    await trigger(monitor, 'disk', 'Disk full here');
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id, alertCount: 2, status: 'triggered' });
    expect(await alertTitles(id)).toEqual(['Disk full here', 'disk (other node)']);
  });

  it('in a batch of new keys and one opened elsewhere, opens each new one once and folds the other in', async () => {
    const monitor = await pushed('pagerduty');
    const id = await openedElsewhere(monitor, 'cpu');
    const fresh = ['a', 'b', 'c', 'd'];
    await Promise.all([...fresh.map((key) => trigger(monitor, key, `new ${key}`)), trigger(monitor, 'cpu', 'cpu here')]);
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(5);
    expect(open.find((i: { id: string }) => i.id === id)).toMatchObject({ alertCount: 2 });
    const created = open.filter((i: { id: string }) => i.id !== id);
    expect(created.map((i: { title: string }) => i.title).sort()).toEqual(fresh.map((key) => `new ${key}`));
    for (const incident of created) {
      expect(incident.alertCount).toBe(1);
      expect(await alertTitles(incident.id)).toEqual([incident.title]);
    }
    expect(await alertTitles(id)).toEqual(['cpu (other node)', 'cpu here']);
  });

  it('counts repeats of a key it opened, and a key resolved through it opens anew', async () => {
    const monitor = await pushed('pagerduty');
    await trigger(monitor, 'mem', 'mem 1');
    await trigger(monitor, 'mem', 'mem 2');
    const [first] = await incidents(monitor.id);
    expect(first).toMatchObject({ alertCount: 2 });
    const res = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: monitor.key, event_action: 'resolve', dedup_key: 'mem' });
    expect(res.status).toBe(202);
    await trigger(monitor, 'mem', 'mem 3');
    const all = await incidents(monitor.id);
    expect(all).toHaveLength(2);
    expect(all.find((i: { id: string }) => i.id !== first.id)).toMatchObject({ alertCount: 1, status: 'triggered', title: 'mem 3' });
  });
});
