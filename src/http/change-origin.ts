import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Clock } from '../kernel/clock.js';
import { withChangeOrigin, type ChangeOrigin } from '../kernel/change-origin.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Records nothing in the audit log (alert intake): its handler runs without a change origin. */
    unaudited?: boolean;
  }
}

/**
 * Runs every API handler on behalf of its request's origin for the audit log: whoever
 * authentication found, the client address Fastify reports (behind a reverse proxy, the
 * proxy's unless trustProxy is configured), the User-Agent, and the injected clock's time.
 * The handler, not the whole request: the origin is tracked only while a handler is under
 * way (see src/kernel/change-origin.ts), and routes marked `unaudited` (every alert a sender
 * pushes) are not tracked at all.
 */
export function registerChangeOrigin(api: FastifyInstance, clock: Clock): void {
  api.addHook('onRoute', (route) => {
    if (route.config?.unaudited) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (req, reply) {
      return withChangeOrigin(() => originOf(req, clock), () => handler.call(this, req, reply));
    };
  });
}

function originOf(req: FastifyRequest, clock: Clock): ChangeOrigin {
  return {
    actorId: req.actor?.user.id ?? null,
    actorEmail: req.actor?.user.email ?? null,
    via: req.actor?.via ?? 'anonymous',
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    at: clock.now(),
  };
}
