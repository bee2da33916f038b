import type { InjectOptions } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { ApiContract } from '../support/api-contract.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { testConfig } from '../support/test-app.js';

const owner = { name: 'Olive Owner', email: 'olive@example.com', password: 'a long first password', timeZone: 'Europe/Berlin' };

/** First-run setup on a server started with VIGIL_SEED_DEMO=0 on an empty database. */
describeEachDatabase('first-run setup', (dialect) => {
  const running: { vigil: Vigil; database: TestDatabase }[] = [];
  const contract = new ApiContract();
  afterEach(async () => {
    for (const { vigil, database } of running.splice(0)) {
      await vigil.stop();
      await database.drop();
    }
    expect(contract.seen.size).toBeGreaterThan(0);
    expect(contract.violations, 'every answer is the one the OpenAPI document gives').toEqual([]);
  });

  /** A fresh node without the demo; it believes X-Forwarded-For from 127.0.0.1 only (inject's default address). */
  async function emptyNode() {
    const database = await createTestDatabase(dialect);
    const vigil = await startVigil({ ...testConfig(database.url), seedDemo: false, trustedProxies: ['127.0.0.1'] }, createLogger('silent'));
    contract.install(vigil.app);
    running.push({ vigil, database });
    const call = async (options: InjectOptions) => {
      const res = await vigil.app.inject(options);
      return { status: res.statusCode, body: res.body ? res.json() : null, headers: res.headers, cookies: res.cookies };
    };
    return { vigil, call };
  }

  it('creates the first owner once, logs them in, and records it in the audit log', async () => {
    const { call } = await emptyNode();
    expect((await call({ method: 'GET', url: '/api/v1/setup' })).body).toEqual({ required: true });

    const bad = await call({ method: 'POST', url: '/api/v1/setup', payload: { name: '', email: 'not-an-email', password: 'short', timeZone: 'Mars/Olympus' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/body/email', '/body/name', '/body/password', '/body/timeZone']);

    // From an address that is not a trusted proxy, X-Forwarded-For is not believed.
    const created = await call({
      method: 'POST',
      url: '/api/v1/setup',
      payload: owner,
      remoteAddress: '192.0.2.50',
      headers: { 'x-forwarded-for': '203.0.113.66', 'user-agent': 'setup-test' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ name: owner.name, email: owner.email, role: 'owner', timeZone: owner.timeZone });
    const cookie = created.cookies.find((c) => c.name === 'vigil_session');
    expect(cookie?.httpOnly).toBe(true);
    const headers = { cookie: `vigil_session=${cookie?.value}` };
    expect((await call({ method: 'GET', url: '/api/v1/auth/session', headers })).body.user.email).toBe(owner.email);

    expect((await call({ method: 'GET', url: '/api/v1/setup' })).body).toEqual({ required: false });
    const again = await call({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, email: 'mallory@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('setup_done');
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);

    // The password logs in, as at any later visit.
    expect((await call({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } })).status).toBe(200);
    const users = await call({ method: 'GET', url: '/api/v1/users', headers });
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([owner.email]);

    const audit = await call({ method: 'GET', url: '/api/v1/audit-log?entityType=user', headers });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'create',
      entityId: created.body.user.id,
      actor: null,
      via: 'anonymous',
      ip: '192.0.2.50',
      userAgent: 'setup-test',
      after: { email: owner.email, role: 'owner', passwordHash: 'changed' },
    });
    expect(JSON.stringify(audit.body)).not.toContain(owner.password);
  });

  it('makes exactly one owner when setups race', async () => {
    const { vigil, call } = await emptyNode();
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((who) => call({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, name: who, email: `${who}@example.com` } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('setup_done');
    const users = await vigil.database.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toEqual([{ email: answers.find((a) => a.status === 201)?.body.user.email, role: 'owner' }]);
  });

  it('limits attempts per client address, as a trusted proxy reports it', async () => {
    const { call } = await emptyNode();
    const attempt = (address: string) => call({ method: 'POST', url: '/api/v1/setup', payload: owner, headers: { 'x-forwarded-for': address } });
    expect((await attempt('198.51.100.1')).status).toBe(201);
    for (let i = 1; i < 10; i++) expect((await attempt('198.51.100.1')).status).toBe(409);
    const limited = await attempt('198.51.100.1');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client behind the same proxy has its own count.
    expect((await attempt('198.51.100.2')).status).toBe(409);
  });
});
