import { expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil } from '../../src/app/start.js';
import { describeEachDatabase } from '../support/databases.js';
import { testConfig, useTestApp } from '../support/test-app.js';

describeEachDatabase('platform endpoints', (dialect) => {
  const t = useTestApp(dialect);

  it('reports health with the database in use', async () => {
    const res = await t.anonymous.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: dialect });
    expect(res.body.loops.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['engine', 'check scheduler', 'node heartbeat']));
    for (const loop of res.body.loops) expect(loop).toMatchObject({ healthy: true, failingSince: null, reason: null });
  });

  it('exposes Prometheus metrics including HTTP timings by route', async () => {
    await t.admin.get('/api/v1/users');
    const res = await t.anonymous.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/vigil_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/users",status="200"\} \d+/);
    expect(res.body).toMatch(/vigil_process_cpu_user_seconds_total/);
  });

  it('publishes an OpenAPI 3 document describing the API and its auth', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/teams/{id}', '/api/v1/auth/login']));
    expect(res.body.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
    expect((await t.anonymous.get('/docs/')).status).toBe(200);
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await t.admin.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('lets test mode freeze and advance the server clock', async () => {
    const at = '2026-03-08T07:59:00.000Z';
    const frozen = await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: at });
    expect(frozen.body).toEqual({ now: at, frozen: true });
    const later = await t.anonymous.post('/api/v1/test/clock', { advanceMs: 120_000 });
    expect(later.body.now).toBe('2026-03-08T08:01:00.000Z');
    expect(t.vigil.clock.now()).toBe(Date.parse('2026-03-08T08:01:00.000Z'));
    const running = await t.anonymous.post('/api/v1/test/clock', { freeze: false, set: new Date().toISOString() });
    expect(running.body.frozen).toBe(false);
    const bad = await t.anonymous.post('/api/v1/test/clock', { advanceMs: -5 });
    expect(bad.body.errors[0].path).toBe('/body/advanceMs');
  });

  it('restarting on the same database keeps data and does not seed the demo twice', async () => {
    const before = (await t.admin.get('/api/v1/users?limit=200')).body.items.length;
    const again = await startVigil(testConfig(t.databaseUrl), createLogger('silent'));
    try {
      const admins = await again.database.db.selectFrom('users').select('id').where('email', '=', 'admin@example.com').execute();
      expect(admins).toHaveLength(1);
      expect((await t.admin.get('/api/v1/users?limit=200')).body.items.length).toBe(before);
    } finally {
      await again.stop();
    }
  });

  it('has no test clock unless test mode is on', async () => {
    const prod = await startVigil({ ...testConfig(t.databaseUrl), testMode: false }, createLogger('silent'));
    try {
      const res = await prod.app.inject({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceMs: 1 } });
      expect(res.statusCode).toBe(404);
    } finally {
      await prod.stop();
    }
  });
});
