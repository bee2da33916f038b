// One Vigil node for the ingest benchmark (ingest.bench.ts), in a process of its own and
// as plain JavaScript (esbuild bundle), as `npm start` runs it:
//   node <bundle of this file> <database-url> <webhook-receiver-url>
// It starts Vigil with the demo data on the database, logs in as the demo admin, creates a
// policy whose step 1 pages a webhook target (the receiver), and three monitors on it: a
// PagerDuty monitor for dedup hits, one for new incidents (both without a rate limit, so
// 429s do not cap the figures) and an Alertmanager monitor. It prints one JSON line with
// their ids and keys once listening, and stops cleanly on SIGTERM (so --cpu-prof can write
// its profile).
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { startVigil } from '../src/app/start.js';

const [databaseUrl = '', receiverUrl = '', stepWaitSeconds = '600'] = process.argv.slice(2);
const PASSWORD = 'bench-demo-password-1234';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const config = loadConfig({
  VIGIL_HOST: '127.0.0.1',
  VIGIL_PORT: String(port),
  VIGIL_DATABASE_URL: databaseUrl,
  VIGIL_BASE_URL: baseUrl,
  VIGIL_SECRET: 'bench-secret-bench-secret-bench-secret',
  VIGIL_LOG_LEVEL: 'silent',
  VIGIL_SEED_DEMO: '1',
  VIGIL_DEMO_PASSWORD: PASSWORD,
  // The receiver is on 127.0.0.1.
  VIGIL_ALLOW_PRIVATE_DESTINATIONS: '1',
  // No built web UI is needed.
  VIGIL_WEB_DIR: mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-web-')),
});
const vigil = await startVigil(config, createLogger('silent'), { announce: () => undefined });
await vigil.app.listen({ host: '127.0.0.1', port });

const api = `${baseUrl}/api/v1`;
const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }) });
if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };

async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${api}${route}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const teamId = (await call<{ items: { id: string }[] }>('GET', '/teams')).items[0]?.id;
const policy = await call<{ id: string }>('POST', '/escalation-policies', {
  name: 'Bench: page the receiver',
  teamId,
  repeat: 0,
  steps: [{ waitSeconds: Number(stepWaitSeconds), targets: [{ type: 'webhook', url: receiverUrl }] }],
});
interface Created {
  id: string;
  integrationKey: string;
  integrationUrl: string;
}
const monitor = (name: string, kind: string, extra: object = {}) => call<Created>('POST', '/monitors', { name, teamId, policyId: policy.id, kind, ...extra });
const dedup = await monitor('Bench: dedup hits', 'pagerduty', { rateLimit: null });
const trigger = await monitor('Bench: new incidents', 'pagerduty', { rateLimit: null });
const alertmanager = await monitor('Bench: Alertmanager storm', 'alertmanager');

console.log(
  JSON.stringify({
    baseUrl,
    enqueueUrl: `${api}/integrations/pagerduty/v2/enqueue`,
    policyId: policy.id,
    dedup: { id: dedup.id, key: dedup.integrationKey },
    trigger: { id: trigger.id, key: trigger.integrationKey },
    alertmanager: { id: alertmanager.id, url: alertmanager.integrationUrl },
  }),
);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  // A stop that hangs (deliveries in flight) must not keep the benchmark waiting.
  setTimeout(() => process.exit(0), 5000).unref();
  void vigil.stop().then(
    () => process.exit(0),
    () => process.exit(0),
  );
});
