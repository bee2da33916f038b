import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's response serializers, each compiled at its first use instead of at start-up.
 *
 * Fastify compiles a fast-json-stringify function for every status of every route when
 * the server starts: ~200 here (most of them error answers that a route rarely sends),
 * each a generated function of ~16 KB of source with its own compiled code, ~6 MiB of heap
 * that every server carries. A route's serializer is now compiled when that route first
 * answers with that status; the functions are the same. A schema that fast-json-stringify
 * cannot compile would fail at that answer rather than at start:
 * test/integration/response-serializers.test.ts compiles every route's eagerly.
 */
export function lazySerializers(build: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc) => (serialize ??= compile(route))(doc);
    };
  };
}
