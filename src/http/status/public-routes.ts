import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StatusIncidentView, StatusPageView } from '../../core/status-page/view.js';
import { verifyPassword } from '../../security/password.js';
import { pageAccessCookie, signPageAccess, verifyPageAccess, ACCESS_DAYS } from '../../security/status-page-access.js';
import { loadStatusPageView } from '../../service/status-page-view.js';
import { findSessionUser } from '../../store/sessions.js';
import { findStatusPageBySlug, getStatusPageLogo, type StatusPageRow } from '../../store/status-pages.js';
import { findMembership } from '../../store/teams.js';
import { sessionCookie } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { FixedWindowCounter } from '../fixed-window-counter.js';
import { hasRole } from '../roles.js';
import { notFoundPage, passwordForm, teamGate } from './gate-html.js';
import { renderIncidentPage, renderStatusPage, type RenderContext } from './page-html.js';
import { compressed, negotiateEncoding, notModified, VersionedCache, type Rendered } from './render-cache.js';
import { subscribeForm } from './subscribe-form.js';
import { statusSummary } from './summary-json.js';

/** How long a rendered page may be served before states and uptime are read again. */
export const STATUS_TTL_MS = 15_000;

// No script may run, and nothing but this origin's images and the inline styles load.
const CSP_BASE = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const HTML = 'text/html; charset=utf-8';

type Params = { slug: string };

/**
 * The public side of status pages: the page, one incident's history, summary.json and the
 * logo, under /status/<slug>/ (and at / on the page's custom domain, see CustomDomains).
 * Renders come from a per-node cache checked against the page's version on each request;
 * password and team pages are gated first and never stored by browsers or proxies.
 */
