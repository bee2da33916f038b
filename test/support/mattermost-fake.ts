import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MattermostPost {
  id: string;
  channel_id: string;
  message: string;
  props: { attachments?: Attachment[] };
  /** Every version, the posted one first, then each patch's. */
  versions: { message: string; props: { attachments?: Attachment[] } }[];
}

export interface Attachment {
  title?: string;
  text?: string;
  actions?: { id: string; name: string; type?: string; integration: { url: string; context: Record<string, unknown> } }[];
  [key: string]: unknown;
}

export interface MattermostUser {
  id: string;
  username: string;
  email: string;
  emailVerified: boolean;
}

/** What a Mattermost server answers an integration request with (its JSON), and the HTTP status. */
export interface IntegrationAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A local Mattermost REST API (https://api.mattermost.com) for the calls Vigil makes, checking
 * what Mattermost checks: the bot's token as `Authorization: Bearer` (401), a JSON body,
 * a 26-character channel the bot is a member of (403 otherwise, 404 for none), a message or
 * attachments, and each button's id (letters and digits), name and integration URL. A patch
 * must name a post the bot made (404). Users are read by id (404 for none), the bot itself
 * as /users/me. A direct channel (POST /api/v4/channels/direct) takes a JSON array of two
 * user ids, one of them the bot's (403 otherwise: a bot may only open its own DMs), the
 * other a known user (404), and is the same channel every time. Like the server's rate
 * limiter, it can answer 429 "limit exceeded" (text/plain) with X-RateLimit-* and
 * Retry-After before anything else. It also does what the Mattermost server does with a
 * button: POSTs the action request (user_id, post_id, channel_id, context…) to the
 * button's integration URL.
 */
export interface MattermostFake {
  url: string;
  token: string;
  /** The bot account's user id (GET /api/v4/users/me): the same for the same token. */
  botUserId: string;
  calls: { method: string; path: string; authorization: string | null; body: Record<string, unknown> | null }[];
  posts: Map<string, MattermostPost>;
  addChannel(id: string, options?: { member?: boolean }): void;
  addUser(user: MattermostUser): void;
  postedTo(channelId: string): MattermostPost[];
  /** The posts in the bot's direct channel with this user. */
  directTo(userId: string): MattermostPost[];
  /** The next `requests` API requests are answered 429, asking to wait `retryAfterSeconds`. */
  rateLimit(requests: number, retryAfterSeconds: number): void;
  /** How many requests were answered 429. */
  limited: number;
  /** Every action request the fake sent (a press), as sent: a test replays one by delivering it again. */
  actionRequests: { url: string; body: string }[];
  /** Presses a button of a post as `userId`, the way Mattermost forwards it; `context` replaces the button's. */
  press(postId: string, actionId: string, userId: string, context?: Record<string, unknown>): Promise<IntegrationAnswer>;
  /** How the fake reaches Vigil: over HTTP by default; a test may hand requests to its app in process. */
  deliver: (url: string, contentType: string, body: string) => Promise<IntegrationAnswer>;
  /** Runs a slash command as Mattermost sends it (a form POST) to `url`. */
  command(url: string, fields: { token: string; user_id: string; text: string }): Promise<IntegrationAnswer>;
  close(): Promise<void>;
}

const ID = /^[a-z0-9]{26}$/;
const ACTION_ID = /^[A-Za-z0-9]+$/;

// From the current time in microseconds: a fake restarted on the same port (each Playwright
// repeat) must not hand out an earlier post's id, which Vigil keeps once per id.
let counter = Date.now() * 1000;
/** A Mattermost-looking id: 26 lowercase letters and digits. */
export const mattermostId = (seed = '') => `${seed}${(++counter).toString(36)}${'x'.repeat(26)}`.replace(/[^a-z0-9]/g, 'y').slice(0, 26);

async function bodyOf(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += (chunk as Buffer).toString('utf8');
  return data;
}

/** Why Mattermost would refuse this post's attachments, or null. */
function attachmentsProblem(props: unknown): string | null {
  const attachments = (props as { attachments?: unknown } | undefined)?.attachments;
  if (attachments === undefined) return null;
  if (!Array.isArray(attachments)) return 'attachments must be an array';
  for (const a of attachments as Attachment[]) {
    for (const action of a.actions ?? []) {
      if (typeof action.id !== 'string' || !ACTION_ID.test(action.id)) return `action id ${String(action.id)} must be letters and digits`;
      if (typeof action.name !== 'string' || action.name === '') return 'an action needs a name';
      if (typeof action.integration?.url !== 'string' || !/^https?:\/\//.test(action.integration.url)) return 'an action needs an integration url';
    }
  }
  return null;
}

async function send(url: string, contentType: string, body: string): Promise<IntegrationAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export async function startMattermostFake(token = 'bottoken0123456789abcdefgh', port = 0): Promise<MattermostFake> {
  const channels = new Map<string, { member: boolean }>();
  const users = new Map<string, MattermostUser>();
  /** The bot's direct channel with each user, by the user's id. */
  const directs = new Map<string, string>();
  let limitNext = 0;
  let retryAfter = 1;
  const fake: MattermostFake = {
    url: '',
    token,
    // One token is one bot account, whose id a restarted fake keeps (Vigil asks for it once).
    botUserId: createHash('sha256').update(token).digest('hex').slice(0, 26),
    limited: 0,
    actionRequests: [],
    calls: [],
    posts: new Map(),
    addChannel: (id, options = {}) => void channels.set(id, { member: options.member ?? true }),
    addUser: (user) => void users.set(user.id, user),
    postedTo: (channelId) => [...fake.posts.values()].filter((p) => p.channel_id === channelId),
    directTo: (userId) => {
      const channel = directs.get(userId);
      return channel ? fake.postedTo(channel) : [];
    },
    rateLimit: (requests, retryAfterSeconds) => {
      limitNext = requests;
      retryAfter = retryAfterSeconds;
    },
    deliver: send,
    async press(postId, actionId, userId, context) {
      const post = fake.posts.get(postId);
      const action = post?.props.attachments?.flatMap((a) => a.actions ?? []).find((a) => a.id === actionId);
      if (!post || !action) throw new Error(`post ${postId} has no button ${actionId}`);
      const request = { user_id: userId, user_name: users.get(userId)?.username ?? '', channel_id: post.channel_id, channel_name: 'incidents', team_id: 'team', team_domain: 'example', post_id: postId, trigger_id: 'trigger', type: '', data_source: '', context: context ?? action.integration.context };
      const sent = { url: action.integration.url, body: JSON.stringify(request) };
      fake.actionRequests.push(sent);
      return fake.deliver(sent.url, 'application/json', sent.body);
    },
    command: (url, fields) =>
      fake.deliver(url, 'application/x-www-form-urlencoded', new URLSearchParams({ ...fields, channel_id: 'channel', team_id: 'team', command: '/vigil', response_url: 'http://127.0.0.1:9/hooks/commands' }).toString()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const fail = (res: ServerResponse, status: number, id: string, message: string) => answer(res, status, { id, message, detailed_error: '', request_id: 'req', status_code: status });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await bodyOf(req);
      const path = new URL(req.url ?? '/', 'http://mattermost.local').pathname;
      const authorization = req.headers.authorization ?? null;
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        if (!req.headers['content-type']?.startsWith('application/json')) return fail(res, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing body');
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return fail(res, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing body');
        }
      }
      fake.calls.push({ method: req.method ?? '', path, authorization, body });
      if (limitNext > 0) {
        // The server's limiter (app/ratelimit.go): throttled's headers, then http.Error's plain text.
        limitNext -= 1;
        fake.limited += 1;
        res.writeHead(429, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(retryAfter), 'retry-after': String(retryAfter), 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
        return void res.end('limit exceeded\n');
      }
      if (authorization !== `Bearer ${token}`) return fail(res, 401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');
      if (req.method === 'GET' && path === '/api/v4/users/me') return answer(res, 200, { id: fake.botUserId, username: 'vigil', email: '', delete_at: 0, is_bot: true });
      if (req.method === 'POST' && path === '/api/v4/channels/direct') {
        const ids: unknown = body;
        if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === 'string' && ID.test(id))) return fail(res, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing user_ids in request body.');
        if (!ids.includes(fake.botUserId)) return fail(res, 403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
        const other = (ids as string[]).find((id) => id !== fake.botUserId) ?? fake.botUserId;
        if (other !== fake.botUserId && !users.has(other)) return fail(res, 404, 'app.user.missing_account.const', 'Unable to find the user.');
        let channel = directs.get(other);
        if (!channel) {
          channel = mattermostId('dm');
          directs.set(other, channel);
          channels.set(channel, { member: true });
        }
        return answer(res, 201, { id: channel, type: 'D', name: [fake.botUserId, other].sort().join('__') });
      }
      const user = /^\/api\/v4\/users\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && user) {
        const found = users.get(user[1] as string);
        if (!found) return fail(res, 404, 'app.user.missing_account.const', 'Unable to find the user.');
        return answer(res, 200, { id: found.id, username: found.username, email: found.email, email_verified: found.emailVerified, delete_at: 0, is_bot: false });
      }
      if (req.method === 'POST' && path === '/api/v4/posts') {
        const channelId = body?.channel_id;
        if (typeof channelId !== 'string' || !ID.test(channelId)) return fail(res, 400, 'api.context.invalid_body_param.app_error', 'Invalid or missing channel_id in request body.');
        const channel = channels.get(channelId);
        if (!channel) return fail(res, 404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
        if (!channel.member) return fail(res, 403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
        const props = (body?.props ?? {}) as MattermostPost['props'];
        const message = typeof body?.message === 'string' ? body.message : '';
        if (message === '' && !props.attachments?.length) return fail(res, 400, 'model.post.is_valid.msg.app_error', 'Invalid message');
        const problem = attachmentsProblem(props);
        if (problem) return fail(res, 400, 'model.post.is_valid.props.app_error', problem);
        const id = mattermostId('p');
        fake.posts.set(id, { id, channel_id: channelId, message, props, versions: [{ message, props }] });
        return answer(res, 201, { id, channel_id: channelId, message, props, create_at: Date.now() });
      }
      const patch = /^\/api\/v4\/posts\/([^/]+)\/patch$/.exec(path);
      if (req.method === 'PUT' && patch) {
        const post = fake.posts.get(patch[1] as string);
        if (!post) return fail(res, 404, 'app.post.get.app_error', 'Unable to get the post.');
        const problem = attachmentsProblem(body?.props);
        if (problem) return fail(res, 400, 'model.post.is_valid.props.app_error', problem);
        if (typeof body?.message === 'string') post.message = body.message;
        if (body?.props !== undefined) post.props = body.props as MattermostPost['props'];
        post.versions.push({ message: post.message, props: post.props });
        return answer(res, 200, { id: post.id, channel_id: post.channel_id, message: post.message, props: post.props });
      }
      fail(res, 404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
