import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { requiredTool } from '../support/required-tool.js';
import { useTestApp } from '../support/test-app.js';

const BINARY = '/usr/bin/prometheus-alertmanager';
const available = requiredTool(BINARY, 'prometheus-alertmanager', 'the real Alertmanager test');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Debian's prometheus-alertmanager, configured with Vigil as its webhook receiver. */
(available ? describeEachDatabase : (name: string) => describe.skip(name, () => undefined))('the real Alertmanager sending to Vigil', (dialect) => {
  const t = useTestApp(dialect);
  let alertmanager: ChildProcess | undefined;
  let dir = '';
  let amUrl = '';
  let monitorId = '';
  let heartbeatId = '';

  beforeAll(async () => {
    await t.vigil.app.listen({ host: '127.0.0.1', port: 0 });
    const vigilPort = (t.vigil.app.server.address() as { port: number }).port;
    const teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
    const monitor = await t.admin.post('/api/v1/monitors', { name: 'Prometheus', teamId, policyId, kind: 'alertmanager' });
    monitorId = monitor.body.id;
    const receiverUrl = `http://127.0.0.1:${vigilPort}/api/v1/integrations/alertmanager?key=${monitor.body.integrationKey}`;
    // The dead man's switch of docs/OPERATIONS.md: the always-firing Watchdog beats a heartbeat monitor.
    const heartbeat = await t.admin.post('/api/v1/monitors', { name: 'Watchdog', teamId, policyId, kind: 'heartbeat', heartbeat: { intervalSeconds: 300, graceSeconds: 60 } });
    expect(heartbeat.status).toBe(201);
    heartbeatId = heartbeat.body.id;
    const heartbeatUrl = `http://127.0.0.1:${vigilPort}/api/v1/integrations/heartbeat?key=${heartbeat.body.integrationKey}`;
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-alertmanager-'));
    writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: vigil',
        '  group_by: [alertname, instance]',
        '  group_wait: 0s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        '  routes:',
        '    - matchers: [\'alertname="Watchdog"\']',
        '      receiver: deadman',
        '      repeat_interval: 1m',
        'receivers:',
        '  - name: vigil',
        '    webhook_configs:',
        `      - url: '${receiverUrl}'`,
        '        send_resolved: true',
        // Credentials for a proxy in front of Vigil reach it too: the integration ignores them.
        '        http_config:',
        '          basic_auth: { username: proxy, password: proxy-secret }',
        '  - name: deadman',
        '    webhook_configs:',
        `      - url: '${heartbeatUrl}'`,
        '        send_resolved: false',
        '',
      ].join('\n'),
    );
    const port = await freePort();
    amUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      BINARY,
      [`--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${dir}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
      { stdio: 'ignore' },
    );
    await eventually(() => fetch(`${amUrl}/-/ready`).then((r) => r.ok, () => false), (ready) => ready);
  }, 60_000);

  afterAll(() => {
    alertmanager?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = (alerts: object[]) =>
    fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
  const incidents = async () => (await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}`)).body.items as { title: string; status: string }[];

  it('opens an incident for a firing alert and resolves it when Alertmanager says resolved', async () => {
    const labels = { alertname: 'DiskFull', instance: 'db-1', severity: 'critical' };
    const annotations = { summary: 'Disk full on db-1', description: '/var at 99%' };
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    expect((await post([{ labels, annotations, startsAt }])).ok).toBe(true);
    const opened = await eventually(incidents, (list) => list.length === 1);
    expect(opened).toEqual([expect.objectContaining({ title: 'Disk full on db-1', status: 'triggered' })]);

    expect((await post([{ labels, annotations, startsAt, endsAt: new Date(Date.now() - 1000).toISOString() }])).ok).toBe(true);
    const resolved = await eventually(incidents, (list) => list[0]?.status === 'resolved');
    expect(resolved).toEqual([expect.objectContaining({ title: 'Disk full on db-1', status: 'resolved' })]);
  }, 60_000);

  it("beats a heartbeat monitor with the Watchdog alert, without opening an incident", async () => {
    const dueAt = async () =>
      Number((await t.vigil.database.db.selectFrom('monitors').select('heartbeat_due_at').where('id', '=', heartbeatId).executeTakeFirstOrThrow()).heartbeat_due_at);
    const before = await dueAt();
    const startsAt = new Date().toISOString();
    expect((await post([{ labels: { alertname: 'Watchdog', severity: 'none' }, annotations: { summary: 'Always firing' }, startsAt }])).ok).toBe(true);
    expect(await eventually(dueAt, (due) => due > before)).toBeGreaterThan(before);
    expect((await t.admin.get(`/api/v1/incidents?monitorId=${heartbeatId}`)).body.items).toEqual([]);
    expect((await incidents()).map((i) => i.title)).not.toContain('Always firing');
  }, 60_000);
});
