import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { burnPasswordCheck, verifyPassword } from '../../security/password.js';
import { deleteSession } from '../../store/sessions.js';
import { findUserByEmail } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { assertWithinLimit, FixedWindowCounter } from '../fixed-window-counter.js';
import { actorOf, sessionCookie } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { completePasswordLogin, SecondFactorChallenge, Session } from '../login-session.js';
import { toUser } from '../schemas/user.js';

const Login = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export function authRoutes(api: Api, deps: HttpDeps): void {
  const { database: { db }, clock } = deps;
  const failures = new FixedWindowCounter(10, 15 * 60_000);
  // Spraying one password over many accounts dodges the per-account lockout; this caps
  // an address's failures across all accounts. Successes never reset it.
  const addressFailures = new FixedWindowCounter(30, 15 * 60_000);
  api.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password; sets the session cookie, or asks for a second factor',
        body: Login,
        response: { 200: Type.Union([Session, SecondFactorChallenge]) },
      },
    },
    async (req, reply) => {
      // Counted per address and account, so one attacker cannot lock everyone out.
      const key = `${req.ip}|${req.body.email.trim().toLowerCase()}`;
      assertWithinLimit(addressFailures, req.ip, clock.now(), 'Too many failed logins from this address; try again later');
      assertWithinLimit(failures, key, clock.now(), 'Too many failed logins for this account; try again later');
      const user = await findUserByEmail(db, req.body.email);
      const ok = user?.password_hash ? await verifyPassword(req.body.password, user.password_hash) : await burnPasswordCheck(req.body.password).then(() => false);
      if (!user || !ok) {
        failures.take(key, clock.now());
        addressFailures.take(req.ip, clock.now());
        throw new AppError('invalid_credentials');
      }
      failures.reset(key);
      return completePasswordLogin(reply, deps, user);
    },
  );

  api.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) await deleteSession(db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/auth/session',
    {
      config: { duringTwoFactorEnrolment: true },
      schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token for writes', response: { 200: Session } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.via !== 'session' || actor.csrfToken === null) throw new AppError('unauthenticated', 'No session: API tokens have no session');
      return { user: toUser(actor.user), csrfToken: actor.csrfToken, mustEnrolTwoFactor: actor.mustEnrolTwoFactor };
    },
  );
}
