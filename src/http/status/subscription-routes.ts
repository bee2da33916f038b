import type { FastifyInstance, FastifyReply } from 'fastify';
import { statusDelivery } from '../../channels/status-delivery.js';
import { escapeMarkup } from '../../core/escape-markup.js';
import { normaliseEmail, normaliseWebhookUrl } from '../../core/status-page/subscriber-address.js';
import { HOUR } from '../../core/time/units.js';
import { confirmTokenHash, verifyUnsubscribeToken } from '../../security/status-subscription-token.js';
import { statusLinks } from '../../service/status-notices.js';
import { requestConfirmation } from '../../service/status-subscriptions.js';
import { feedHistory } from '../../store/status-feed.js';
import { findStatusPageBySlug, type StatusPageRow } from '../../store/status-pages.js';
import { confirmSubscription, findSubscriber, removeSubscriber } from '../../store/status-subscribers.js';
import type { HttpDeps } from '../deps.js';
import { FixedWindowCounter } from '../fixed-window-counter.js';
import { statusFeed } from './feed-document.js';
import { statusHtml } from './html-shell.js';

type Form = Record<string, string>;

/** Public pages, not API operations: they stay out of the OpenAPI document. */
const hidden = { schema: { hide: true } };

/** Subscriptions and feeds may be had by whoever may read the page; readers and mailboxes carry no login, so only public pages have them. */
const followable = (page: StatusPageRow) => page.access === 'public';

/**
 * The public side of status page subscribers: the subscribe form's POST, confirmation and
 * unsubscribe links (GET shows a button, POST acts, so link scanners change nothing; an
 * RFC 8058 one-click POST works without the page), and the Atom and RSS feeds.
 * Registered in its own scope: it parses HTML form posts.
 */
