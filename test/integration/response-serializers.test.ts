import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../support/test-app.js';

// The server compiles each response serializer at its first use (src/http/lazy-serializers.ts),
// so a schema fast-json-stringify cannot compile would only fail when a route first answers
// with that status. Here every one is compiled as the server starts, as Fastify does by
// default: such a schema fails this suite's start instead.
const compiled = vi.hoisted(() => new Set<string>());
vi.mock('../../src/http/lazy-serializers.js', async () => {
  const { SerializerSelector } = await import('@fastify/fast-json-stringify-compiler');
  const eager: ReturnType<typeof SerializerSelector> = (externalSchemas, options) => {
    const compile = SerializerSelector()(externalSchemas, options);
    return (route) => {
      const serialize = compile(route);
      compiled.add(`${route.method} ${route.url} ${route.httpStatus}`);
      return serialize;
    };
  };
  return { lazySerializers: () => eager };
});

// Response schemas do not depend on the database, so one (SQLite) is enough here.
describe('response serializers', () => {
  const t = useTestApp('sqlite');

  it('compile for every status of every route', async () => {
    expect((await t.anonymous.get('/healthz')).status).toBe(200);
    expect(compiled.size).toBeGreaterThan(150);
    for (const route of ['GET /api/v1/incidents 200', 'POST /api/v1/integrations/pagerduty/v2/enqueue 202', 'GET /api/v1/incidents/:id 404']) {
      expect(compiled, route).toContain(route);
    }
  });
});
