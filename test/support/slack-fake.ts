import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the fake holds it: what was posted, then each chat.update's version. */
export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Record<string, unknown>[];
  /** Every version, the posted one first. */
  versions: { text: string; blocks: Record<string, unknown>[] }[];
}

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | null;
  contentType: string | null;
}

export interface SlackUser {
  id: string;
  name: string;
  email: string;
  emailConfirmed: boolean;
}

/**
 * A local Slack Web API (https://api.slack.com/web) for chat.postMessage, chat.update
 * and users.info, checking what Slack checks: the bot token as `Authorization: Bearer`
 * (not_authed, invalid_auth), a JSON body declared as such (form posts too for
 * users.info, as Slack takes either), a channel it knows and the bot may post to
 * (channel_not_found, not_in_channel), text or blocks (no_text), and the Block Kit
 * limits (invalid_blocks: at most 50 blocks, a section's text at most 3000 characters
 * and 10 fields of 2000, an actions block at most 25 elements, each button with text,
 * an action_id unique in its block and a value). chat.update must name a message it
 * posted (message_not_found). Failures answer HTTP 200 with ok: false, as Slack does;
 * a rate limit answers 429 with Retry-After.
 */
export interface SlackFake {
  /** The Web API's base URL, as VIGIL_SLACK_API_URL takes it (no trailing slash). */
  url: string;
  token: string;
  calls: SlackCall[];
  /** Posted messages by `${channel}:${ts}`. */
  messages: Map<string, SlackMessage>;
  /** A channel the bot may post to (public, or private with the bot invited unless `member` is false). */
  addChannel(id: string, options?: { member?: boolean }): void;
  /** A workspace member: the bot may DM them, and users.info describes them. */
  addUser(user: SlackUser): void;
  /** The next `count` calls of `method` get 429 with this Retry-After (seconds). */
  rateLimit(method: string, count: number, retryAfterSeconds: number): void;
  /** The next call of `method` answers ok: false with this error. */
  failNext(method: string, error: string): void;
  /** The messages posted to a channel (a DM's is its D… id), oldest first. */
  postedTo(channel: string): SlackMessage[];
  close(): Promise<void>;
}

const blockTypes = new Set(['section', 'context', 'actions', 'divider', 'header', 'image', 'rich_text', 'input', 'file', 'video']);

/** Why Slack would refuse these blocks, or null. */
function blocksProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return 'no more than 50 items allowed';
  for (const [i, block] of (blocks as Record<string, unknown>[]).entries()) {
    const at = `[${i}]`;
    if (typeof block !== 'object' || block === null || !blockTypes.has(block.type as string)) return `${at} unknown block type`;
    if (block.block_id !== undefined && (typeof block.block_id !== 'string' || block.block_id.length > 255)) return `${at} invalid block_id`;
    if (block.type === 'section') {
      const text = block.text as { type?: string; text?: string } | undefined;
      const fields = block.fields as { type?: string; text?: string }[] | undefined;
      if (!text && !fields) return `${at} section needs text or fields`;
      if (text && (!['mrkdwn', 'plain_text'].includes(text.type ?? '') || typeof text.text !== 'string' || text.text.length < 1 || text.text.length > 3000)) return `${at} invalid section text`;
      if (fields && (!Array.isArray(fields) || fields.length > 10 || fields.some((f) => typeof f.text !== 'string' || f.text.length > 2000))) return `${at} invalid fields`;
    }
    if (block.type === 'context') {
      const elements = block.elements as unknown[] | undefined;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > 10) return `${at} invalid context elements`;
    }
    if (block.type === 'actions') {
      const elements = block.elements as Record<string, unknown>[] | undefined;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > 25) return `${at} actions need 1 to 25 elements`;
      const ids = new Set<string>();
      for (const e of elements) {
        if (e.type !== 'button') continue;
        const text = e.text as { type?: string; text?: string } | undefined;
        if (text?.type !== 'plain_text' || typeof text.text !== 'string' || text.text.length < 1 || text.text.length > 75) return `${at} invalid button text`;
        if (typeof e.action_id !== 'string' || e.action_id.length < 1 || e.action_id.length > 255 || ids.has(e.action_id)) return `${at} invalid or repeated action_id`;
        ids.add(e.action_id);
        if (e.url === undefined && (typeof e.value !== 'string' || e.value.length > 2000)) return `${at} button needs a value`;
        if (e.style !== undefined && !['primary', 'danger'].includes(e.style as string)) return `${at} invalid style`;
      }
    }
  }
  return null;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += (chunk as Buffer).toString('utf8');
  return data;
}

