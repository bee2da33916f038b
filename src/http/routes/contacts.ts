import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { assertSettled } from '../../core/in-use.js';
import { randomInt } from 'node:crypto';
import { sha256 } from '../../security/secret-token.js';
import { webhookSigningKey } from '../../security/webhook-signing-key.js';
import { ntfyTopicUrl } from '../../channels/ntfy.js';
import { parsePushoverAddress, pushoverAddress, pushoverApi } from '../../channels/pushover.js';
import { DestinationRefused } from '../../channels/channel.js';
import { ntfyTokenBox } from '../../security/ntfy-token-box.js';
import { telegramLinks } from '../telegram-link.js';
import {
  countVerificationAttempt,
  deleteContactMethod,
  deleteRule,
  getContactMethod,
  insertContactMethod,
  insertRule,
  listContactMethods,
  listRules,
  markVerified,
  setVerificationCode,
  type ContactMethodRow,
  type NotificationRuleRow,
} from '../../store/contacts.js';
import { enqueue } from '../../store/notifications.js';
import { reachabilityReferences } from '../../store/references.js';
import type { ContactKind } from '../../store/schema.js';
import { getUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { hostOfUrl, refuseDeniedDestinations } from '../destination-fields.js';
import { assertWithinLimit, FixedWindowCounter } from '../fixed-window-counter.js';
import { assertMayManage } from '../permissions.js';
import { hasRole } from '../roles.js';
import { reachabilityRoutes } from './reachability.js';
import { Id, Instant, toIso } from '../schemas/common.js';
import { UrgencySchema } from '../schemas/incident.js';
import { deleteOptions, Force, InUseProblem } from '../schemas/in-use.js';
import { transact } from '../../store/transact.js';

const strict = { additionalProperties: false } as const;
const UserParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, itemId: Id });

