import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { findApiTokenUser, looksLikeApiToken } from '../store/api-tokens.js';
import type { Role, UserRow } from '../store/schema.js';
import { findSessionUser } from '../store/sessions.js';
import type { HttpDeps } from './deps.js';
import { hasRole } from './roles.js';

export interface Actor {
  user: UserRow;
  via: 'session' | 'token';
  /** Set for cookie sessions: unsafe requests must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  /** Two-factor is required and this user has none yet: only enrolment routes answer. */
  mustEnrolTwoFactor: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token. */
    public?: boolean;
    /** Reachable by a session that must set up two-factor before anything else. */
    duringTwoFactorEnrolment?: boolean;
  }
}

export const sessionCookie = 'vigil_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(req: FastifyRequest, deps: HttpDeps): Promise<Actor | null> {
  const now = deps.clock.now();
  const header = req.headers.authorization;
  if (header !== undefined && !(req.routeOptions.config.public && !isBearer(header))) {
    const token = header.split(' ')[1];
    if (!isBearer(header) || !token || !looksLikeApiToken(token)) {
      throw new AppError('unauthenticated', 'Authorization must be "Bearer vgl_…" with a personal API token');
    }
    const user = await findApiTokenUser(deps.database.db, token, now);
    if (!user) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
    return { user, via: 'token', csrfToken: null, mustEnrolTwoFactor: false };
  }
  const cookie = req.cookies[sessionCookie];
  if (!cookie) return null;
  const session = await findSessionUser(deps.database.db, cookie, now);
  return session ? { user: session.user, via: 'session', csrfToken: session.csrfToken, mustEnrolTwoFactor: session.mustEnrolTwoFactor } : null;
}

/**
 * On a public route (an integration endpoint, the login) only a Bearer token is Vigil's
 * to judge: a sender configured with Basic or other credentials for a proxy in front of
 * Vigil (Alertmanager's http_config, Grafana's contact points) must not lose its alert.
 */
function isBearer(header: string): boolean {
  return header.split(' ')[0]?.toLowerCase() === 'bearer';
}

/**
 * Every route in the scope requires an authenticated actor unless its config says
 * `public: true`. Cookie sessions must also prove same-origin intent on writes.
 */
export function registerAuthentication(api: FastifyInstance, deps: HttpDeps): void {
  api.decorateRequest('actor', null);
  // A callback hook, so a request with no credentials (every alert a sender pushes) costs
  // no promise; one with a token or a session cookie waits for its lookup.
  api.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    const admit = (actor: Actor | null) => {
      req.actor = actor;
      done(refusal(req) ?? undefined);
    };
    if (req.headers.authorization === undefined && !req.cookies[sessionCookie]) return admit(null);
    authenticate(req, deps).then(admit, done);
  });
}

/** Why the route refuses this request's actor (none, a cross-site write, two-factor to set up), if it does. */
function refusal(req: FastifyRequest): AppError | null {
  if (req.routeOptions.config.public) return null;
  if (!req.actor) return new AppError('unauthenticated', 'Log in or send "Authorization: Bearer <API token>"');
  if (req.actor.via === 'session' && !safeMethods.has(req.method) && req.headers['x-csrf-token'] !== req.actor.csrfToken) {
    return new AppError('csrf_failed');
  }
  if (req.actor.mustEnrolTwoFactor && !req.routeOptions.config.duringTwoFactorEnrolment) return new AppError('two_factor_enrolment_required');
  return null;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function requireRole(req: FastifyRequest, atLeast: Role): Actor {
  const actor = actorOf(req);
  if (!hasRole(actor.user.role, atLeast)) throw new AppError('forbidden', `This needs the ${atLeast} role or higher`);
  return actor;
}
