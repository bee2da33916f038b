import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { demoAdmin } from './demo-admin.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { ApiContract } from './api-contract.js';
import { createTestDatabase, type TestDialect } from './databases.js';

export interface Response {
  status: number;
  // Tests inspect arbitrary JSON; the schemas under test are what give it shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: LightMyRequestResponse['headers'];
}

/** Someone calling the API: anonymous, a logged-in browser, or an API token. */
export interface Caller {
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body: unknown): Promise<Response>;
  put(url: string, body: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

export interface TestApp {
  vigil: Vigil;
  databaseUrl: string;
  anonymous: Caller;
  /** The seeded demo owner, logged in with a cookie session. */
  admin: Caller;
  login(email: string, password: string): Promise<Caller>;
  withToken(token: string): Caller;
  withHeaders(headers: Record<string, string>): Caller;
}

export function testConfig(databaseUrl: string): Config {
  return {
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    baseUrl: 'http://127.0.0.1:8080',
    baseUrlSet: true,
    secret: 'test-secret-test-secret-test-secret!',
    logLevel: 'silent',
    testMode: true,
    seedDemo: true,
    demoPassword: demoAdmin.password,
    trustedProxies: [],
    webDir: '/nonexistent-web-dir',
    smtpUrl: undefined,
    emailFrom: 'Vigil <vigil@test.local>',
    twilio: undefined,
    checkConcurrency: 20,
    checkRetention: { resultsDays: 7, rollupsDays: 400 },
    auditRetentionDays: 400,
    // Tests aim checks and webhooks at local fakes; the policy's own tests close it again.
    destinationPolicy: { allowPrivate: true, allowedRanges: [] },
    incidentActions: 'team',
  };
}

function callerFor(vigil: Vigil, headers: Record<string, string>): Caller {
  const request = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<Response> => {
    const res = await vigil.app.inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) });
    const isJson = /json/.test(String(res.headers['content-type'] ?? ''));
    return { status: res.statusCode, body: isJson && res.body ? res.json() : res.body, headers: res.headers };
  };
  return {
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body),
    put: (url, body) => request('PUT', url, body),
    delete: (url) => request('DELETE', url),
  };
}

/** Logs in to a running Vigil through inject(): a caller with the session and its CSRF token. */
export async function logInTo(vigil: Vigil, email: string, password: string): Promise<Caller> {
  const res = await vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vigil_session');
  if (!cookie) throw new Error('login set no session cookie');
  return callerFor(vigil, { cookie: `vigil_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken });
}

/**
 * Starts a whole Vigil (demo seed, test clock) on a fresh database for the enclosing
 * suite; `frozenAt` freezes the clock before the demo is seeded, `config` overrides
 * settings once the suite's other beforeAll hooks (e.g. a fake provider) have run.
 */
export function useTestApp(dialect: TestDialect, options: { frozenAt?: string; config?: () => Partial<Config>; contract?: ApiContract } = {}): TestApp {
  const ctx = {} as TestApp;
  // Every suite's responses are held to the OpenAPI document; pass one to read what it saw.
  const contract = options.contract ?? new ApiContract();
  let drop: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const database = await createTestDatabase(dialect);
    drop = database.drop;
    const frozenAt = options.frozenAt === undefined ? undefined : Date.parse(options.frozenAt);
    const vigil = await startVigil({ ...testConfig(database.url), ...options.config?.() }, createLogger('silent'), { frozenAt });
    contract.install(vigil.app);
    const login = (email: string, password: string) => logInTo(vigil, email, password);
    Object.assign(ctx, {
      vigil,
      databaseUrl: database.url,
      anonymous: callerFor(vigil, {}),
      admin: await login(demoAdmin.email, demoAdmin.password),
      login,
      withToken: (token: string) => callerFor(vigil, { authorization: `Bearer ${token}` }),
      withHeaders: (headers: Record<string, string>) => callerFor(vigil, headers),
    });
  });
  afterAll(async () => {
    await ctx.vigil?.stop();
    await drop();
    const violations = contract.violations;
    expect(violations, `responses that are not in the OpenAPI document:\n${violations.join('\n')}`).toEqual([]);
  });
  return ctx;
}
