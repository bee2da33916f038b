import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpSpec } from '../../src/core/monitor/types.js';
import { HttpProber } from '../../src/probes/http-probe.js';

const MiB = 1024 * 1024;
const base: Omit<HttpSpec, 'url'> = { method: 'GET', headers: {}, expectedStatus: ['200-299'], keywordMode: 'present', followRedirects: true, maxRedirects: 5, verifyTls: true, certExpiryDays: 0 };

/** Answers 200 with `prefix`, then `bytes` of x's in 64 KiB writes (or x's until the client hangs up), then `suffix`. */
function stream(res: ServerResponse, { prefix = '', bytes = Infinity, suffix = '' }: { prefix?: string; bytes?: number; suffix?: string }): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write(prefix);
  const more = () => {
    while (sent < bytes && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end(suffix);
  };
  more();
}

/**
 * The HTTP prober's handling of bodies and deadlines against a local server: what it reads,
 * where it stops, and which connections it keeps.
 */
describe('HTTP prober', () => {
  const prober = new HttpProber({ allowPrivate: true, allowedRanges: [] });
  let server: Server;
  let origin = '';
  const sockets = new Set<Socket>();
  let endless: ServerResponse[] = [];


  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      sockets.add(req.socket);
      if (path === '/endless') {
        endless.push(res);
        return stream(res, { prefix: 'start ' });
      }
      // The word after 1.5 MiB, or after 900 KiB (several chunks in, within the limit).
      if (path === '/needle-late') return stream(res, { bytes: 1.5 * MiB, suffix: 'needle' });
      if (path === '/needle-early') return stream(res, { bytes: 900 * 1024, suffix: 'needle' });
      if (path === '/stall-body') {
        res.writeHead(200);
        res.write('partial');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('all good');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await prober.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('judges a never-ending body by its status, and stops reading it', async () => {
    const outcome = await prober.probe({ ...base, url: `${origin}/endless` }, 5_000);
    expect(outcome).toMatchObject({ ok: true, message: 'HTTP 200' });
    // The prober hung up rather than draining the stream until its deadline.
    await expect.poll(() => endless.every((res) => res.destroyed)).toBe(true);
    expect(outcome.responseMs).toBeLessThan(5_000);
  });

  it('looks for a keyword in the first MiB only', async () => {
    endless = [];
    const found = await prober.probe({ ...base, url: `${origin}/endless`, keyword: 'start' }, 5_000);
    expect(found).toMatchObject({ ok: true, message: 'HTTP 200' });
    const missing = await prober.probe({ ...base, url: `${origin}/endless`, keyword: 'never there' }, 5_000);
    expect(missing).toMatchObject({ ok: false, message: 'HTTP 200, but "never there" is not in the body' });
    await expect.poll(() => endless.length === 2 && endless.every((res) => res.destroyed)).toBe(true);
    const late = await prober.probe({ ...base, url: `${origin}/needle-late`, keyword: 'needle' }, 5_000);
    expect(late).toMatchObject({ ok: false, message: 'HTTP 200, but "needle" is not in the body' });
  });

  it('reads a body that ends within the limit to its end, and keeps the connection, even after one was cut short', async () => {
    // After an aborted request undici 7's Agent closed every later connection to the origin.
    expect(await prober.probe({ ...base, url: `${origin}/endless`, keyword: 'start' }, 5_000)).toMatchObject({ ok: true });
    sockets.clear();
    const first = await prober.probe({ ...base, url: `${origin}/needle-early`, keyword: 'needle' }, 5_000);
    const [socket] = sockets.keys();
    const rest = [await prober.probe({ ...base, url: `${origin}/small`, keyword: 'good' }, 5_000), await prober.probe({ ...base, url: `${origin}/small` }, 5_000)];
    expect([first, ...rest].map((o) => o.message)).toEqual(['HTTP 200', 'HTTP 200', 'HTTP 200']);
    // Two round trips later the first connection is still open (one cut short closes at once, as above).
    expect(socket?.destroyed).toBe(false);
  });

  it('answers at the status line without a keyword; with one, times out a body that stops coming', async () => {
    // Not at the deadline: the body that never ends is drained in the background.
    const answered = await prober.probe({ ...base, url: `${origin}/stall-body` }, 2_000);
    expect(answered).toMatchObject({ ok: true, message: 'HTTP 200' });
    expect(answered.responseMs).toBeLessThan(2_000);
    expect(await prober.probe({ ...base, url: `${origin}/stall-body`, keyword: 'partial' }, 300)).toEqual({ ok: false, message: 'Timed out after 300 ms', responseMs: null });
  });
});
