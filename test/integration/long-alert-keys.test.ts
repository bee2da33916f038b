import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

// Random text does not compress, so these keys are well over PostgreSQL's 2,704-byte
// btree limit (300,000 x's compress to about 3.5 KB, which is how the fuzzer found it).
const long = () => randomBytes(3_000).toString('hex');

describeEachDatabase('alerts whose label sets or group values are long', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed, incidents } = useDemoMonitors(t);

  it('open, fold repeats and resolve by their label set, on Alertmanager and Grafana', async () => {
    for (const kind of ['alertmanager', 'grafana']) {
      const monitor = await pushed(kind);
      const labels = { alertname: 'HugeLabels', dump: long() };
      const firing = await t.anonymous.post(monitor.path, { alerts: [{ status: 'firing', labels }] });
      expect(firing.status, JSON.stringify(firing.body)).toBe(202);
      expect((await t.anonymous.post(monitor.path, { alerts: [{ status: 'firing', labels }] })).status).toBe(202);
      const [open] = await incidents(monitor.id);
      expect(open).toMatchObject({ status: 'triggered', alertCount: 2 });
      expect(open.dedupKey).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((await t.anonymous.post(monitor.path, { alerts: [{ status: 'resolved', labels }] })).status).toBe(202);
      expect((await incidents(monitor.id)).map((i) => i.status)).toEqual(['resolved']);
    }
  });

  it('group by a long field value into one incident', async () => {
    const monitor = await pushed('webhook');
    expect((await t.admin.patch(`/api/v1/monitors/${monitor.id}`, { grouping: { mode: 'labels', fields: ['stack'] } })).status).toBe(200);
    const stack = long();
    for (const dedupKey of ['a', 'b']) expect((await t.anonymous.post(monitor.path, { title: 'crash', dedupKey, stack })).status).toBe(202);
    expect((await incidents(monitor.id)).map((i) => i.alertCount)).toEqual([2]);
  });
});
