// The ingest benchmark's other processes (ingest.bench.ts), bundled like ingest-node.ts:
//   node <bundle> fastify    a bare Fastify 5 app with one POST handler answering 202 and a
//                            small JSON body: the baseline Vigil's req/s is compared with
//   node <bundle> receiver   the webhook target Vigil's policy pages: it notes when each
//                            page arrives (Date.now(), the same clock as the client's)
// Each prints its port once listening.
import http from 'node:http';
import Fastify from 'fastify';

const mode = process.argv[2];

if (mode === 'fastify') {
  const app = Fastify({ logger: false });
  app.post('/enqueue', async (req, reply) => {
    const body = req.body as { dedup_key?: string };
    return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: body.dedup_key ?? '' });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log((app.server.address() as { port: number }).port);
} else if (mode === 'receiver') {
  /** One row per page: [arrival ms, incident title, incident id, idempotency key]. */
  const pages: [number, string, string, string][] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/pages') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(pages));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { idempotencyKey?: string; incident?: { id: string; title: string } | null };
        pages.push([at, body.incident?.title ?? '', body.incident?.id ?? '', body.idempotencyKey ?? '']);
      } catch {
        pages.push([at, '', '', '']);
      }
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => console.log((server.address() as { port: number }).port));
} else {
  throw new Error(`unknown mode ${mode ?? ''}: fastify or receiver`);
}