export async function statusPublicRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const { database, clock, config } = deps;
  const db = database.db;
  const views = new VersionedCache<StatusPageView>(STATUS_TTL_MS, 200);
  const renders = new VersionedCache<Rendered>(STATUS_TTL_MS, 1000);
  const wrongPasswords = new FixedWindowCounter(10, 15 * 60_000);
  const secure = config.baseUrl.startsWith('https://');
  const CSP = secure ? `${CSP_BASE}; upgrade-insecure-requests` : CSP_BASE;

  /** On the page's custom domain links start at /, elsewhere at /status/<slug>. */
  const baseOf = (req: FastifyRequest, page: StatusPageRow) => (req.originalUrl !== req.url ? '' : `/status/${encodeURIComponent(page.slug)}`);

  const view = (page: StatusPageRow, now: number) => views.get(page.id, page.version, now, () => loadStatusPageView(db, page.id, now));

  function html(reply: FastifyReply, status: number, body: string): FastifyReply {
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', CSP)
      .send(body);
  }

  async function pageOf(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<StatusPageRow | null> {
    const page = await findStatusPageBySlug(db, req.params.slug);
    if (!page) html(reply, 404, notFoundPage());
    return page ?? null;
  }

  /** True when the visitor may read the page; otherwise the gate has answered. */
  async function admitted(req: FastifyRequest, reply: FastifyReply, page: StatusPageRow, base: string): Promise<boolean> {
    const now = clock.now();
    const shell = { name: page.name, accentColor: page.accent_color, home: base || '/' };
    if (page.access === 'password') {
      if (page.password_hash && verifyPageAccess(req.cookies[pageAccessCookie(page.id)], page.id, page.password_hash, config.secret, now)) return true;
      html(reply, 403, passwordForm(shell, `${base}/login`, null));
      return false;
    }
    if (page.access === 'team') {
      const token = req.cookies[sessionCookie];
      const session = token ? await findSessionUser(db, token, now) : undefined;
      const user = session && !session.mustEnrolTwoFactor ? session.user : undefined;
      // Reading is all a page offers: any member of the team (viewers too) and admins.
      if (user && (hasRole(user.role, 'admin') || (await findMembership(db, page.team_id, user.id)) !== undefined)) return true;
      html(reply, 403, teamGate(shell, `${config.baseUrl}/login`, user !== undefined));
      return false;
    }
    return true;
  }

  function send(req: FastifyRequest, reply: FastifyReply, page: StatusPageRow, rendered: Rendered, cors: boolean): FastifyReply {
    const open = page.access === 'public';
    reply
      .header('content-type', rendered.contentType)
      .header('etag', rendered.etag)
      .header('vary', 'Accept-Encoding')
      .header('content-security-policy', CSP)
      .header('cache-control', open ? `public, max-age=${STATUS_TTL_MS / 1000}` : 'private, no-store');
    if (!open) reply.header('x-robots-tag', 'noindex');
    if (cors && open) reply.header('access-control-allow-origin', '*');
    if (notModified(req.headers['if-none-match'], rendered.etag)) return reply.code(304).send();
    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? rendered.br : encoding === 'gzip' ? rendered.gzip : rendered.raw);
  }

  /** A gated, cached form of the page. */
  async function serve(
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    form: string,
    render: (view: StatusPageView, ctx: RenderContext, page: StatusPageRow) => { contentType: string; body: string },
    options: { cors?: boolean; found?: (view: StatusPageView) => boolean } = {},
  ): Promise<FastifyReply> {
    const page = await pageOf(req, reply);
    if (!page) return reply;
    const base = baseOf(req, page);
    if (!(await admitted(req, reply, page, base))) return reply;
    const now = clock.now();
    const v = await view(page, now);
    if (options.found && !options.found(v)) return html(reply, 404, notFoundPage());
    const rendered = await renders.get(`${page.id}|${form}|${base}`, page.version, now, () => {
      const made = render(v, { base }, page);
      return compressed(made.contentType, made.body);
    });
    return send(req, reply, page, rendered, options.cors ?? false);
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const hidden = { schema: { hide: true } };

    // Only public pages take subscribers (readers and mailboxes carry no login); email only with an SMTP server.
    const withSubscribe = (v: StatusPageView, ctx: RenderContext): RenderContext =>
      v.access === 'public' ? { ...ctx, subscribeForm: subscribeForm({ slug: v.slug, email: config.smtpUrl !== undefined, feeds: true }) } : ctx;

    scope.get<{ Params: Params }>('/status/:slug', hidden, (req, reply) =>
      serve(req, reply, 'page', (v, ctx) => ({ contentType: HTML, body: renderStatusPage(v, withSubscribe(v, ctx)) })),
    );

    scope.get<{ Params: Params; Querystring: unknown }>('/status/:slug/summary.json', hidden, (req, reply) =>
      serve(
        req,
        reply,
        'summary',
        (v, ctx, page) => {
          const url = page.custom_domain && ctx.base === '' ? `${new URL(config.baseUrl).protocol}//${page.custom_domain}/` : `${config.baseUrl}/status/${encodeURIComponent(page.slug)}`;
          return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(statusSummary(v, url)) };
        },
        { cors: true },
      ),
    );

    scope.get<{ Params: Params & { sid: string } }>('/status/:slug/incidents/:sid', hidden, (req, reply) =>
      serve(
        req,
        reply,
        `incident:${req.params.sid}`,
        (v, ctx) => ({ contentType: HTML, body: renderIncidentPage(v, v.incidents.find((i) => i.id === req.params.sid) as StatusIncidentView, ctx) }),
        { found: (v) => v.incidents.some((i) => i.id === req.params.sid) },
      ),
    );

    // Logos are shown on the password form too, so they are served to anyone; the ?v= of
    // the page's link names the image's hash, so a link's image never changes.
    scope.get<{ Params: Params; Querystring: { v?: string } }>('/status/:slug/logo', hidden, async (req, reply) => {
      const page = await pageOf(req, reply);
      if (!page) return reply;
      const logo = await getStatusPageLogo(db, page.id);
      if (!logo) return html(reply, 404, notFoundPage());
      const etag = `"${logo.sha256}"`;
      const pinned = typeof req.query.v === 'string' && req.query.v.length > 0 && logo.sha256.startsWith(req.query.v);
      reply
        .header('etag', etag)
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(logo.contentType).send(logo.data);
    });

    scope.post<{ Params: Params; Body: Record<string, string> | undefined }>('/status/:slug/login', hidden, async (req, reply) => {
      const page = await pageOf(req, reply);
      if (!page) return reply;
      const base = baseOf(req, page);
      const home = base || '/';
      if (page.access !== 'password') return reply.redirect(home, 303);
      const now = clock.now();
      const shell = { name: page.name, accentColor: page.accent_color, home };
      if (wrongPasswords.exhausted(req.ip, now)) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(wrongPasswords.msUntilReset(req.ip, now) / 1000))));
        return html(reply, 429, passwordForm(shell, `${base}/login`, 'Too many wrong passwords from your address. Try again in a few minutes.'));
      }
      const password = typeof req.body?.['password'] === 'string' ? req.body['password'].slice(0, 512) : '';
      if (!page.password_hash || !(await verifyPassword(password, page.password_hash))) {
        wrongPasswords.take(req.ip, now);
        return html(reply, 403, passwordForm(shell, `${base}/login`, 'That password is not right.'));
      }
      reply.setCookie(pageAccessCookie(page.id), signPageAccess(page.id, page.password_hash, config.secret, now), {
        path: home,
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: ACCESS_DAYS * 86_400,
      });
      return reply.header('cache-control', 'no-store').redirect(home, 303);
    });

    // Anything else under /status/ is a missing page, not the web UI.
    scope.get('/status', hidden, (_req, reply) => html(reply, 404, notFoundPage()));
    scope.get('/status/*', hidden, (_req, reply) => html(reply, 404, notFoundPage()));
  });
}

