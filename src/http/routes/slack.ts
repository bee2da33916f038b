import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeliveryError } from '../../channels/channel.js';
import { postOutbound } from '../../channels/outbound-request.js';
import type { SlackConfig } from '../../channels/slack-api.js';
import { SlackDirectory } from '../../channels/slack-directory.js';
import { AppError } from '../../core/errors.js';
import { escapeSlack } from '../../core/escape-markup.js';
import { mentionedSlackUser } from '../../core/slack/command.js';
import { SLACK_TOLERANCE_SECONDS, verifySlackRequest } from '../../security/slack-signature.js';
import { firstTimeCallback, forgetCallbacks } from '../../store/reply-codes.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { manualPageLimit } from './manual-incidents.js';
import { slackActor } from '../../service/slack-identity.js';
import { actAs, buttonActions, runChatCommand, type ButtonAction, type ChatContext, type ChatMarkup } from '../chat-commands.js';

/** The parts of a block_actions payload Vigil reads (https://api.slack.com/reference/interaction-payloads/block-actions). */
interface BlockActions {
  type: 'block_actions';
  user: { id: string };
  response_url?: string;
  actions: { action_id: string; value?: string }[];
}

const refusals = {
  missing: 'Missing X-Slack-Signature or X-Slack-Request-Timestamp',
  stale: `X-Slack-Request-Timestamp is more than ${SLACK_TOLERANCE_SECONDS / 60} minutes from Vigil's clock`,
  mismatch: 'X-Slack-Signature does not match the body under the signing secret',
} as const;

/** Slack's mrkdwn (https://api.slack.com/reference/surfaces/formatting). */
const slackMarkup: ChatMarkup = {
  escape: escapeSlack,
  bold: (text) => `*${text}*`,
  link: (url, text) => `<${url}|${text}>`,
  // Slack shows a date in each reader's own time zone; the fallback is for clients that cannot.
  date: (iso) => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`,
};

const SLACK_UNREACHABLE = 'Vigil could not ask Slack who you are just now: try again in a minute.';

/**
 * Slack's requests to the Vigil app: button presses on incident messages (interactivity)
 * and the `/vigil` slash command. Each is verified before anything else (v0 signature over
 * the raw body, timestamp within five minutes, each signature accepted once), then acts
 * as the Vigil user the Slack member maps to, with that user's rights now.
 */
export function slackRoutes(api: Api, deps: HttpDeps, cfg: SlackConfig): void {
  const { database, clock, config, logger } = deps;
  // Kept raw: the signature covers the exact bytes Slack sent.
  api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const directory = new SlackDirectory(cfg, clock);
  const ctx: ChatContext = {
    ...deps,
    pages: manualPageLimit(deps),
    command: '/vigil',
    markup: slackMarkup,
    actorOf: (slackUserId) => slackActor(database.db, (id) => directory.person(id), slackUserId),
    mentioned: mentionedSlackUser,
  };
  const schema = { tags: ['provider callbacks'], hide: true };
  let prunedAt = 0;

  async function verified(req: FastifyRequest): Promise<URLSearchParams> {
    const raw = typeof req.body === 'string' ? req.body : '';
    const { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } = req.headers;
    const now = clock.now();
    const verdict = verifySlackRequest(cfg.signingSecret, raw, { signature: single(signature), timestamp: single(timestamp) }, now);
    if (!verdict.ok) throw new AppError('unauthenticated', refusals[verdict.reason]);
    // A signature is good for the whole window: remembered (in the database, for every node) as long.
    if (!(await firstTimeCallback(database.db, `slack:${signature as string}`, now))) throw new AppError('unauthenticated', 'This Slack request was already handled (replayed)');
    if (now - prunedAt > SLACK_TOLERANCE_SECONDS * 1000) {
      prunedAt = now;
      await forgetCallbacks(database.db, 'slack:', now - 2 * SLACK_TOLERANCE_SECONDS * 1000);
    }
    return new URLSearchParams(raw);
  }

  /** Tells only the member who pressed, beside the message (Slack's response_url, within 30 minutes of the press). */
  function whisper(responseUrl: string, text: string): void {
    postOutbound({
      service: 'Slack',
      url: responseUrl,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      policy: config.destinationPolicy,
    }).catch((err: unknown) => logger.warn({ err }, 'Slack response_url refused an ephemeral answer'));
  }

  api.post('/integrations/slack/interactions', { config: { public: true }, schema }, async (req, reply: FastifyReply) => {
    const form = await verified(req);
    const payload = blockActions(form.get('payload'));
    const pressed = payload?.actions.find((a) => buttonActions[a.action_id] !== undefined);
    // Other interactions (a link button, a shortcut) need nothing from Vigil but the 200.
    if (!payload || !pressed) return reply.code(200).send();
    const action = buttonActions[pressed.action_id] as ButtonAction;
    let answer: string | null;
    try {
      const actor = await ctx.actorOf(payload.user.id);
      if (actor.ok) {
        const result = await actAs(ctx, actor.user, pressed.value ?? '', action);
        // Done: the message itself changes (the chat sync updates every message of the incident).
        answer = result.done ? null : result.text;
      } else answer = actor.why;
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      logger.warn({ err }, 'Slack users.info failed: a button press could not be attributed');
      answer = SLACK_UNREACHABLE;
    }
    if (answer !== null && payload.response_url) whisper(payload.response_url, answer);
    return reply.code(200).send();
  });

  api.post('/integrations/slack/commands', { config: { public: true }, schema }, async (req, reply: FastifyReply) => {
    const form = await verified(req);
    const userId = form.get('user_id');
    if (!userId) throw new AppError('validation_failed', 'A slash command names its user', [{ path: '/body/user_id', message: 'is required' }]);
    const text = await runChatCommand(ctx, userId, form.get('text') ?? '').catch((err: unknown) => {
      if (!(err instanceof DeliveryError)) throw err;
      logger.warn({ err }, 'Slack users.info failed: a slash command could not be attributed');
      return SLACK_UNREACHABLE;
    });
    return reply.code(200).type('application/json').send({ response_type: 'ephemeral', text });
  });
}

const single = (header: string | string[] | undefined) => (typeof header === 'string' ? header : undefined);

/** The block_actions payload in a form's `payload` field, or null for anything else. */
function blockActions(json: string | null): BlockActions | null {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    throw new AppError('validation_failed', 'An interaction carries its payload as JSON', [{ path: '/body/payload', message: 'is not JSON' }]);
  }
  const p = value as Partial<BlockActions> | null;
  if (p?.type !== 'block_actions' || typeof p.user?.id !== 'string' || !Array.isArray(p.actions)) return null;
  const actions = p.actions.filter((a): a is { action_id: string; value?: string } => typeof a?.action_id === 'string' && (a.value === undefined || typeof a.value === 'string'));
  return { type: 'block_actions', user: { id: p.user.id }, actions, ...(typeof p.response_url === 'string' && { response_url: p.response_url }) };
}