const Kind = Type.Enum(['email', 'sms', 'voice', 'webhook', 'slack', 'ntfy', 'pushover', 'telegram', 'slack_dm', 'mattermost_dm']);
const ContactMethodInput = Type.Object(
  {
    kind: Kind,
    label: Type.Optional(Type.String({ maxLength: 100 })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Required except for telegram (the chat is linked through the bot). Email address, E.164 phone number (+15551234567), https URL, ntfy topic URL (https://ntfy.sh/mytopic), or Pushover user key with an optional device (uQiRzpo4DXghDmr9QzzfQu27cmVRsG or uQiRzpo4DXghDmr9QzzfQu27cmVRsG:phone), or Slack member ID for direct messages from the Slack app (U0123ABCD), or Mattermost user ID for direct messages from the Mattermost bot (26 lowercase letters and digits)' })),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'ntfy only: an access token for a protected topic (sent as a Bearer token, stored encrypted, never shown again)' })),
    verified: Type.Optional(
      Type.Boolean({
        description: 'Admins only: true adds the method already verified, sending no code, for an address confirmed in the tool it is imported from (vigil import pagerduty); not for telegram, whose chat only its link names, nor slack_dm and mattermost_dm, whose verification links the chat account to the user',
      }),
    ),
  },
  strict,
);
const ContactMethodView = Type.Object({
  id: Id,
  kind: Kind,
  label: Type.String(),
  address: Type.String(),
  createdAt: Instant,
  verified: Type.Boolean({ description: 'Only verified methods are paged; webhooks and Slack are verified on creation' }),
  verification: Type.Optional(
    Type.Object(
      {
        sent: Type.Boolean(),
        error: Type.Optional(Type.String()),
        link: Type.Optional(Type.String({ description: 'Telegram: the bot link (https://t.me/<bot>?start=<code>) that links the chat opening it; one use, 15 minutes' })),
      },
      { description: 'Whether a verification code (Telegram: a link) was just sent' },
    ),
  ),
  hasToken: Type.Optional(Type.Boolean({ description: 'ntfy: whether an access token is stored for the topic' })),
  signingSecret: Type.Optional(Type.String({ description: 'Webhooks: the key X-Vigil-Signature is computed with (t=<unix seconds>,v1=HMAC-SHA256 of "<t>.<body>")' })),
});
const RuleUrgency = Type.Union([UrgencySchema, Type.Null()], { description: 'The urgency of incidents it runs for; null or absent: both' });
const RuleInput = Type.Object({ contactMethodId: Id, delayMinutes: Type.Integer({ minimum: 0, maximum: 1440 }), urgency: Type.Optional(RuleUrgency) }, strict);
const RuleView = Type.Object({ id: Id, contactMethodId: Id, delayMinutes: Type.Integer(), urgency: RuleUrgency, createdAt: Instant });
const toRule = (r: NotificationRuleRow) => ({ id: r.id, contactMethodId: r.contact_method_id, delayMinutes: r.delay_seconds / 60, urgency: r.urgency, createdAt: toIso(r.created_at) });

const formats: Record<ContactKind, { test: RegExp; message: string }> = {
  email: { test: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'must be an email address' },
  sms: { test: /^\+[1-9]\d{6,14}$/, message: 'must be an E.164 phone number like +15551234567' },
  voice: { test: /^\+[1-9]\d{6,14}$/, message: 'must be an E.164 phone number like +15551234567' },
  webhook: { test: /^https?:\/\/\S+$/, message: 'must be an http(s) URL' },
  slack: { test: /^https?:\/\/\S+$/, message: 'must be an http(s) URL (a Slack incoming webhook)' },
  ntfy: { test: ntfyTopicUrl, message: 'must be an ntfy topic URL like https://ntfy.sh/my-topic (letters, digits, - and _)' },
  // A Telegram method's address is the chat that opens its link (routes/telegram.ts).
  telegram: { test: /^$/, message: 'is the chat that opens the link Vigil shows: leave it out' },
  pushover: { test: pushoverAddress, message: 'must be your Pushover user key (30 letters and digits, shown in the Pushover app), optionally followed by :device-name' },
  slack_dm: { test: /^[UW][A-Z0-9]{6,20}$/, message: 'must be your Slack member ID, like U0123ABCD (in Slack: your profile, ⋮, Copy member ID)' },
  mattermost_dm: { test: /^[a-z0-9]{26}$/, message: 'must be your Mattermost user ID (26 lowercase letters and digits), not your @username' },
};

/** Contact methods and notification rules: yours, or anyone's for an admin. */
const needsVerification = new Set<ContactKind>(['email', 'sms', 'voice', 'ntfy', 'pushover', 'telegram', 'slack_dm', 'mattermost_dm']);
const hasUrl = (kind: ContactKind) => kind === 'webhook' || kind === 'slack' || kind === 'ntfy';
const CODE_LIFETIME_MS = 15 * 60_000;
const MAX_CODE_ATTEMPTS = 5;

export function contactRoutes(api: Api, deps: HttpDeps): void {
  const { database: { db }, clock, wakeEngine, config, sendDirect } = deps;
  // What the contact methods and rules add up to: whether a page reaches their owner.
  reachabilityRoutes(api, deps);
  const tags = ['contact methods'];
  // Each of these makes Vigil send something (an email, a text, a request): a few per method and window.
  const tests = new FixedWindowCounter(5, 15 * 60_000);
  const resends = new FixedWindowCounter(5, 15 * 60_000);
  const telegramLink = telegramLinks(config, db, clock);
  // The signing secret is shown only to whoever may edit the method (it lets one forge deliveries).
  const view = (m: ContactMethodRow, canEdit = true) => ({
    id: m.id,
    kind: m.kind,
    label: m.label,
    address: m.address,
    createdAt: toIso(m.created_at),
    verified: m.verified_at !== null,
    ...(m.kind === 'ntfy' && { hasToken: m.secret !== null }),
    ...(m.kind === 'webhook' && canEdit && { signingSecret: webhookSigningKey(config.secret, m.address) }),
  });

  /** Reading: yourself or an admin. Changing: also not an owner's methods unless you are an owner, and never as a viewer. */
  async function owner(req: FastifyRequest, userId: string, access: 'read' | 'write' = 'write'): Promise<{ canEdit: boolean }> {
    const actor = actorOf(req);
    if (actor.user.id !== userId && !hasRole(actor.user.role, 'admin')) throw new AppError('forbidden', "Only admins manage other people's contact methods");
    const target = await getUser(db, userId);
    let canEdit = true;
    try {
      assertMayManage(actor, target);
    } catch (err) {
      if (access === 'write') throw err;
      canEdit = false;
    }
    return { canEdit: canEdit && hasRole(actor.user.role, 'responder') };
  }

  /**
   * Only an admin may vouch for an address (an import). Not for chat accounts: a Telegram
   * chat is only known once its link is opened, and a verified Slack or Mattermost DM
   * method links that account to the user for buttons and /vigil, which only the code
   * the bot sent to the account itself may prove.
   */
  function refuseVouching(req: FastifyRequest, kind: ContactKind): void {
    if (!hasRole(actorOf(req).user.role, 'admin')) throw new AppError('forbidden', 'Only admins add contact methods already verified', [{ path: '/body/verified', message: 'is for admins importing verified addresses' }]);
    if (kind === 'telegram') throw new AppError('validation_failed', 'A Telegram method is verified by opening its link', [{ path: '/body/verified', message: 'cannot be set for telegram' }]);
    if (kind === 'slack_dm' || kind === 'mattermost_dm') {
      throw new AppError('validation_failed', 'A chat account is linked by the code its bot sends to it', [{ path: '/body/verified', message: `cannot be set for ${kind}: it would let that account act as this user` }]);
    }
  }

  function refuseViewer(req: FastifyRequest, what: string): void {
    if (!hasRole(actorOf(req).user.role, 'responder')) throw new AppError('forbidden', `Viewers cannot ${what}`);
  }

  api.get(
    '/users/:id/contact-methods',
    { schema: { tags, summary: "A user's contact methods", params: UserParams, response: { 200: Type.Array(ContactMethodView) } } },
    async (req) => {
      const { canEdit } = await owner(req, req.params.id, 'read');
      return (await listContactMethods(db, req.params.id)).map((m) => view(m, canEdit));
    },
  );

  api.post(
    '/users/:id/contact-methods',
    {
      schema: {
        tags,
        summary: 'Add a contact method; the first one also gets an immediate notification rule',
        params: UserParams,
        body: ContactMethodInput,
        response: { 201: ContactMethodView },
      },
    },
    async (req, reply) => {
      await owner(req, req.params.id);
      const { kind, address = '', token } = req.body;
      if (!needsVerification.has(kind)) refuseViewer(req, 'add webhook or Slack contact methods');
      if (!formats[kind].test.test(address)) throw new AppError('validation_failed', 'Bad address', [{ path: '/body/address', message: formats[kind].message }]);
      if (token !== undefined && kind !== 'ntfy') throw new AppError('validation_failed', 'Bad token', [{ path: '/body/token', message: 'only ntfy contact methods take a token' }]);
      if (hasUrl(kind)) refuseDeniedDestinations(config.destinationPolicy, [['/body/address', hostOfUrl(address)]]);
      const now = clock.now();
      const existing = await listContactMethods(db, req.params.id);
      // A page names its method by kind and address: one token per topic and person.
      if (kind === 'ntfy' && existing.some((m) => m.kind === 'ntfy' && m.address === address)) {
        throw new AppError('validation_failed', 'Topic already added', [{ path: '/body/address', message: 'is already one of your ntfy methods: remove it first to change its token' }]);
      }
      if (kind === 'pushover') await refuseUnknownPushoverUser(address);
      const first = existing.length === 0;
      if (req.body.verified === true) refuseVouching(req, kind);
      const verified = req.body.verified === true || !needsVerification.has(kind);
      const secret = token === undefined ? null : ntfyTokenBox(config.secret).seal(token);
      const m = await insertContactMethod(db, req.params.id, { kind, address, label: req.body.label ?? kind, verified, secret }, now);
      // Someone with a way to be reached but no rule would never be paged.
      if (first) await insertRule(db, req.params.id, { contactMethodId: m.id, delaySeconds: 0 }, now);
      return reply.code(201).send({ ...view(m), ...(!verified && { verification: await sendCode(m) }) });
    },
  );

  /**
   * Pushover checks a key (and device) before any code goes to it: a typo is refused at
   * the field, in Pushover's words, instead of leaving a method that can never verify.
   * Without Pushover configured, or while it is failing, the method is added and the
   * code's delivery says why it did not go.
   */
  async function refuseUnknownPushoverUser(address: string): Promise<void> {
    if (!config.pushover) return;
    const { user, device } = parsePushoverAddress(address);
    try {
      await pushoverApi(config.pushover).validate(user, device);
    } catch (err) {
      if (!(err instanceof DestinationRefused)) return;
      throw new AppError('validation_failed', 'Refused by Pushover', [{ path: '/body/address', message: `was refused by Pushover (${err.message.replace(/^Pushover answered HTTP \d+: /, '')})` }]);
    }
  }

  async function sendCode(m: ContactMethodRow): Promise<{ sent: boolean; error?: string; link?: string }> {
    if (m.kind === 'telegram') return telegramLink(m);
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await setVerificationCode(db, m.id, sha256(`${m.id}:${code}`), clock.now(), CODE_LIFETIME_MS);
    try {
      await sendDirect(m.kind, {
        idempotencyKey: `verify:${m.id}:${clock.now()}`,
        address: m.address,
        incident: null,
        bundle: null,
        recipientId: m.user_id,
        recipientName: null,
        verificationCode: code,
      });
      return { sent: true };
    } catch (err) {
      return { sent: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  api.post(
    '/users/:id/contact-methods/:itemId/send-verification',
    { schema: { tags, summary: 'Send a new verification code', params: ItemParams, response: { 200: ContactMethodView } } },
    async (req) => {
      await owner(req, req.params.id);
      const m = await getContactMethod(db, req.params.id, req.params.itemId);
      if (m.verified_at !== null) return view(m);
      assertWithinLimit(resends, m.id, clock.now(), 'Too many verification codes sent to this contact method; try again later');
      resends.take(m.id, clock.now());
      return { ...view(m), verification: await sendCode(m) };
    },
  );

  api.post(
    '/users/:id/contact-methods/:itemId/verify',
    {
      schema: {
        tags,
        summary: 'Enter the code sent to the contact method; five wrong tries void it',
        params: ItemParams,
        body: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }, strict),
        response: { 200: ContactMethodView },
      },
    },
    async (req) => {
      await owner(req, req.params.id);
      const m = await getContactMethod(db, req.params.id, req.params.itemId);
      if (m.verified_at !== null) return view(m);
      const wrong = (message: string) => new AppError('validation_failed', message, [{ path: '/body/code', message }]);
      if (m.kind === 'telegram') throw wrong('is not how a Telegram method is verified: open its link in Telegram and press Start');
      if (m.verification_attempts >= MAX_CODE_ATTEMPTS) throw wrong('was wrong five times: wait 15 minutes, then send a new code');
      if (m.verification_hash === null || (m.verification_expires_at ?? 0) <= clock.now()) throw wrong('has expired: send a new code');
      if (m.verification_hash !== sha256(`${m.id}:${req.body.code}`)) {
        await countVerificationAttempt(db, m.id);
        throw wrong('is not the code that was sent');
      }
      await markVerified(db, m.id, clock.now());
      return view(await getContactMethod(db, req.params.id, m.id));
    },
  );

  api.delete(
    '/users/:id/contact-methods/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a contact method and its rules (409 in_use if policies page the user and it is their last way to be reached)',
        params: ItemParams,
        querystring: Type.Object({ force: Force('Remove it anyway: the user is then paged in vain') }, strict),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      await owner(req, req.params.id);
      const { id, itemId } = req.params;
      await transact(db, async (trx) => {
        const m = await getContactMethod(trx, id, itemId);
        const references = await reachabilityReferences(trx, id, (r) => r.contactMethodId === m.id, clock.now());
        assertSettled('in_use', `The last verified contact method with a notification rule (${m.kind} ${m.address})`, references, deleteOptions(req.query));
        await deleteContactMethod(trx, id, itemId);
      });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/users/:id/contact-methods/:itemId/test',
    { schema: { tags, summary: 'Send a test notification now', params: ItemParams, response: { 202: Type.Object({ queued: Type.Boolean() }) } } },
    async (req, reply) => {
      await owner(req, req.params.id);
      refuseViewer(req, 'send test notifications');
      const m = await getContactMethod(db, req.params.id, req.params.itemId);
      const now = clock.now();
      assertWithinLimit(tests, m.id, now, 'Too many test notifications for this contact method; try again later');
      tests.take(m.id, now);
      await enqueue(db, [{ idempotencyKey: `test:${m.id}:${now}`, incidentId: null, userId: m.user_id, contactMethodId: m.id, channel: m.kind, address: m.address, dueAt: now }], now);
      wakeEngine();
      return reply.code(202).send({ queued: true });
    },
  );

  api.get(
    '/users/:id/notification-rules',
    { schema: { tags, summary: 'When each contact method is used while an incident is unacknowledged', params: UserParams, response: { 200: Type.Array(RuleView) } } },
    async (req) => {
      await owner(req, req.params.id);
      return (await listRules(db, req.params.id)).map(toRule);
    },
  );

  api.post(
    '/users/:id/notification-rules',
    { schema: { tags, summary: 'Use a contact method N minutes after being paged, for incidents of one urgency or both', params: UserParams, body: RuleInput, response: { 201: RuleView } } },
    async (req, reply) => {
      await owner(req, req.params.id);
      await getContactMethod(db, req.params.id, req.body.contactMethodId).catch(() => {
        throw new AppError('validation_failed', 'Unknown contact method', [{ path: '/body/contactMethodId', message: "is not one of this user's contact methods" }]);
      });
      const r = await insertRule(db, req.params.id, { contactMethodId: req.body.contactMethodId, delaySeconds: req.body.delayMinutes * 60, urgency: req.body.urgency }, clock.now());
      return reply.code(201).send(toRule(r));
    },
  );

  api.delete(
    '/users/:id/notification-rules/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a notification rule (409 in_use if policies page the user and it is their last rule on a verified method)',
        params: ItemParams,
        querystring: Type.Object({ force: Force('Remove it anyway: the user is then paged in vain') }, strict),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      await owner(req, req.params.id);
      const { id, itemId } = req.params;
      await transact(db, async (trx) => {
        const references = await reachabilityReferences(trx, id, (r) => r.ruleId === itemId, clock.now());
        assertSettled('in_use', 'The last notification rule on a verified contact method', references, deleteOptions(req.query));
        await deleteRule(trx, id, itemId);
      });
      return reply.code(204).send(null);
    },
  );
}
