import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../core/errors.js';
import type { UserRow } from '../store/schema.js';
import { createSession } from '../store/sessions.js';
import { createLoginChallenge, findTotp, isTotpOn, isTwoFactorRequired } from '../store/two-factor.js';
import { sessionCookie } from './auth.js';
import type { HttpDeps } from './deps.js';
import { User, toUser } from './schemas/user.js';

export const Session = Type.Object({
  user: User,
  csrfToken: Type.String(),
  mustEnrolTwoFactor: Type.Boolean({ description: 'Two-factor is required and not set up: only /me/two-factor answers until it is' }),
});

export const SecondFactorChallenge = Type.Object({
  secondFactorRequired: Type.Literal(true),
  challenge: Type.String({ description: 'Send it with a code to POST /auth/login/second-factor within 5 minutes' }),
});

/** Opens a session and sets its cookie; the answer is what login endpoints return. */
export async function startSession(reply: FastifyReply, { database: { db }, clock, config }: HttpDeps, user: UserRow, mustEnrolTwoFactor: boolean) {
  const session = await createSession(db, user.id, clock.now(), mustEnrolTwoFactor);
  reply.setCookie(sessionCookie, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.baseUrl.startsWith('https://'),
    expires: new Date(session.expiresAt),
  });
  return { user: toUser(user), csrfToken: session.csrfToken, mustEnrolTwoFactor };
}

/**
 * After a right password: a user with two-factor gets a challenge to answer with a code;
 * one without gets a session, limited to setting it up when the owners require it.
 */
export async function completePasswordLogin(reply: FastifyReply, deps: HttpDeps, user: UserRow) {
  const { db } = deps.database;
  // With single sign-on enforced, owners keep their password as a way in when the identity provider is down.
  if (deps.config.oidc?.only && user.role !== 'owner') throw new AppError('password_login_disabled');
  const totp = await findTotp(db, user.id);
  if (isTotpOn(totp)) {
    return { secondFactorRequired: true as const, challenge: await createLoginChallenge(db, user.id, deps.clock.now()) };
  }
  return startSession(reply, deps, user, await isTwoFactorRequired(db));
}
