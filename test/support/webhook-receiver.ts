import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  idempotencyKey: string;
  /** X-Vigil-Signature as sent: t=<unix seconds>,v1=<hex>. */
  signature: string;
  /** The t= of the signature: Vigil's clock (the test clock) when it signed. */
  signedAt: number;
  rawBody: string;
  /** Wall-clock arrival time. */
  at: number;
  body: { type: string; recipient: string | null; incident: { id: string; title: string; status: string } | null };
}

/** A local HTTP endpoint that records every webhook Vigil sends; the answer status is settable. */
export interface WebhookReceiver {
  url(path: string): string;
  received: Received[];
  /** Status to answer from now on (200 by default): lets tests make a provider fail. */
  respondWith(status: number): void;
  /** Requests to paths starting with this are held open and never answered: a hanging destination. */
  hang(pathPrefix: string): void;
  /** Requests currently held open by hang(). */
  hanging(): number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  let status = 200;
  const hangPrefixes: string[] = [];
  let hanging = 0;
  const server: Server = createServer((req, res) => {
    if (hangPrefixes.some((p) => req.url?.startsWith(p))) {
      hanging++;
      req.on('close', () => hanging--);
      return;
    }
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      if (status < 300) {
        received.push({
          path: req.url ?? '',
          idempotencyKey: String(req.headers['idempotency-key']),
          signature: String(req.headers['x-vigil-signature']),
          signedAt: Number(/(?:^|,)t=(\d+)/.exec(String(req.headers['x-vigil-signature']))?.[1]),
          rawBody: data,
          at: Date.now(),
          body: JSON.parse(data) as Received['body'],
        });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    respondWith: (s) => (status = s),
    hang: (prefix) => hangPrefixes.push(prefix),
    hanging: () => hanging,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
