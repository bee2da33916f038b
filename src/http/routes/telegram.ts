import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors.js';
import { callBotApi, isNotModified, type TelegramConfig } from '../../channels/telegram-api.js';
import { actorOf, incidentOfAck, incidentText } from '../../channels/telegram-message.js';
import { sha256 } from '../../security/secret-token.js';
import { mayActOnIncident } from '../../service/incident-access.js';
import { actOnIncident } from '../../service/incidents.js';
import { chatIncidents, type ChatIncidentNow } from '../../service/chat-incidents.js';
import { telegramRef } from '../../channels/telegram.js';
import { findChatMessage, markChatSynced } from '../../store/chat-messages.js';
import { bindTelegramChat, findPendingTelegram, usersOfTelegramChat } from '../../store/telegram-chats.js';
import { findUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';

/** The hash a Telegram link code is kept as, and looked up by. */
export const telegramCodeHash = (code: string) => sha256(`telegram:${code}`);

// Only what Vigil reads of an Update (https://core.telegram.org/bots/api#update); Telegram sends much more.
const Chat = Type.Object({ id: Type.Integer(), type: Type.String() });
const TgUser = Type.Object({ id: Type.Integer(), first_name: Type.String() });
const Update = Type.Object({
  update_id: Type.Integer(),
  message: Type.Optional(Type.Object({ message_id: Type.Integer(), chat: Chat, from: Type.Optional(TgUser), text: Type.Optional(Type.String()) })),
  callback_query: Type.Optional(
    Type.Object({ id: Type.String(), from: TgUser, data: Type.Optional(Type.String()), message: Type.Optional(Type.Object({ message_id: Type.Integer(), chat: Chat })) }),
  ),
});
type CallbackQuery = NonNullable<Static<typeof Update>['callback_query']>;

const HELP = 'This bot sends Vigil pages. To receive them here, add Telegram as a contact method on your Vigil profile and open the link it shows.';

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The bot's webhook (setWebhook with secret_token): every update must carry the secret in
 * X-Telegram-Bot-Api-Secret-Token, checked before the body is read. It handles the deep
 * link's `/start <code>`, which links the chat to a pending contact method, and presses of
 * a page's Acknowledge button, which act as the Vigil user the pressing account is linked
 * to, with that user's rights checked now. Updates are answered 200 once handled (any
 * other status makes Telegram send them again); the bot's replies are API calls.
 */
export function telegramRoutes(api: Api, deps: HttpDeps, cfg: TelegramConfig): void {
  const { database, clock, config, wakeEngine, logger } = deps;
  const db = database.db;

  const checkSecret = async (req: FastifyRequest) => {
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], cfg.webhookSecret)) throw new AppError('unauthenticated', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token');
  };

  /** The bot's own calls while handling an update: a failure is logged, the update still handled. */
  const call = (method: string, payload: Record<string, unknown>): Promise<void> =>
    callBotApi(cfg, method, payload).then(
      () => undefined,
      (err: unknown) => {
        if (!isNotModified(err)) logger.warn({ method, error: err instanceof Error ? err.message : String(err) }, 'Telegram call failed');
      },
    );
  const say = (chatId: number, text: string) => call('sendMessage', { chat_id: chatId, text });

  async function start(chatId: number, chatType: string, code: string): Promise<void> {
    if (chatType !== 'private') return say(chatId, 'Open the link from your Vigil profile in a private chat with this bot: pages are personal.');
    const method = code ? await findPendingTelegram(db, telegramCodeHash(code), clock.now()) : undefined;
    const spent = 'This link has expired or was already used: ask Vigil for a new one on your profile.';
    if (!method) return say(chatId, code ? spent : HELP);
    const linked = await usersOfTelegramChat(db, String(chatId));
    if (linked.length > 0) {
      const who = linked.includes(method.user_id) ? 'your Vigil account already' : 'another Vigil user';
      return say(chatId, `This Telegram account is linked to ${who}; remove that contact method in Vigil first.`);
    }
    if (!(await bindTelegramChat(db, method.id, String(chatId), clock.now()))) return say(chatId, spent);
    const user = await findUser(db, method.user_id);
    return say(chatId, `Linked to Vigil${user ? ` as ${user.name}` : ''}. Pages will arrive here; press Acknowledge on one to take it.`);
  }

  async function press(query: CallbackQuery): Promise<void> {
    const refuse = (text: string) => call('answerCallbackQuery', { callback_query_id: query.id, text, show_alert: true });
    const incidentId = incidentOfAck(query.data ?? '');
    if (!incidentId) return call('answerCallbackQuery', { callback_query_id: query.id });
    // The account that pressed, not the chat the message is in: only a linked person acts.
    const [userId, ...others] = await usersOfTelegramChat(db, String(query.from.id));
    const user = userId && others.length === 0 ? await findUser(db, userId) : undefined;
    if (!user) return refuse('This Telegram account is not linked to a Vigil user: add Telegram as a contact method on your Vigil profile first.');
    const incidentNow = async () => (await chatIncidents(db, [incidentId], config.baseUrl)).get(incidentId);
    const before = (await incidentNow())?.incident;
    if (!before) return refuse('This incident no longer exists.');
    if (!(await mayActOnIncident(db, user, incidentId, config.incidentActions))) return refuse(`${user.name}, you may not act on this incident: ask an admin or the team's manager.`);
    let done = false;
    if (before.status === 'triggered') {
      const acted = await actOnIncident(database, incidentId, { type: 'acknowledge', by: user.id }, clock.now()).catch((err: unknown) => {
        // Resolved meanwhile: the message below shows it.
        if (err instanceof AppError && err.code === 'incident_resolved') return null;
        throw err;
      });
      done = acted?.status === 'acknowledged' && acted.acknowledged_by === user.id;
    }
    const now = await incidentNow();
    const after = now?.incident ?? before;
    await call('answerCallbackQuery', { callback_query_id: query.id, text: done ? 'Acknowledged' : `Already ${after.status}${actorOf(after) ? ` by ${actorOf(after)}` : ''}` });
    if (query.message && now) await showNow(query.message.chat.id, query.message.message_id, now);
    // Only now: the chat sync, a pass of the engine, then finds this message showing the incident.
    if (before.status === 'triggered') wakeEngine();
  }

  /** Edits the pressed message at once, and records it as showing that state so that the chat sync does not edit it again. */
  async function showNow(chatId: number, messageId: number, now: ChatIncidentNow): Promise<void> {
    const shown = await callBotApi(cfg, 'editMessageText', { chat_id: chatId, message_id: messageId, ...incidentText(now.incident, now.incident.url) }).then(
      () => true,
      (err: unknown) => {
        if (isNotModified(err)) return true;
        logger.warn({ method: 'editMessageText', error: err instanceof Error ? err.message : String(err) }, 'Telegram call failed');
        return false;
      },
    );
    const message = shown ? await findChatMessage(db, 'telegram', telegramRef(String(chatId), messageId)) : undefined;
    if (message?.incident_id === now.incident.id) await markChatSynced(db, message.id, now.state, now.seq);
  }

  api.post(
    '/integrations/telegram/webhook',
    { config: { public: true }, onRequest: checkSecret, schema: { tags: ['provider callbacks'], hide: true, body: Update } },
    async (req, reply) => {
      const { message, callback_query: query } = req.body;
      if (query) await press(query);
      else if (message?.text !== undefined) {
        const command = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?\s*$/.exec(message.text);
        await (command ? start(message.chat.id, message.chat.type, command[1] ?? '') : message.chat.type === 'private' ? say(message.chat.id, HELP) : undefined);
      }
      return reply.code(200).send({});
    },
  );
}
