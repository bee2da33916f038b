import { beforeAll, expect, it } from 'vitest';
import { ApiContract } from '../support/api-contract.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller } from '../support/test-app.js';

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

const missingId = '00000000-0000-4000-8000-000000000000';

/**
 * Every response of every useTestApp suite is held to the OpenAPI document
 * (test/support/api-contract.ts): a status or body the document does not describe fails
 * the suite. This walk makes sure every operation is checked at least once: as a stranger
 * (also with a truncated JSON body), with ids that do not exist and malformed ones, and
 * every read with real ids. The authorization matrix calls every change as every role.
 */
describeEachDatabase('the API answers only what its OpenAPI document says', (dialect) => {
  const contract = new ApiContract();
  const t = useTestApp(dialect, { contract });
  const ids: Record<string, string> = {};
  let doc: Document;

  beforeAll(async () => {
    doc = (await t.anonymous.get('/api/v1/openapi.json')).body as Document;
    const first = async (url: string) => {
      const body = (await t.admin.get(url)).body;
      return (Array.isArray(body) ? body[0] : body.items[0]) as { id: string } & Record<string, unknown>;
    };
    ids['users'] = (await first('/api/v1/users')).id;
    ids['teams'] = (await first('/api/v1/teams')).id;
    const schedule = await first('/api/v1/schedules');
    ids['schedules'] = schedule.id;
    ids['layers'] = ((await t.admin.get(`/api/v1/schedules/${schedule.id}`)).body.layers[0] as { id: string }).id;
    ids['escalation-policies'] = (await first('/api/v1/escalation-policies')).id;
    ids['monitors'] = (await first('/api/v1/monitors')).id;
    ids['incidents'] = (await t.admin.post(`/api/v1/monitors/${ids['monitors']}/alerts`, { title: 'Contract' })).body.incident.id;
    ids['me/tokens'] = (await t.admin.post('/api/v1/me/tokens', { name: 'contract' })).body.apiToken.id;
    ids['status-pages'] = (await t.admin.post('/api/v1/status-pages', { teamId: ids['teams'], name: 'Contract', slug: 'contract', timeZone: 'UTC', accentColor: '#1c7ed6', access: 'public' })).body.id;
  });

  it('reports a status the document does not list, and a body its schema refuses', () => {
    const app = t.vigil.app;
    const selfTest = new ApiContract();
    selfTest.check(app, 'GET', '/api/v1/users', 418, 'application/json', '{}');
    selfTest.check(app, 'GET', '/api/v1/users/:id', 200, 'application/json', JSON.stringify({ id: 'not-a-uuid' }));
    selfTest.check(app, 'GET', '/api/v1/users/:id', 404, 'application/json', '{}');
    selfTest.check(app, 'GET', '/api/v1/users/:id', 404, 'application/problem+json', JSON.stringify({ code: 'not_found' }));
    expect(selfTest.violations).toEqual([
      'GET /api/v1/users answered 418, which it does not document',
      expect.stringMatching(/^GET \/api\/v1\/users\/\{id\} 200: the body does not match the documented schema: \/ must have required property/),
      'GET /api/v1/users/{id} 404 answered application/json; documented: application/problem+json',
      expect.stringMatching(/^GET \/api\/v1\/users\/\{id\} 404: the body does not match the documented schema/),
    ]);
    selfTest.check(app, 'GET', '/api/v1/users/:id', 404, 'application/problem+json; charset=utf-8', JSON.stringify({ type: 'x', title: 'Not found', status: 404, code: 'not_found', detail: 'No user' }));
    expect(selfTest.violations).toHaveLength(4);
  });

  it('answers every operation within its document: strangers, missing and malformed ids, and every read', { timeout: 120_000 }, async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    // Paths name their ids after the collection before them ({id} of /teams) or themselves ({layerId}).
    const idFor = (path: string, name: string): string => {
      const segments = path.replace('/api/v1/', '').split('/');
      const index = segments.indexOf(`{${name}}`);
      if (name === 'layerId') return ids['layers'] ?? missingId;
      if (name === 'userId') return ids['users'] ?? missingId;
      const collection = segments.slice(0, index).filter((s) => !s.startsWith('{')).slice(-2).join('/');
      return ids[collection] ?? ids[segments[index - 1] ?? ''] ?? missingId;
    };
    const call = (caller: Caller, method: string, url: string) =>
      method === 'GET' ? caller.get(url) : method === 'DELETE' ? caller.delete(url) : method === 'POST' ? caller.post(url, {}) : method === 'PUT' ? caller.put(url, {}) : caller.patch(url, {});
    const fill = (path: string, value: (name: string) => string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));
    for (const { path, method } of operations) {
      if (path.startsWith('/api/v1/test/')) continue;
      await call(t.anonymous, method, fill(path, () => missingId));
      if (['POST', 'PUT', 'PATCH'].includes(method)) {
        await t.vigil.app.inject({ method: method as 'POST', url: fill(path, () => missingId), headers: { 'content-type': 'application/json' }, payload: '{"truncated":' });
      }
      if (path.includes('{')) {
        await call(t.admin, method, fill(path, () => missingId));
        await call(t.admin, method, fill(path, () => 'not-an-id'));
      }
      // Ranges are required where a read covers a span of time.
      const range = /timeline|hours|fairness|overrides|fixed-shifts|analytics/.test(path) ? '?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z' : '';
      if (method === 'GET') await t.admin.get(`${fill(path, (name) => idFor(path, name))}${range}`);
    }
    const seen = [...contract.seen];
    const answered = (key: string, from: number, to: number) => seen.some((s) => s.startsWith(`${key} `) && Number(s.split(' ').at(-1)) >= from && Number(s.split(' ').at(-1)) < to);
    const tested = operations.filter(({ path }) => !path.startsWith('/api/v1/test/'));
    const keys = tested.map(({ path, method }) => `${method} ${path}`);
    // Some operations can only fail when the database does (503; the chaos tests cover that).
    const refusing = tested.filter(({ op }) => Object.keys(op.responses).some((s) => s.startsWith('4'))).map(({ path, method }) => `${method} ${path}`);
    expect(refusing.filter((key) => !answered(key, 400, 500)), 'operations never answered with an error').toEqual([]);
    const reads = keys.filter((key) => key.startsWith('GET ') && !/calendar\.ics|integrations|oidc/.test(key));
    expect(reads.filter((key) => !answered(key, 200, 300)), 'reads never answered with success').toEqual([]);
  });
});
