import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeliveryError } from '../../channels/channel.js';
import type { MattermostConfig } from '../../channels/mattermost-api.js';
import { chatButtons, escapeMattermost, type ChatButton } from '../../core/chat/mattermost-post.js';
import { AppError } from '../../core/errors.js';
import { sameCommandToken, verifyMattermostActionToken } from '../../security/mattermost-action-token.js';
import { chatIncidents } from '../../service/chat-incidents.js';
import { mattermostActor } from '../../service/mattermost-identity.js';
import { markChatMessageDue } from '../../store/chat-messages.js';
import type { Api } from '../app-types.js';
import { actAs, runChatCommand, type ChatContext, type ChatMarkup } from '../chat-commands.js';
import type { HttpDeps } from '../deps.js';
import { manualPageLimit } from './manual-incidents.js';

/** Mattermost's Markdown; dates in UTC, as Mattermost has no per-reader date markup. */
const mattermostMarkup: ChatMarkup = {
  escape: escapeMattermost,
  bold: (text) => `**${text}**`,
  link: (url, text) => `[${text}](<${url}>)`,
  date: (iso) => `${iso.slice(0, 16).replace('T', ' ')} UTC`,
};

const UNREACHABLE = 'Vigil could not ask Mattermost who you are just now: try again in a minute.';

const OUT_OF_DATE = 'This message was out of date; it has been updated — press again if you still need to.';

/** The context Vigil put on a button, as Mattermost sends it back. */
interface ButtonContext {
  action: ChatButton;
  incidentId: string;
  /** The chat state the post showed (chatState), signed with the rest. */
  state: string;
  token: string;
}

function buttonContext(body: unknown): ButtonContext | null {
  const context = (body as { context?: Record<string, unknown> } | null)?.context;
  const { action, incidentId, state, token } = context ?? {};
  if (typeof action !== 'string' || !chatButtons.includes(action as ChatButton) || typeof incidentId !== 'string' || typeof state !== 'string' || typeof token !== 'string') return null;
  return { action: action as ChatButton, incidentId, state, token };
}

/**
 * Mattermost's requests to Vigil: button presses on incident posts and the `/vigil` slash
 * command. A press is trusted only with the token Vigil signed into its button's context
 * (Mattermost signs nothing); a command only with the command's token. Either then acts as
 * the Vigil user the Mattermost account maps to, with that user's rights now.
 */
export function mattermostRoutes(api: Api, deps: HttpDeps, cfg: MattermostConfig): void {
  const { database, config, logger, clock, wakeEngine } = deps;
  api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const ctx: ChatContext = {
    ...deps,
    pages: manualPageLimit(deps),
    command: '/vigil',
    markup: mattermostMarkup,
    actorOf: (userId) => mattermostActor(database.db, cfg, userId),
    // A Mattermost @mention is a username, not an id Vigil can look up: pages name people instead.
    mentioned: () => null,
  };
  const schema = { tags: ['provider callbacks'], hide: true };

  api.post('/integrations/mattermost/actions', { config: { public: true }, schema }, async (req: FastifyRequest, reply: FastifyReply) => {
    const pressed = buttonContext(req.body);
    if (!pressed || !verifyMattermostActionToken(config.secret, pressed, pressed.token)) {
      throw new AppError('unauthenticated', 'This button press does not carry a context Vigil signed');
    }
    const { user_id: userId, post_id: postId } = req.body as { user_id?: unknown; post_id?: unknown };
    // A press counts only on a post showing the incident as it is: a captured press replayed
    // after the incident changed, or a press on a post the chat sync has not edited yet, is
    // refused, and the post is looked at again (the sync edits it if it is behind).
    const current = (await chatIncidents(database.db, [pressed.incidentId], config.baseUrl)).get(pressed.incidentId);
    if (current && current.state !== pressed.state) {
      if (typeof postId === 'string') {
        await markChatMessageDue(database.db, ['mattermost_channel', 'mattermost_dm'], postId, clock.now());
        wakeEngine();
      }
      return reply.code(200).send({ ephemeral_text: OUT_OF_DATE });
    }
    let answer: string | null;
    try {
      const actor = await ctx.actorOf(typeof userId === 'string' ? userId : '');
      if (actor.ok) {
        const result = await actAs(ctx, actor.user, pressed.incidentId, pressed.action);
        // Done: the post itself changes (the chat sync edits every post of the incident).
        answer = result.done ? null : result.text;
      } else answer = actor.why;
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      logger.warn({ err }, 'Mattermost users API failed: a button press could not be attributed');
      answer = UNREACHABLE;
    }
    return reply.code(200).send(answer === null ? {} : { ephemeral_text: answer });
  });

  api.post('/integrations/mattermost/commands', { config: { public: true }, schema }, async (req: FastifyRequest, reply: FastifyReply) => {
    const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
    if (!cfg.commandToken || !sameCommandToken(cfg.commandToken, form.get('token') ?? '')) throw new AppError('unauthenticated', "The slash command's token is not VIGIL_MATTERMOST_COMMAND_TOKEN");
    const userId = form.get('user_id');
    if (!userId) throw new AppError('validation_failed', 'A slash command names its user', [{ path: '/body/user_id', message: 'is required' }]);
    const text = await runChatCommand(ctx, userId, form.get('text') ?? '').catch((err: unknown) => {
      if (!(err instanceof DeliveryError)) throw err;
      logger.warn({ err }, 'Mattermost users API failed: a slash command could not be attributed');
      return UNREACHABLE;
    });
    return reply.code(200).send({ response_type: 'ephemeral', text });
  });
}
