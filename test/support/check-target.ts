import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local service for checks to look at: what it answers is set by the test. */
export interface CheckTarget {
  url(path?: string): string;
  /** Status and body of the next answers; `delayMs` holds each answer back. */
  answer(status: number, body?: string, delayMs?: number): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

function handler(state: { status: number; body: string; delayMs: number }, requests: SeenRequest[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      // /redirect-to?<url> sends the client wherever the test says.
      const to = /^\/redirect-to\?(.+)$/.exec(req.url ?? '');
      if (to) {
        res.writeHead(302, { location: decodeURIComponent(to[1] as string) }).end();
        return;
      }
      // /redirect/N answers with N hops before the real answer.
      const hops = /^\/redirect\/(\d+)$/.exec(req.url ?? '');
      if (hops) {
        const left = Number(hops[1]) - 1;
        res.writeHead(302, { location: left > 0 ? `/redirect/${left}` : '/' }).end();
        return;
      }
      setTimeout(() => res.writeHead(state.status, { 'content-type': 'text/plain' }).end(state.body), state.delayMs);
    });
  };
}

async function listen(server: Server, scheme: string, requests: SeenRequest[], state: { status: number; body: string; delayMs: number }): Promise<CheckTarget> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/') => `${scheme}://127.0.0.1:${port}${path}`,
    answer(status, body = 'ok', delayMs = 0) {
      Object.assign(state, { status, body, delayMs });
    },
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function startCheckTarget(): Promise<CheckTarget> {
  const state = { status: 200, body: 'ok', delayMs: 0 };
  const requests: SeenRequest[] = [];
  return listen(createHttpServer(handler(state, requests)), 'http', requests, state);
}

/** An HTTPS target with a self-signed certificate valid until `notAfter`. */
export async function startTlsCheckTarget(notAfter: Date): Promise<CheckTarget> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    notBeforeDate: new Date(notAfter.getTime() - 400 * 86_400_000),
    notAfterDate: notAfter,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const state = { status: 200, body: 'ok', delayMs: 0 };
  const requests: SeenRequest[] = [];
  return listen(createHttpsServer({ key: pems.private, cert: pems.cert }, handler(state, requests)), 'https', requests, state);
}
