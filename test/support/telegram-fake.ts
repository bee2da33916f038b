import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Button = { text: string; callback_data?: string; url?: string };

export interface ChatMessage {
  chatId: number;
  messageId: number;
  /** As sent, with its HTML. */
  text: string;
  keyboard: Button[][];
  silent: boolean;
  /** Each editMessageText that changed it, oldest first. */
  edits: { text: string; keyboard: Button[][] }[];
}

export interface CallbackAnswer {
  queryId: string;
  text?: string;
  showAlert: boolean;
}

/**
 * A local Telegram Bot API (https://core.telegram.org/bots/api) for the methods Vigil
 * calls, at /bot<token>/<method>, checking what Telegram checks: the token (401 otherwise),
 * that the chat has started the bot (400 chat not found) and not blocked it (403), text of
 * 1-4,096 characters after HTML entity parsing with only Telegram's tags and every <, >
 * and & escaped (400 can't parse entities), inline keyboards of buttons with a text and
 * one of callback_data (1-64 bytes) or url (http(s) to a host with a dot), edits of a
 * message that exists and changes (400 message is not modified), answers to a callback
 * query once (400 query ID is invalid), and 429 with parameters.retry_after on demand.
 * It plays the person too: /start from the bot's deep link and button presses, posted to
 * the webhook set with setWebhook with X-Telegram-Bot-Api-Secret-Token, as Telegram does.
 */
export interface TelegramFake {
  apiUrl: string;
  token: string;
  username: string;
  /** Messages in every chat, by chat, in order. */
  messages: ChatMessage[];
  answers: CallbackAnswer[];
  /** Methods refused, as `<method> <error_code>`. */
  refused: string[];
  /** What setWebhook set (or a test sets directly). */
  webhook: { url: string; secret: string } | null;
  /** The person opens the bot link and presses Start: `/start <code>` from their private chat. */
  start(chatId: number, link: string): Promise<number>;
  /** Any text the person types to the bot. */
  say(chatId: number, text: string, chatType?: string): Promise<number>;
  /** `from` presses the button with this text on a message in the chat. */
  press(message: ChatMessage, buttonText: string, from?: number): Promise<number>;
  /** Posts an update with this secret header instead of the right one. */
  post(update: Record<string, unknown>, secret?: string | null): Promise<number>;
  block(chatId: number): void;
  /** The next `count` calls of `method` get 429 asking to retry after `seconds`. */
  rateLimit(count: number, seconds: number, method?: string): void;
  lastIn(chatId: number): ChatMessage | undefined;
  close(): Promise<void>;
}

const allowedTags = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote', 'span']);

/** The text Telegram shows for an HTML message, or null where Telegram answers "can't parse entities". */
export function parseTelegramHtml(html: string): string | null {
  let shown = '';
  const open: string[] = [];
  for (let i = 0; i < html.length; ) {
    const c = html[i] as string;
    if (c === '<') {
      const tag = /^<(\/?)([a-z-]+)(?:\s[^<>]*)?>/.exec(html.slice(i));
      if (!tag || !allowedTags.has(tag[2] as string)) return null;
      if (tag[1]) {
        if (open.pop() !== tag[2]) return null;
      } else open.push(tag[2] as string);
      i += tag[0].length;
    } else if (c === '&') {
      const entity = /^&(?:(lt|gt|amp|quot)|#(\d+)|#x([0-9a-fA-F]+));/.exec(html.slice(i));
      if (!entity) return null;
      shown += entity[1] ? { lt: '<', gt: '>', amp: '&', quot: '"' }[entity[1]] : String.fromCodePoint(entity[2] ? Number(entity[2]) : parseInt(entity[3] as string, 16));
      i += entity[0].length;
    } else if (c === '>') return null;
    else {
      shown += c;
      i++;
    }
  }
  return open.length === 0 ? shown : null;
}

function keyboardProblem(markup: unknown): string | null {
  if (markup === undefined) return null;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) return "Bad Request: field \"inline_keyboard\" must be an Array of Arrays";
  for (const b of rows.flat() as Button[]) {
    if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: text buttons are unallowed in the inline keyboard';
    if ((b.callback_data === undefined) === (b.url === undefined)) return 'Bad Request: can\'t parse inline keyboard button: exactly one of the optional fields must be used';
    if (b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) < 1 || Buffer.byteLength(b.callback_data) > 64)) return 'Bad Request: BUTTON_DATA_INVALID';
    if (b.url !== undefined) {
      const host = /^https?:\/\/([^/:?#]+)/.exec(b.url)?.[1];
      if (!host?.includes('.')) return `Bad Request: inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`;
    }
  }
  return null;
}

