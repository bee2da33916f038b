import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { maskAddress } from '../../core/status-page/subscriber-address.js';
import { audited } from '../../store/audit.js';
import { getStatusPage } from '../../store/status-pages.js';
import { listSubscribers, queuedEmailNotices, removeSubscriber } from '../../store/status-subscribers.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamManager, requireTeamMember } from '../permissions.js';
import { Id, Instant, toIso } from '../schemas/common.js';

const Subscriber = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('email'), Type.Literal('webhook')]),
  address: Type.String({ description: "Whole for the page team's managers and admins; masked (a…e@example.com, a webhook's origin) for its other members" }),
  confirmed: Type.Boolean({ description: 'false until the confirmation link is opened; only confirmed subscribers are sent updates' }),
  confirmedAt: Type.Union([Instant, Type.Null()]),
  createdAt: Instant,
  pending: Type.Integer({ description: 'Notices not sent yet' }),
  failed: Type.Integer({ description: 'Notices given up on (after retries, or refused by the destination policy)' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

const Subscribers = Type.Object({
  subscribers: Type.Array(Subscriber),
  emailDelivery: Type.Union([Type.Literal('configured'), Type.Literal('not_configured')], {
    description: 'not_configured: no VIGIL_SMTP_URL; email notices stay queued until one is set',
  }),
  queuedEmails: Type.Integer({ description: 'Email notices of this page waiting to be sent' }),
});

const Params = Type.Object({ id: Id, subscriberId: Id });

/** A status page's subscribers, for its team; they subscribe themselves on the public page. */
export function statusSubscriberAdminRoutes(api: Api, { database: { db }, config }: HttpDeps): void {
  const tags = ['status pages'];

  api.get(
    '/status-pages/:id/subscribers',
    { schema: { tags, summary: "A status page's subscribers and what waits to be sent to them", params: Type.Object({ id: Id }), response: { 200: Subscribers } } },
    async (req) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamMember(db, req, page.team_id);
      const whole = await requireTeamManager(db, req, page.team_id).then(
        () => true,
        () => false,
      );
      const subscribers = await listSubscribers(db, page.id);
      return {
        subscribers: subscribers.map((s) => ({
          id: s.id,
          kind: s.kind,
          address: whole ? s.address : maskAddress(s.kind, s.address),
          confirmed: s.confirmedAt !== null,
          confirmedAt: s.confirmedAt === null ? null : toIso(s.confirmedAt),
          createdAt: toIso(s.createdAt),
          pending: s.pending,
          failed: s.failed,
          lastError: s.lastError,
        })),
        emailDelivery: config.smtpUrl ? ('configured' as const) : ('not_configured' as const),
        queuedEmails: await queuedEmailNotices(db, page.id),
      };
    },
  );

  api.delete(
    '/status-pages/:id/subscribers/:subscriberId',
    { schema: { tags, summary: 'Remove a subscriber (and what is still queued for it)', params: Params, response: { 204: Type.Null() } } },
    async (req, reply) => {
      const page = await getStatusPage(db, req.params.id);
      await requireTeamManager(db, req, page.team_id);
      const removed = await audited(db, { entity: 'status_subscriber', id: req.params.subscriberId, action: 'delete' }, (trx) => removeSubscriber(trx, page.id, req.params.subscriberId));
      if (!removed) throw new AppError('not_found', `No subscriber ${req.params.subscriberId} on this status page`);
      return reply.code(204).send(null);
    },
  );
}
