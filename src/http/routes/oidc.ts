import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { AccountRefused, userForOidcLogin } from '../../service/oidc-accounts.js';
import type { Api } from '../app-types.js';
import { ProblemRef } from '../schemas/problem.js';
import type { HttpDeps } from '../deps.js';
import { startSession } from '../login-session.js';
import { OidcLoginError, OidcRelyingParty, pendingLoginLifetimeMs } from '../oidc-relying-party.js';

const pendingCookie = 'vigil_oidc';
const cookiePath = '/api/v1/auth/oidc';

// What providers send back (RFC 6749 4.1.2, RFC 9207 iss); others they add are passed on too.
const CallbackParam = Type.String({ maxLength: 4096 });
const CallbackQuery = Type.Object(
  { code: Type.Optional(CallbackParam), state: Type.Optional(CallbackParam), iss: Type.Optional(CallbackParam), error: Type.Optional(CallbackParam), error_description: Type.Optional(CallbackParam) },
  { additionalProperties: CallbackParam },
);

const Methods = Type.Object({
  password: Type.Boolean({ description: 'False with VIGIL_OIDC_ONLY=1 (owners may still use a password)' }),
  sso: Type.Union([Type.Object({ label: Type.String(), startUrl: Type.String() }), Type.Null()]),
});

/** Single sign-on with OpenID Connect: the login page's button starts it, the provider calls back. */
export function oidcRoutes(api: Api, deps: HttpDeps): void {
  const { config, clock, logger, database: { db } } = deps;
  const tags = ['auth'];
  const party = config.oidc && new OidcRelyingParty(config.oidc, `${config.baseUrl}${cookiePath}/callback`, config.secret);
  const secure = config.baseUrl.startsWith('https://');

  api.get(
    '/auth/methods',
    { config: { public: true }, schema: { tags, summary: 'How one can log in here: for the login page', response: { 200: Methods } } },
    async () => ({
      password: !config.oidc?.only,
      sso: config.oidc ? { label: config.oidc.label, startUrl: `/api/v1/auth/oidc/start` } : null,
    }),
  );

  api.get(
    '/auth/oidc/start',
    {
      config: { public: true },
      schema: { tags, summary: "Redirects the browser to the identity provider's login (authorization code flow with PKCE)", response: { 302: Type.Null(), 404: ProblemRef } },
    },
    async (_req, reply) => {
      if (!party) throw new AppError('not_found', 'Single sign-on is not configured');
      let start: { url: string; cookie: string };
      try {
        start = await party.start(clock.now());
      } catch (err) {
        logger.warn({ err: String(err) }, 'single sign-on: identity provider unreachable');
        return reply.redirect('/login?ssoError=provider_unreachable', 302);
      }
      reply.setCookie(pendingCookie, start.cookie, { path: cookiePath, httpOnly: true, sameSite: 'lax', secure, maxAge: pendingLoginLifetimeMs / 1000 });
      return reply.redirect(start.url, 302);
    },
  );

  api.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Where the identity provider sends the browser back: opens a session and redirects to the UI',
        querystring: CallbackQuery,
        response: { 302: Type.Null(), 404: ProblemRef },
      },
    },
    async (req, reply) => {
      if (!party) throw new AppError('not_found', 'Single sign-on is not configured');
      const cookie = req.cookies[pendingCookie];
      reply.clearCookie(pendingCookie, { path: cookiePath });
      try {
        const claims = await party.finish(new URL(req.url, config.baseUrl).search, cookie, clock.now());
        const user = await userForOidcLogin(db, logger, { issuer: party.config.issuer, claims, mapping: party.config.mapping, now: clock.now() });
        // Two-factor is the identity provider's business for these logins.
        await startSession(reply, deps, user, false);
        return reply.redirect('/', 302);
      } catch (err) {
        const reason = err instanceof OidcLoginError || err instanceof AccountRefused ? err.reason : 'rejected';
        // The error names what failed (state, nonce, signature), never tokens or codes.
        logger.warn({ reason, err: err instanceof Error ? err.message : String(err) }, 'single sign-on login refused');
        return reply.redirect(`/login?ssoError=${reason}`, 302);
      }
    },
  );
}
