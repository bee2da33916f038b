import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/channels/channel.js';
import { exchangeOutbound, postOutbound } from '../../src/channels/outbound-request.js';

/**
 * What a page sent over HTTP makes of the answers a service can give, against a local
 * server: the text and status read, Retry-After honoured, a 2xx whose body breaks off
 * still a delivery (sending again would page twice), and keep-alive connections reused.
 */
describe('outbound requests', () => {
  let server: Server;
  let origin = '';
  const received: { method: string; path: string; headers: IncomingMessage['headers']; body: string; socket: Socket }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, socket: req.socket });
        if (req.url === '/busy') return void res.writeHead(429, { 'retry-after': '30' }).end('slow down');
        if (req.url === '/broken-body') {
          res.writeHead(200, { 'content-length': '100' });
          res.write('half');
          return void setTimeout(() => req.socket.destroy(), 20);
        }
        if (req.url === '/moved') return void res.writeHead(307, { location: '/echo' }).end();
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`got ${body}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, and returns the answer text and status', async () => {
    const answer = await exchangeOutbound({ service: 'webhook', url: `${origin}/echo?x=1`, headers: { 'content-type': 'application/json', 'x-vigil': 'yes' }, body: '{"a":1}' });
    expect(answer).toEqual({ status: 200, text: 'got {"a":1}', retryAfterMs: null });
    const last = received.at(-1);
    expect(last).toMatchObject({ method: 'POST', path: '/echo?x=1', body: '{"a":1}' });
    expect(last?.headers['x-vigil']).toBe('yes');
  });

  it('follows a redirect, sending the body again', async () => {
    const before = received.length;
    expect(await postOutbound({ service: 'webhook', url: `${origin}/moved`, headers: {}, body: 'again' })).toBe('got again');
    expect(received.slice(before).map((r) => [r.path, r.body])).toEqual([
      ['/moved', 'again'],
      ['/echo', 'again'],
    ]);
  });

  it('reads Retry-After from a 429 and fails the page as the service pushing back', async () => {
    expect(await exchangeOutbound({ service: 'webhook', url: `${origin}/busy`, headers: {}, body: '' })).toEqual({ status: 429, text: 'slow down', retryAfterMs: 30_000 });
    const failure = await postOutbound({ service: 'webhook', url: `${origin}/busy`, headers: {}, body: '' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).message).toBe('webhook answered HTTP 429');
    expect((failure as DeliveryError).retryAfterMs).toBe(30_000);
  });

  it('counts a 2xx whose body breaks off as answered, with what was read', async () => {
    expect(await exchangeOutbound({ service: 'webhook', url: `${origin}/broken-body`, headers: {}, body: '' })).toEqual({ status: 200, text: 'half', retryAfterMs: null });
  });

  it('fails as the service down when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await postOutbound({ service: 'webhook', url: `http://127.0.0.1:${port}/`, headers: {}, body: '' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).message).toMatch(/^webhook unreachable: .*ECONNREFUSED/);
  });

  // undici frees a connection just after handing over its answer, so a page sent at once
  // after another may take a second one; what matters is that they are kept and reused.
  it('sends page after page over kept-alive connections, not a connection each', async () => {
    const before = received.length;
    for (let i = 0; i < 6; i++) await postOutbound({ service: 'webhook', url: `${origin}/echo`, headers: {}, body: String(i) });
    expect(new Set(received.slice(before).map((r) => r.socket)).size).toBeLessThanOrEqual(2);
  });
});