/** `port` and `token` fixed for a server started before the fake (the browser tests'). */
export async function startTelegramFake(options: { port?: number; token?: string } = {}): Promise<TelegramFake> {
  const started = new Set<number>();
  const blocked = new Set<number>();
  const queries = new Set<string>();
  let limited = 0;
  let limitedMethod = '';
  let retryAfter = 0;
  let updateId = 1000;
  let messageId = 1;

  const fake: TelegramFake = {
    apiUrl: '',
    token: options.token ?? `${1000000 + Math.floor(Math.random() * 1000000)}:${randomBytes(26).toString('base64url')}`,
    username: 'vigil_test_bot',
    messages: [],
    answers: [],
    refused: [],
    webhook: null,
    start: (chatId, link) => {
      const code = new URL(link).searchParams.get('start') ?? '';
      started.add(chatId);
      return fake.say(chatId, `/start ${code}`);
    },
    say: (chatId, text, chatType = 'private') =>
      fake.post({
        message: {
          message_id: messageId++,
          from: { id: chatId, is_bot: false, first_name: `User ${chatId}` },
          chat: { id: chatId, type: chatType, ...(chatType === 'private' ? { first_name: `User ${chatId}` } : { title: 'A group' }) },
          date: Math.floor(Date.now() / 1000),
          text,
          ...(text.startsWith('/') && { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 }] }),
        },
      }),
    press: (message, buttonText, from = message.chatId) => {
      const shown = message.edits.at(-1)?.keyboard ?? message.keyboard;
      const button = shown.flat().find((b) => b.text === buttonText && b.callback_data !== undefined);
      if (!button) throw new Error(`no ${buttonText} button on message ${message.messageId}`);
      const id = randomBytes(8).toString('hex');
      queries.add(id);
      return fake.post({
        callback_query: {
          id,
          from: { id: from, is_bot: false, first_name: `User ${from}` },
          message: { message_id: message.messageId, chat: { id: message.chatId, type: 'private' }, date: Math.floor(Date.now() / 1000), text: parseTelegramHtml(message.text) },
          chat_instance: String(message.chatId),
          data: button.callback_data,
        },
      });
    },
    post: async (update, secret) => {
      if (!fake.webhook) throw new Error('no webhook set');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const header = secret === undefined ? fake.webhook.secret : secret;
      if (header !== null) headers['x-telegram-bot-api-secret-token'] = header;
      const res = await fetch(fake.webhook.url, { method: 'POST', headers, body: JSON.stringify({ update_id: updateId++, ...update }) });
      await res.text();
      return res.status;
    },
    block: (chatId) => void blocked.add(chatId),
    rateLimit: (count, seconds, method = 'sendMessage') => {
      limited = count;
      limitedMethod = method;
      retryAfter = seconds;
    },
    lastIn: (chatId) => fake.messages.filter((m) => m.chatId === chatId).at(-1),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const answer = (res: ServerResponse, method: string, code: number, body: Record<string, unknown>) => {
    if (code !== 200) fake.refused.push(`${method} ${code}`);
    res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(code === 200 ? { ok: true, result: body['result'] } : { ok: false, error_code: code, ...body }));
  };

  type Params = Record<string, unknown>;
  const chatOf = (p: Params): number | null => {
    const id = typeof p['chat_id'] === 'string' && /^-?\d+$/.test(p['chat_id']) ? Number(p['chat_id']) : p['chat_id'];
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  };
  const textProblem = (p: Params): string | null => {
    if (typeof p['text'] !== 'string') return 'Bad Request: message text is empty';
    const shown = p['parse_mode'] === 'HTML' ? parseTelegramHtml(p['text']) : p['parse_mode'] === undefined ? p['text'] : null;
    if (shown === null) return "Bad Request: can't parse entities: unsupported start tag or unescaped character";
    if (shown.trim() === '') return 'Bad Request: message text is empty';
    if ([...shown].length > 4096) return 'Bad Request: message is too long';
    return null;
  };

  const methods: Record<string, (p: Params) => [number, Record<string, unknown>]> = {
    getMe: () => [200, { result: { id: Number(fake.token.split(':')[0]), is_bot: true, first_name: 'Vigil', username: fake.username } }],
    setWebhook: (p) => {
      if (typeof p['url'] !== 'string' || !/^https?:\/\//.test(p['url'])) return [400, { description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook' }];
      if (p['secret_token'] !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p['secret_token']))) return [400, { description: 'Bad Request: secret token contains unallowed characters' }];
      fake.webhook = { url: p['url'], secret: String(p['secret_token'] ?? '') };
      return [200, { result: true }];
    },
    sendMessage: (p) => {
      const chatId = chatOf(p);
      if (chatId === null || !started.has(chatId)) return [400, { description: 'Bad Request: chat not found' }];
      if (blocked.has(chatId)) return [403, { description: 'Forbidden: bot was blocked by the user' }];
      const problem = textProblem(p) ?? keyboardProblem(p['reply_markup']);
      if (problem) return [400, { description: problem }];
      if (p['disable_notification'] !== undefined && typeof p['disable_notification'] !== 'boolean') return [400, { description: 'Bad Request: invalid disable_notification' }];
      const keyboard = (p['reply_markup'] as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
      const sent: ChatMessage = { chatId, messageId: messageId++, text: p['text'] as string, keyboard, silent: p['disable_notification'] === true, edits: [] };
      fake.messages.push(sent);
      return [200, { result: { message_id: sent.messageId, chat: { id: chatId, type: 'private' }, date: Math.floor(Date.now() / 1000), text: parseTelegramHtml(sent.text) } }];
    },
    editMessageText: (p) => {
      const chatId = chatOf(p);
      const message = fake.messages.find((m) => m.chatId === chatId && m.messageId === p['message_id']);
      if (!message) return [400, { description: 'Bad Request: message to edit not found' }];
      const problem = textProblem(p) ?? keyboardProblem(p['reply_markup']);
      if (problem) return [400, { description: problem }];
      const keyboard = (p['reply_markup'] as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
      const current = message.edits.at(-1) ?? message;
      if (current.text === p['text'] && JSON.stringify(current.keyboard) === JSON.stringify(keyboard)) {
        return [400, { description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message' }];
      }
      message.edits.push({ text: p['text'] as string, keyboard });
      return [200, { result: { message_id: message.messageId } }];
    },
    answerCallbackQuery: (p) => {
      const id = String(p['callback_query_id']);
      if (!queries.delete(id)) return [400, { description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }];
      if (p['text'] !== undefined && (typeof p['text'] !== 'string' || [...p['text']].length > 200)) return [400, { description: 'Bad Request: MESSAGE_TOO_LONG' }];
      fake.answers.push({ queryId: id, ...(typeof p['text'] === 'string' && { text: p['text'] }), showAlert: p['show_alert'] === true });
      return [200, { result: true }];
    },
  };

  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const method = match?.[2] ?? '?';
      if (!match || match[1] !== fake.token) return answer(res, method, match ? 401 : 404, { description: match ? 'Unauthorized' : 'Not Found' });
      if (limited > 0 && method === limitedMethod) {
        limited--;
        return answer(res, method, 429, { description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
      const handler = methods[method];
      if (!handler) return answer(res, method, 404, { description: 'Not Found: method not found' });
      let params: Params;
      try {
        params = data === '' ? {} : (JSON.parse(data) as Params);
      } catch {
        return answer(res, method, 400, { description: 'Bad Request: invalid JSON' });
      }
      const [code, body] = handler(params);
      answer(res, method, code, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  fake.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
