import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { describe, expect, it } from 'vitest';
import { lazySerializers } from './lazy-serializers.js';

/** fast-json-stringify's factory, counting the functions it compiles. */
function countingFactory() {
  const compiled: string[] = [];
  const build: ReturnType<typeof SerializerSelector> = (externalSchemas, options) => {
    const compile = SerializerSelector()(externalSchemas, options);
    return (route) => {
      compiled.push(`${route.method} ${route.url} ${route.httpStatus}`);
      return compile(route);
    };
  };
  return { build, compiled };
}

const Thing = { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } }, required: ['id'] };
const Problem = { $id: 'Problem', type: 'object', properties: { title: { type: 'string' } } };

describe('lazySerializers', () => {
  it('compiles a route status at its first answer, once, and answers as fast-json-stringify does', () => {
    const { build, compiled } = countingFactory();
    const compiler = lazySerializers(build)({ Problem }, {});
    const ok = compiler({ method: 'GET', url: '/things/:id', httpStatus: '200', schema: Thing });
    const notFound = compiler({ method: 'GET', url: '/things/:id', httpStatus: '404', schema: { $ref: 'Problem#' } });
    expect(compiled).toEqual([]);

    // Properties outside the schema are left out and numbers coerced: the schema's serializer ran.
    expect(ok({ id: 'a', count: '3', secret: 'x' })).toBe('{"id":"a","count":3}');
    expect(ok({ id: 'b' })).toBe('{"id":"b"}');
    expect(compiled).toEqual(['GET /things/:id 200']);

    expect(notFound({ title: 'Not found', stack: 'at …' })).toBe('{"title":"Not found"}');
    expect(compiled).toEqual(['GET /things/:id 200', 'GET /things/:id 404']);
  });

  it('fails at the first answer for a schema that cannot compile, and at each one after', () => {
    const compiler = lazySerializers()({}, {});
    const broken = compiler({ method: 'GET', url: '/broken', httpStatus: '200', schema: { $ref: 'Missing#' } });
    expect(() => broken({})).toThrow(/Missing/);
    expect(() => broken({})).toThrow(/Missing/);
  });
});
