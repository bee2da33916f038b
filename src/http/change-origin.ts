import type { FastifyInstance } from 'fastify';
import type { Clock } from '../kernel/clock.js';
import { withChangeOrigin } from '../kernel/change-origin.js';

/**
 * Binds every API request to its origin for the audit log: whoever authentication finds
 * (read when a change is recorded, so the hook's order does not matter), the client
 * address Fastify reports (behind a reverse proxy, the proxy's unless trustProxy is
 * configured), the User-Agent, and the injected clock's time.
 */
export function registerChangeOrigin(api: FastifyInstance, clock: Clock): void {
  // A callback hook, not an async one: `done` must run inside the context for the
  // following hooks and the handler to inherit it.
  api.addHook('onRequest', (req, _reply, done) => {
    withChangeOrigin(
      () => ({
        actorId: req.actor?.user.id ?? null,
        actorEmail: req.actor?.user.email ?? null,
        via: req.actor?.via ?? 'anonymous',
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        at: clock.now(),
      }),
      done,
    );
  });
}
