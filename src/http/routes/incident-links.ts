import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { verifyLink, type LinkClaim } from '../../security/signed-link.js';
import { mayActOnIncident } from '../../service/incident-access.js';
import { actOnIncident } from '../../service/incidents.js';
import { getIncident } from '../../store/incidents.js';
import { findUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { escapeMarkup } from '../../core/escape-markup.js';

const page = (reply: FastifyReply, status: number, title: string, body: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeMarkup(title)} · Vigil</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto"><h1>${escapeMarkup(title)}</h1>${body}</body></html>`);

const verbs = { acknowledge: 'Acknowledge', resolve: 'Resolve' } as const;

/**
 * Signed links from notification emails act without a login. Opening one shows a
 * confirmation page; only its POST acts, so mail scanners that fetch links do not
 * acknowledge incidents by themselves. Register it in its own scope: it accepts form posts.
 */
export function incidentLinkRoutes(api: Api, { database, clock, config, wakeEngine }: HttpDeps): void {
  // The confirmation page posts an empty HTML form; the token is in the query string.
  api.addContentTypeParser('application/x-www-form-urlencoded', (_req, _payload, done) => done(null, undefined));
  const Query = Type.Object({ token: Type.String({ minLength: 10, maxLength: 1000 }) }, { additionalProperties: false });
  const schema = { tags: ['incidents'], querystring: Query, hide: true };

  async function check(token: string, reply: FastifyReply): Promise<LinkClaim | null> {
    const result = verifyLink(token, config.secret, clock.now());
    if (!result.ok) {
      await page(reply, result.reason === 'expired' ? 410 : 400, result.reason === 'expired' ? 'This link has expired' : 'This link is not valid', `<p>Open Vigil to act on the incident.</p>`);
      return null;
    }
    return result.claim;
  }

  api.get('/incident-links', { config: { public: true }, schema }, async (req, reply) => {
    const claim = await check(req.query.token, reply);
    if (!claim) return reply;
    const incident = await getIncident(database.db, claim.incidentId);
    return page(
      reply,
      200,
      `${verbs[claim.action]} “${incident.title}”?`,
      `<p>The incident is <b>${escapeMarkup(incident.status)}</b>.</p><form method="post" action="?token=${encodeURIComponent(req.query.token)}"><button type="submit">${verbs[claim.action]}</button></form>`,
    );
  });

  api.post('/incident-links', { config: { public: true }, schema }, async (req, reply) => {
    const claim = await check(req.query.token, reply);
    if (!claim) return reply;
    const user = await findUser(database.db, claim.userId);
    if (!user) return page(reply, 403, 'This link is not valid', '<p>Its user no longer exists.</p>');
    // The link proves who was paged, not what they may do today: their rights are checked now.
    if (!(await mayActOnIncident(database.db, user, claim.incidentId, config.incidentActions))) {
      return page(reply, 403, 'You can no longer act on this incident', `<p>${escapeMarkup(user.name)}, your role or team has changed since this page was sent. Ask an admin or the team's manager.</p>`);
    }
    try {
      const incident = await actOnIncident(database, claim.incidentId, { type: claim.action, by: user.id }, clock.now());
      wakeEngine();
      return page(reply, 200, `${incident.title}: ${incident.status}`, `<p>Done, ${escapeMarkup(user.name)}.</p>`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'incident_resolved') return page(reply, 409, 'Already resolved', '<p>Nothing left to do.</p>');
      throw err;
    }
  });
}
