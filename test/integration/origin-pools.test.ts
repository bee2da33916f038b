import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OriginPools } from '../../src/net/origin-pools.js';

/** The per-origin connection pools every outbound HTTP request goes through (checks, pages). */
describe('origin pools', () => {
  const pools = new OriginPools({ keepAliveTimeout: 30_000 });
  const sockets: Socket[] = [];
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.push(req.socket);
      if (req.url === '/endless') {
        const more = () => {
          while (!res.destroyed && res.write(Buffer.alloc(64 * 1024, 'x')));
          if (!res.destroyed) res.once('drain', more);
        };
        return more();
      }
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await pools.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string) => (await request(`${origin}${path}`, { dispatcher: pools })).body.text();

  it('keeps reusing connections after a request was aborted', async () => {
    const endless = await request(`${origin}/endless`, { dispatcher: pools });
    endless.body.destroy();
    sockets.length = 0;
    for (let i = 0; i < 6; i++) expect(await get('/small')).toBe('ok');
    // Right after an abort, undici 7's Agent opened a connection for each of them and
    // closed it after the answer.
    // (A connection is free again one event-loop turn after its answer, so two may be used.)
    expect(new Set(sockets).size).toBeLessThanOrEqual(2);
    expect(sockets.filter((socket) => socket.destroyed)).toEqual([]);
  });

  it('lets an origin go once its last connection closes, and opens a new pool on the next request', async () => {
    expect(pools.size).toBe(1);
    server.closeIdleConnections();
    await expect.poll(() => pools.size).toBe(0);
    expect(await get('/small')).toBe('ok');
    expect(pools.size).toBe(1);
  });

  it('lets an origin go that refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const before = pools.size;
    await expect(request(`http://127.0.0.1:${port}/`, { dispatcher: pools })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect.poll(() => pools.size).toBe(before);
  });
});
