import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';

export function healthRoutes(app: Api, { database }: HttpDeps, registry: Registry): void {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness and database reachability', response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) } } },
    async (req) => {
      try {
        await sql`select 1`.execute(database.db);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        throw new AppError('unavailable', 'The database is unreachable');
      }
      return { status: 'ok' as const, database: database.dialect };
    },
  );

  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
