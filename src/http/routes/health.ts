import { sql } from 'kysely';
import { Gauge } from 'prom-client';
import { Type } from 'typebox';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { RETRY_AFTER_SECONDS } from '../problem.js';

const Loop = Type.Object({
  name: Type.String(),
  healthy: Type.Boolean(),
  failingSince: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});

const Health = Type.Object({
  status: Type.Enum(['ok', 'unavailable']),
  database: Type.String(),
  /** Why the node is unhealthy, for a human reading a probe's output. */
  reason: Type.Optional(Type.String()),
  loops: Type.Array(Loop),
});

/**
 * Healthy means this node can page: the database answers and no background loop
 * (engine, check scheduler, …) is failing. A load balancer or orchestrator acts on the
 * 503; the body says why.
 */
export function healthRoutes(app: Api, { database, loops, registry }: HttpDeps): void {
  new Gauge({
    name: 'vigil_loop_healthy',
    help: '1 while a background loop of this node works, 0 while it fails and retries',
    labelNames: ['loop'] as const,
    registers: [registry],
    collect() {
      for (const l of loops()) this.set({ loop: l.name }, l.healthy ? 1 : 0);
    },
  });
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Whether this node can page: database reachable and every background loop healthy', response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const statuses = loops().map((l) => ({ ...l, failingSince: l.failingSince === null ? null : new Date(l.failingSince).toISOString() }));
      const reasons: string[] = [];
      try {
        await sql`select 1`.execute(database.db);
      } catch (err) {
        reasons.push(`database unreachable: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const l of statuses) if (!l.healthy) reasons.push(`${l.name} failing since ${l.failingSince}: ${l.reason}`);
      if (reasons.length === 0) return { status: 'ok' as const, database: database.dialect, loops: statuses };
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ status: 'unavailable' as const, database: database.dialect, reason: reasons.join('; '), loops: statuses });
    },
  );

  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