export async function statusSubscriberRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const { database, clock, config, logger } = deps;
  const delivery = statusDelivery({ smtpUrl: config.smtpUrl, emailFrom: config.emailFrom, secret: config.secret, destinationPolicy: config.destinationPolicy, now: () => clock.now() });
  // Blunt floods of confirmation messages: per client address, and per subscribed address.
  const perClient = new FixedWindowCounter(20, HOUR);
  const perAddress = new FixedWindowCounter(3, HOUR);

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    // RFC 8058 asks mail clients to send the one-click POST as multipart/form-data (urlencoded
    // may be used): its only field says what the URL already does, so the body is not read.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}));

    const answer = (reply: FastifyReply, page: StatusPageRow, status: number, title: string, body: string) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(statusHtml({ title: `${title} · ${page.name}`, page: { name: page.name, accentColor: page.accent_color, home: `/status/${encodeURIComponent(page.slug)}` }, body: `<h1>${escapeMarkup(title)}</h1>${body}`, noindex: true }));

    const back = (page: StatusPageRow) => `<p><a href="/status/${encodeURIComponent(page.slug)}">Back to ${escapeMarkup(page.name)} status</a></p>`;

    async function pageFor(slug: string, reply: FastifyReply): Promise<StatusPageRow | null> {
      const page = await findStatusPageBySlug(database.db, slug);
      if (page && followable(page)) return page;
      await reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found');
      return null;
    }

    scope.post<{ Params: { slug: string }; Body: Form | undefined }>('/status/:slug/subscribe', hidden, async (req, reply) => {
      const page = await pageFor(req.params.slug, reply);
      if (!page) return reply;
      const now = clock.now();
      const form = req.body ?? {};
      const email = form['email'] !== undefined && delivery.email ? normaliseEmail(form['email']) : null;
      const webhook = form['webhook'] !== undefined ? normaliseWebhookUrl(form['webhook']) : null;
      const address = email ?? webhook;
      if (!address) {
        const what = form['webhook'] !== undefined ? 'an http(s) URL' : delivery.email ? 'an email address' : 'a webhook URL (email is not set up here)';
        return answer(reply, page, 400, 'That address does not work', `<p>Enter ${what}.</p>${back(page)}`);
      }
      if (!perClient.take(req.ip, now) || !perAddress.take(`${page.id}:${address}`, now)) {
        return answer(reply, page, 429, 'Too many requests', `<p>Try again in an hour.</p>${back(page)}`);
      }
      await requestConfirmation({ database, delivery, logger, baseUrl: config.baseUrl }, page, email ? 'email' : 'webhook', address, now);
      // The same answer whether the address is new, waiting or already subscribed.
      const where = email ? `an email to <b>${escapeMarkup(email)}</b>` : 'a POST to the webhook';
      return answer(reply, page, 200, 'Check your inbox', `<p>If the address can receive updates, ${where} carries a link to confirm. It works for 48 hours.</p>${back(page)}`);
    });

    const confirmPath = '/status/:slug/subscribe/confirm';
    scope.get<{ Params: { slug: string }; Querystring: { token?: string } }>(confirmPath, hidden, async (req, reply) => {
      const page = await pageFor(req.params.slug, reply);
      if (!page) return reply;
      const token = req.query.token ?? '';
      return answer(
        reply,
        page,
        200,
        'Confirm your subscription',
        `<p>Receive ${escapeMarkup(page.name)} status updates?</p><form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">Confirm subscription</button></form>`,
      );
    });

    scope.post<{ Params: { slug: string }; Querystring: { token?: string } }>(confirmPath, hidden, async (req, reply) => {
      const page = await pageFor(req.params.slug, reply);
      if (!page) return reply;
      const result = await confirmSubscription(database.db, page.id, confirmTokenHash(req.query.token ?? ''), clock.now());
      if (result.outcome === 'expired') return answer(reply, page, 410, 'This link has expired', `<p>Subscribe again for a new link.</p>${back(page)}`);
      if (result.outcome !== 'confirmed') return answer(reply, page, 404, 'This link is not valid', `<p>It may have been used already.</p>${back(page)}`);
      const s = result.subscriber;
      const key = s.kind === 'webhook' ? `<p>Notices are signed (X-Vigil-Signature) with the key <code>${escapeMarkup(delivery.signingKey(s.address))}</code>.</p>` : '';
      return answer(reply, page, 200, 'Subscribed', `<p>${escapeMarkup(s.address)} will receive ${escapeMarkup(page.name)} status updates. Every one has an unsubscribe link.</p>${key}${back(page)}`);
    });

    const unsubscribePath = '/status/:slug/unsubscribe';
    scope.get<{ Params: { slug: string }; Querystring: { token?: string } }>(unsubscribePath, hidden, async (req, reply) => {
      const page = await pageFor(req.params.slug, reply);
      if (!page) return reply;
      const token = req.query.token ?? '';
      const id = verifyUnsubscribeToken(token, config.secret);
      const subscriber = id === null ? undefined : await findSubscriber(database.db, page.id, id);
      if (!subscriber) return answer(reply, page, 200, 'Not subscribed', `<p>This address receives no updates from this page.</p>${back(page)}`);
      return answer(
        reply,
        page,
        200,
        'Unsubscribe?',
        `<p>Stop sending ${escapeMarkup(page.name)} status updates to ${escapeMarkup(subscriber.address)}?</p><form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">Unsubscribe</button></form>`,
      );
    });

    // Also the RFC 8058 one-click POST (body List-Unsubscribe=One-Click), which reads only the status.
    scope.post<{ Params: { slug: string }; Querystring: { token?: string } }>(unsubscribePath, hidden, async (req, reply) => {
      const page = await pageFor(req.params.slug, reply);
      if (!page) return reply;
      const id = verifyUnsubscribeToken(req.query.token ?? '', config.secret);
      if (id === null) return answer(reply, page, 400, 'This link is not valid', back(page));
      const removed = await removeSubscriber(database.db, page.id, id);
      if (removed) logger.info({ pageId: page.id, subscriberId: removed.id }, 'status page subscriber unsubscribed');
      return answer(reply, page, 200, 'Unsubscribed', `<p>No more ${escapeMarkup(page.name)} status updates will be sent there.</p>${back(page)}`);
    });

    for (const format of ['atom', 'rss'] as const) {
      scope.get<{ Params: { slug: string } }>(`/status/:slug/feed.${format}`, hidden, async (req, reply) => {
        const page = await pageFor(req.params.slug, reply);
        if (!page) return reply;
        const history = await feedHistory(database.db, page.id);
        const pageUrl = statusLinks(config.baseUrl, page.slug).page;
        const feed = await statusFeed({ page: { name: page.name, description: page.description, timeZone: page.time_zone }, pageUrl, ...history, now: clock.now() });
        return reply
          .type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(format === 'atom' ? feed.atom1() : feed.rss2());
      });
    }
  });
}
