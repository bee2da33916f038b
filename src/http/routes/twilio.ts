import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { validTwilioSignature, type TwilioConfig } from '../../channels/twilio.js';
import { mayActOnIncident } from '../../service/incident-access.js';
import { actOnIncident, type IncidentAction } from '../../service/incidents.js';
import { addEvent, getIncident } from '../../store/incidents.js';
import { applyReceipt } from '../../store/notifications.js';
import { afterFinalFailure } from '../../service/unreached.js';
import { findReplyCode, firstTimeCallback } from '../../store/reply-codes.js';
import { findUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { escapeMarkup } from '../../core/escape-markup.js';

const twiml = (reply: FastifyReply, inner: string) =>
  reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`);

const SMS_HELP = 'Vigil: reply with the code from the alert and a letter, e.g. 3a to acknowledge, 3r to resolve, 3e to escalate.';
const letters: Record<string, 'acknowledge' | 'resolve' | 'escalate'> = { a: 'acknowledge', r: 'resolve', e: 'escalate' };
const digits: Record<string, 'acknowledge' | 'resolve'> = { '4': 'acknowledge', '6': 'resolve' };

type Form = Record<string, string>;

/**
 * Callbacks from a Twilio-compatible provider: inbound SMS replies and the voice call
 * script with key presses. Every request must carry a valid X-Twilio-Signature for the
 * public URL it was sent to, and each message or key press is handled once.
 */
export function twilioRoutes(api: Api, deps: HttpDeps, cfg: TwilioConfig): void {
  const { database, clock, config, wakeEngine } = deps;
  api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const schema = { tags: ['provider callbacks'], hide: true };

  function verified(req: FastifyRequest): Form {
    const form = (req.body ?? {}) as Form;
    const header = req.headers['x-twilio-signature'];
    if (!validTwilioSignature(cfg.authToken, `${config.baseUrl}${req.url}`, form, typeof header === 'string' ? header : undefined)) {
      throw new AppError('forbidden', 'Missing or invalid X-Twilio-Signature');
    }
    return form;
  }

  async function act(incidentId: string, userId: string, action: IncidentAction['type']): Promise<string> {
    const user = await findUser(database.db, userId);
    if (!user) return 'That user no longer exists.';
    // A reply code proves who was paged, not what they may do today: their rights are checked now.
    if (!(await mayActOnIncident(database.db, user, incidentId, config.incidentActions))) return 'You can no longer act on this incident (your role or team changed).';
    try {
      const incident = await actOnIncident(database, incidentId, { type: action, by: user.id } as IncidentAction, clock.now());
      wakeEngine();
      return `${incident.title}: ${action === 'escalate' ? 'escalated' : incident.status}.`;
    } catch (err) {
      if (err instanceof AppError && err.code === 'incident_resolved') return 'That incident is already resolved.';
      throw err;
    }
  }

  api.post('/twilio/sms', { config: { public: true }, schema }, async (req, reply) => {
    const form = verified(req);
    if (!form['MessageSid'] || !(await firstTimeCallback(database.db, `sms:${form['MessageSid']}`, clock.now()))) {
      throw new AppError('forbidden', 'This message was already handled (replayed callback)');
    }
    const match = /^\s*(\d{1,2})\s*([are])\b/i.exec(form['Body'] ?? '');
    const code = match ? await findReplyCode(database.db, form['From'] ?? '', Number(match[1])) : undefined;
    if (!match || !code) return twiml(reply, `<Message>${escapeMarkup(SMS_HELP)}</Message>`);
    const text = await act(code.incident_id, code.user_id, letters[(match[2] as string).toLowerCase()] as IncidentAction['type']);
    return twiml(reply, `<Message>${escapeMarkup(`Vigil: ${text}`)}</Message>`);
  });

  api.post('/twilio/status', { config: { public: true }, schema }, async (req, reply) => {
    const form = verified(req);
    const key = (req.query as Form)['key'];
    const status = form['MessageStatus'];
    const final = status === 'delivered' || status === 'undelivered' || status === 'failed';
    if (key && final && (await firstTimeCallback(database.db, `status:${form['MessageSid'] ?? ''}:${status}`, clock.now()))) {
      const error = status === 'delivered' ? null : `provider reports ${status}${form['ErrorCode'] ? ` (error ${form['ErrorCode']})` : ''}`;
      const row = await applyReceipt(database.db, key, status === 'delivered', error);
      if (row?.incident_id) {
        await addEvent(database.db, row.incident_id, {
          at: clock.now(),
          kind: status === 'delivered' ? 'delivered' : 'delivery_failed',
          data: { userId: row.user_id, channel: row.channel, ...(error && { error, final: true }) },
        });
        if (error && (await afterFinalFailure(database.db, row.idempotency_key, clock.now()))) wakeEngine();
      }
    }
    return reply.code(204).send();
  });

  api.post('/twilio/voice', { config: { public: true }, schema }, async (req, reply) => {
    verified(req);
    const query = req.query as Form;
    const code = query['code'];
    if (code) {
      const spoken = escapeMarkup(code.split('').join(', '));
      return twiml(reply, `<Say>Your Vigil verification code is ${spoken}. Again: ${spoken}. Goodbye.</Say>`);
    }
    if (!query['incidentId']) return twiml(reply, '<Say>This is a test call from Vigil. Goodbye.</Say>');
    const incident = await getIncident(database.db, query['incidentId']);
    const gather = `${config.baseUrl}/api/v1/twilio/voice/gather?${new URLSearchParams(query).toString()}`;
    return twiml(
      reply,
      `<Gather numDigits="1" action="${escapeMarkup(gather)}" method="POST"><Say>Vigil alert. ${escapeMarkup(incident.title)} is ${escapeMarkup(incident.status)}. Press 4 to acknowledge. Press 6 to resolve.</Say></Gather><Say>No key pressed. Goodbye.</Say>`,
    );
  });

  api.post('/twilio/voice/gather', { config: { public: true }, schema }, async (req, reply) => {
    const form = verified(req);
    if (!form['CallSid'] || !(await firstTimeCallback(database.db, `gather:${form['CallSid']}:${form['Digits'] ?? ''}`, clock.now()))) {
      throw new AppError('forbidden', 'This key press was already handled (replayed callback)');
    }
    const query = req.query as Form;
    const action = digits[form['Digits'] ?? ''];
    if (!action || !query['incidentId'] || !query['userId']) {
      return twiml(reply, `<Say>Press 4 to acknowledge or 6 to resolve.</Say><Redirect method="POST">${escapeMarkup(`${config.baseUrl}/api/v1/twilio/voice?${new URLSearchParams(query).toString()}`)}</Redirect>`);
    }
    return twiml(reply, `<Say>${escapeMarkup(await act(query['incidentId'], query['userId'], action))} Goodbye.</Say>`);
  });
}
