import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message Pushover accepted, its fields as sent (form or JSON, all strings). */
export interface PushoverMessage {
  user: string;
  device?: string;
  title?: string;
  message: string;
  priority?: string;
  retry?: string;
  expire?: string;
  url?: string;
  url_title?: string;
  callback?: string;
  /** Set for an emergency message. */
  receipt?: string;
}

export interface FakeReceipt {
  user: string;
  acknowledgedAt: number | null;
  acknowledgedByDevice: string | null;
  cancelled: boolean;
  expiresAt: number;
  /** How many times it was read through the receipts API. */
  reads: number;
}

/**
 * A local Pushover API (https://pushover.net/api) for messages, user validation and
 * emergency receipts. It checks what Pushover checks: the application token on every
 * call, a user key of 30 letters and digits that it knows and a device that user has,
 * a message of at most 1,024 characters, a title of 250, a URL of 512 and its title of
 * 100, a priority from -2 to 2, and for priority 2 a retry of at least 30 seconds and
 * an expiry of at most 10,800. Refusals answer 4xx with `status: 0` and `errors`, as
 * Pushover does; it can answer 429 like an application over its limit.
 */
export interface PushoverFake {
  url: string;
  appToken: string;
  /** A user key Pushover knows, with their devices. */
  addUser(devices?: string[]): string;
  /** The user deletes their account: Pushover no longer knows the key. */
  forget(user: string): void;
  messages: PushoverMessage[];
  receipts: Map<string, FakeReceipt>;
  /** The user acknowledges the alarm in the app, on one of their devices. */
  acknowledge(receipt: string, device?: string): void;
  /** The next `count` calls answer 429, with this Retry-After when given. */
  rateLimit(count: number, retryAfterSeconds?: number): void;
  /** Requests refused, by status. */
  refused: number[];
  close(): Promise<void>;
}

const key = /^[A-Za-z0-9]{30}$/;
const newKey = () => randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(30, 'x').slice(0, 30);

async function fieldsOf(req: IncomingMessage): Promise<Record<string, string>> {
  let data = '';
  for await (const chunk of req) data += (chunk as Buffer).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams);
  if (/json/.test(req.headers['content-type'] ?? '')) {
    const body = JSON.parse(data || '{}') as Record<string, unknown>;
    return { ...query, ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])) };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(data)) };
}

/**
 * Starts the fake on a free loopback port (vitest suites: usePushoverFake in
 * pushover-fake-hooks.ts), or on the port and with the token a server was started with.
 */
export async function startPushoverFake(options: { port?: number; appToken?: string } = {}): Promise<PushoverFake> {
  const users = new Map<string, string[]>();
  let limited = 0;
  let retryAfter: number | undefined;
  const fake: PushoverFake = {
    url: '',
    appToken: options.appToken ?? newKey(),
    addUser: (devices = ['phone']) => {
      const user = newKey();
      users.set(user, devices);
      return user;
    },
    forget: (user) => void users.delete(user),
    messages: [],
    receipts: new Map(),
    acknowledge: (receipt, device) => {
      const r = fake.receipts.get(receipt);
      if (!r) throw new Error(`no receipt ${receipt}`);
      r.acknowledgedAt = Math.floor(Date.now() / 1000);
      r.acknowledgedByDevice = device ?? users.get(r.user)?.[0] ?? null;
    },
    rateLimit: (count, seconds) => {
      limited = count;
      retryAfter = seconds;
    },
    refused: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    if (status >= 400) fake.refused.push(status);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ ...body, request: randomBytes(16).toString('hex') }));
  };
  const refuse = (res: ServerResponse, field: string, error: string) => answer(res, 400, { [field]: 'invalid', errors: [error], status: 0 });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const f = await fieldsOf(req).catch(() => null);
      if (!f) return refuse(res, 'body', 'request body is not valid');
      if (limited > 0) {
        limited--;
        return answer(res, 429, { errors: ['application is over its message limit'], status: 0 }, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
      }
      if (f['token'] !== fake.appToken) return refuse(res, 'token', 'application token is invalid');
      const receiptPath = /^\/1\/receipts\/([A-Za-z0-9]{30})(\/cancel)?\.json$/.exec(path);
      if (receiptPath) {
        const receipt = fake.receipts.get(receiptPath[1] as string);
        if (!receipt) return answer(res, 404, { receipt: 'not found', errors: ['receipt not found; may be invalid or expired'], status: 0 });
        if (receiptPath[2]) {
          if (req.method !== 'POST') return answer(res, 404, { errors: ['not found'], status: 0 });
          receipt.cancelled = true;
          return answer(res, 200, { status: 1 });
        }
        if (req.method !== 'GET') return answer(res, 404, { errors: ['not found'], status: 0 });
        receipt.reads++;
        const now = Math.floor(Date.now() / 1000);
        const acked = receipt.acknowledgedAt !== null;
        return answer(res, 200, {
          status: 1,
          acknowledged: acked ? 1 : 0,
          acknowledged_at: receipt.acknowledgedAt ?? 0,
          acknowledged_by: acked ? receipt.user : '',
          acknowledged_by_device: receipt.acknowledgedByDevice ?? '',
          last_delivered_at: now,
          expired: receipt.cancelled || now > receipt.expiresAt ? 1 : 0,
          expires_at: receipt.expiresAt,
          called_back: 0,
          called_back_at: 0,
        });
      }
      if (req.method !== 'POST') return answer(res, 404, { errors: ['not found'], status: 0 });
      const user = f['user'] ?? '';
      if (!key.test(user) || !users.has(user)) return refuse(res, 'user', 'user identifier is not a valid user, group, or subscribed user key');
      const device = f['device'];
      if (device !== undefined && device !== '' && !users.get(user)?.includes(device)) return refuse(res, 'device', 'device name is not valid for user');
      if (path === '/1/users/validate.json') return answer(res, 200, { status: 1, group: 0, devices: users.get(user), licenses: ['Android'] });
      if (path !== '/1/messages.json') return answer(res, 404, { errors: ['not found'], status: 0 });
      const { message, title, url, url_title: urlTitle, priority = '0', retry, expire } = f;
      if (!message) return refuse(res, 'message', 'message cannot be blank');
      if (message.length > 1024) return refuse(res, 'message', 'message is too long (1024 characters maximum)');
      if (title !== undefined && title.length > 250) return refuse(res, 'title', 'title is too long (250 characters maximum)');
      if (url !== undefined && url.length > 512) return refuse(res, 'url', 'url is too long (512 characters maximum)');
      if (urlTitle !== undefined && urlTitle.length > 100) return refuse(res, 'url_title', 'url_title is too long (100 characters maximum)');
      if (!/^-?[0-2]$/.test(priority)) return refuse(res, 'priority', 'priority is invalid');
      let receipt: string | undefined;
      if (priority === '2') {
        if (!retry || !/^\d+$/.test(retry) || Number(retry) < 30) return refuse(res, 'retry', 'retry is invalid (must be at least 30 seconds)');
        if (!expire || !/^\d+$/.test(expire) || Number(expire) > 10800) return refuse(res, 'expire', 'expire is invalid (must be at most 10800 seconds)');
        receipt = newKey();
        fake.receipts.set(receipt, { user, acknowledgedAt: null, acknowledgedByDevice: null, cancelled: false, expiresAt: Math.floor(Date.now() / 1000) + Number(expire), reads: 0 });
      }
      fake.messages.push({ ...(Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'token')) as unknown as PushoverMessage), ...(receipt && { receipt }) });
      return answer(res, 200, { status: 1, ...(receipt && { receipt }) });
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
