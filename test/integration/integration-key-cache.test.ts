import { afterAll, beforeAll, expect, it } from 'vitest';
import { sha256 } from '../../src/security/secret-token.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

// Ingest keeps the monitors behind integration keys in memory (service/integration-keys.ts).
// Each change here is made through a second connection, as another node or the command
// line would make it, so only the stored version can tell the serving node about it.
describeEachDatabase('integration keys kept in memory: changes made elsewhere are honoured at once', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed, incidents } = useDemoMonitors(t);
  let elsewhere: Database;

  beforeAll(() => {
    elsewhere = openDatabase(t.databaseUrl);
  });
  afterAll(async () => {
    await elsewhere?.close();
  });

  const set = (monitor: PushedMonitor, values: { integration_key_hash?: string; paused?: number; config?: string }) =>
    elsewhere.db.updateTable('monitors').set(values).where('id', '=', monitor.id).execute();
  const trigger = (path: string, dedupKey: string) => t.anonymous.post(path, { title: 'Queue stuck', dedupKey });
  const pdTrigger = (key: string, dedupKey: string) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: key,
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: { summary: 'Disk full', source: 'db-1', severity: 'critical' },
    });

  it('refuses a key as soon as another node rotates it, and takes the new one', async () => {
    const monitor = await pushed('webhook');
    expect((await trigger(monitor.path, 'a')).status).toBe(202);
    const newKey = `vgi_${'n'.repeat(40)}`;
    await set(monitor, { integration_key_hash: sha256(newKey) });
    const refused = await trigger(monitor.path, 'b');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
    const path = monitor.path.replace(monitor.key, newKey);
    expect((await trigger(path, 'b')).status).toBe(202);
    expect((await incidents(monitor.id)).map((i: { dedupKey: string }) => i.dedupKey).sort()).toEqual(['a', 'b']);
  });

  it("answers PagerDuty senders with PagerDuty's invalid routing key once the key is rotated elsewhere", async () => {
    const monitor = await pushed('pagerduty');
    expect((await pdTrigger(monitor.key, 'x')).status).toBe(202);
    await set(monitor, { integration_key_hash: sha256(`vgi_${'p'.repeat(40)}`) });
    const refused = await pdTrigger(monitor.key, 'y');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 'invalid event', errors: ['Invalid routing key'] });
    expect(await incidents(monitor.id)).toHaveLength(1);
  });

  it('drops the events of a monitor paused elsewhere, and opens incidents again once it is resumed', async () => {
    const monitor = await pushed('webhook');
    expect((await trigger(monitor.path, 'before')).status).toBe(202);
    await set(monitor, { paused: 1 });
    const dropped = await trigger(monitor.path, 'while-paused');
    expect(dropped.status).toBe(202);
    expect(dropped.body.incidentId).toBeNull();
    await set(monitor, { paused: 0 });
    expect((await trigger(monitor.path, 'after')).body.incidentId).toEqual(expect.any(String));
    expect((await incidents(monitor.id)).map((i: { dedupKey: string }) => i.dedupKey).sort()).toEqual(['after', 'before']);
  });

  it('refuses the key of a monitor deleted elsewhere', async () => {
    const monitor = await pushed('webhook');
    // Resolving an unknown key opens nothing, but the key is now kept in memory.
    expect((await t.anonymous.post(monitor.path, { action: 'resolve', dedupKey: 'none' })).status).toBe(202);
    await elsewhere.db.deleteFrom('monitors').where('id', '=', monitor.id).execute();
    expect((await trigger(monitor.path, 'c')).status).toBe(401);
  });

  it('applies a rate limit changed elsewhere from the next event on', async () => {
    const monitor = await pushed('webhook');
    expect((await trigger(monitor.path, 'r0')).status).toBe(202);
    await set(monitor, { config: JSON.stringify({ rateLimit: { eventsPerMinute: 2 } }) });
    // The first event after the change is written under the new version, which reloads the monitor.
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push((await trigger(monitor.path, `r${i}`)).status);
    expect(answers).toEqual([202, 202, 202, 429]);
  });
});
