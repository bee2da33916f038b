import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NtfyAction {
  action: string;
  label: string;
  url?: string;
  method?: string;
  clear?: boolean;
}

export interface Published {
  topic: string;
  title?: string;
  message?: string;
  priority?: number;
  tags?: string[];
  click?: string;
  actions?: NtfyAction[];
  /** The Authorization header as sent, if any. */
  authorization: string | null;
}

/**
 * A local ntfy server for its JSON publishing API (https://docs.ntfy.sh/publish/#publish-as-json):
 * POST to the root URL, the topic in the body. It refuses what ntfy refuses: a bad topic
 * name, a priority outside 1-5, a message over 4,096 bytes, more than three actions or
 * one without a label or URL, and, for a protected topic, a missing (403) or wrong (401)
 * access token. It can answer 429 with Retry-After like a rate-limited server.
 */
export interface NtfyFake {
  /** The server's root URL, ending in a slash. */
  url: string;
  topicUrl(topic: string): string;
  published: Published[];
  /** Requests refused, by status. */
  refused: number[];
  protect(topic: string, token: string): void;
  /** The next `count` publications get 429 with this Retry-After (seconds). */
  rateLimit(count: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

const topicName = /^[-_A-Za-z0-9]{1,64}$/;

/** Starts the fake on a free loopback port (vitest suites: useNtfyFake in ntfy-fake-hooks.ts). */
export async function startNtfyFake(): Promise<NtfyFake> {
  const tokens = new Map<string, string>();
  let limited = 0;
  let retryAfter = 0;
  const fake: NtfyFake = {
    url: '',
    topicUrl: (topic) => `${fake.url}${topic}`,
    published: [],
    refused: [],
    protect: (topic, token) => void tokens.set(topic, token),
    rateLimit: (count, seconds) => {
      limited = count;
      retryAfter = seconds;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    if (status >= 400) fake.refused.push(status);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      if ((req.method !== 'POST' && req.method !== 'PUT') || req.url !== '/') return answer(res, 404, { code: 40401, error: 'page not found' });
      if (limited > 0) {
        limited--;
        return answer(res, 429, { code: 42901, error: 'limit reached: too many requests' }, { 'retry-after': String(retryAfter) });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(data) as Record<string, unknown>;
      } catch {
        return answer(res, 400, { code: 40017, error: 'invalid request: request body must be message JSON' });
      }
      const { topic, priority, message, title, actions, click, tags } = body;
      const bad = (error: string) => answer(res, 400, { code: 40000, error });
      if (typeof topic !== 'string' || !topicName.test(topic)) return bad('invalid topic');
      if (priority !== undefined && (!Number.isInteger(priority) || (priority as number) < 1 || (priority as number) > 5)) return bad('invalid priority');
      if (message !== undefined && (typeof message !== 'string' || Buffer.byteLength(message) > 4096)) return bad('invalid message');
      if (title !== undefined && typeof title !== 'string') return bad('invalid title');
      if (click !== undefined && (typeof click !== 'string' || !/^https?:\/\//.test(click))) return bad('invalid click URL');
      if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) return bad('invalid tags');
      if (actions !== undefined) {
        if (!Array.isArray(actions) || actions.length > 3) return bad('invalid actions: too many');
        for (const a of actions as NtfyAction[]) {
          if (!['view', 'http', 'broadcast'].includes(a.action) || typeof a.label !== 'string' || a.label === '') return bad('invalid action');
          if (a.action !== 'broadcast' && !/^https?:\/\//.test(a.url ?? '')) return bad('invalid action URL');
        }
      }
      const authorization = req.headers.authorization ?? null;
      const required = tokens.get(topic);
      if (authorization !== null && !Array.from(tokens.values()).some((t) => authorization === `Bearer ${t}`)) return answer(res, 401, { code: 40101, error: 'unauthorized' });
      if (required !== undefined && authorization !== `Bearer ${required}`) return answer(res, 403, { code: 40301, error: 'forbidden' });
      fake.published.push({ ...(body as Omit<Published, 'authorization'>), authorization });
      answer(res, 200, { id: `m${fake.published.length}`, time: Math.floor(Date.now() / 1000), event: 'message', topic, message: message ?? 'triggered' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return fake;
}