/** Starts the fake on a loopback port, a free one by default (vitest suites: useSlackFake in slack-fake-hooks.ts). */
export async function startSlackFake(token = 'xoxb-1-test-bot-token', port = 0): Promise<SlackFake> {
  const channels = new Map<string, { member: boolean }>();
  const users = new Map<string, SlackUser>();
  const limits = new Map<string, { count: number; seconds: number }>();
  const failures = new Map<string, string>();
  // Microseconds from now, as Slack's ts are: a fake restarted on the same port (a Playwright
  // repeat) must not hand out a ts Vigil already recorded for an earlier message.
  let clock = Date.now() * 1000;
  const fake: SlackFake = {
    url: '',
    token,
    calls: [],
    messages: new Map(),
    addChannel: (id, options = {}) => void channels.set(id, { member: options.member ?? true }),
    addUser: (user) => void users.set(user.id, user),
    rateLimit: (method, count, seconds) => void limits.set(method, { count, seconds }),
    failNext: (method, error) => void failures.set(method, error),
    postedTo: (channel) => [...fake.messages.values()].filter((m) => m.channel === channel),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const answer = (res: ServerResponse, body: Record<string, unknown>, status = 200, headers: Record<string, string> = {}) =>
    void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  const fail = (res: ServerResponse, error: string, extra: Record<string, unknown> = {}) => answer(res, { ok: false, error, ...extra });

  /** Where a post to `channel` lands: a channel, or the DM Slack opens with a member. */
  const destination = (channel: string): string | { error: string } => {
    if (users.has(channel)) return `D${channel.slice(1)}`;
    const known = channels.get(channel);
    if (!known) return { error: 'channel_not_found' };
    if (!known.member) return { error: 'not_in_channel' };
    return channel;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await bodyOf(req);
      const url = new URL(req.url ?? '/', 'http://slack.local');
      const method = url.pathname.replace(/^\//, '');
      const contentType = req.headers['content-type'] ?? null;
      let body: Record<string, unknown> = Object.fromEntries(url.searchParams);
      if (contentType?.startsWith('application/json')) {
        try {
          body = { ...body, ...(JSON.parse(raw) as Record<string, unknown>) };
        } catch {
          return fail(res, 'invalid_json');
        }
      } else if (contentType?.startsWith('application/x-www-form-urlencoded')) {
        body = { ...body, ...Object.fromEntries(new URLSearchParams(raw)) };
      } else if (raw !== '') {
        return fail(res, 'invalid_form_data');
      }
      const authorization = req.headers.authorization ?? null;
      fake.calls.push({ method, body, authorization, contentType });
      if (!['chat.postMessage', 'chat.update', 'users.info'].includes(method)) return fail(res, 'unknown_method');
      if (!authorization) return fail(res, 'not_authed');
      if (authorization !== `Bearer ${token}`) return fail(res, 'invalid_auth');
      const limit = limits.get(method);
      if (limit && limit.count > 0) {
        limit.count--;
        return answer(res, { ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(limit.seconds) });
      }
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        return fail(res, failure);
      }
      if (method === 'users.info') {
        const user = users.get(String(body.user ?? ''));
        if (!user) return fail(res, 'user_not_found');
        return answer(res, {
          ok: true,
          user: { id: user.id, name: user.name, real_name: user.name, deleted: false, is_bot: false, is_email_confirmed: user.emailConfirmed, profile: { email: user.email, real_name: user.name, display_name: user.name } },
        });
      }
      // Vigil posts JSON; a form post would carry blocks as a string the checks below do not read.
      if (!contentType?.startsWith('application/json')) return fail(res, 'invalid_arguments');
      const { channel, text, blocks } = body;
      if (typeof channel !== 'string' || channel === '') return fail(res, 'channel_not_found');
      if ((typeof text !== 'string' || text === '') && blocks === undefined) return fail(res, 'no_text');
      if (blocks !== undefined) {
        const problem = blocksProblem(blocks);
        if (problem) return fail(res, 'invalid_blocks', { errors: [problem] });
      }
      const version = { text: typeof text === 'string' ? text : '', blocks: (blocks as Record<string, unknown>[] | undefined) ?? [] };
      if (method === 'chat.update') {
        const message = fake.messages.get(`${channel}:${String(body.ts)}`);
        if (!message) return fail(res, 'message_not_found');
        Object.assign(message, version);
        message.versions.push(version);
        return answer(res, { ok: true, channel, ts: message.ts, text: message.text });
      }
      const to = destination(channel);
      if (typeof to !== 'string') return fail(res, to.error);
      clock += 100;
      const ts = `${Math.floor(clock / 1_000_000)}.${String(clock % 1_000_000).padStart(6, '0')}`;
      fake.messages.set(`${to}:${ts}`, { channel: to, ts, ...version, versions: [version] });
      answer(res, { ok: true, channel: to, ts, message: { type: 'message', text: version.text, ts } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
