import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';
import { sendProblem } from './problem.js';

// src/http and dist/http sit at the same depth, so this finds web/dist from both.
const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Vite names every file under assets/ after a hash of its content: a changed file gets a new name. */
const HASHED_ASSETS = '/assets/';
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
// index.html names the current assets, so browsers ask every time (a 304 while it is unchanged).
const REVALIDATE = 'no-cache';

/**
 * Serves the built UI with a fallback to index.html for client-side routes; unknown API
 * paths still answer problem+json. The build writes .br and .gz beside each file, sent by
 * Accept-Encoding with no compression work per request.
 */
export async function registerWebUi(app: FastifyInstance, webDir = defaultWebDir): Promise<void> {
  const hasUi = existsSync(path.join(webDir, 'index.html'));
  const assetsDir = path.join(webDir, HASHED_ASSETS);
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      preCompressed: true,
      // The compressed copies are picked by negotiation, never asked for by name.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', file.startsWith(assetsDir) ? CACHE_FOREVER : REVALIDATE),
    });
  } else app.log.warn({ webDir }, 'web UI not built (npm run build:web); serving the API only');

  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    const apiLike = pathname.startsWith('/api/') || pathname === '/api';
    // A tab opened before an upgrade asks for chunks that are gone: a 404 it can report,
    // not index.html under a script's name.
    const staleAsset = pathname.startsWith(HASHED_ASSETS);
    if (hasUi && !apiLike && !staleAsset && (req.method === 'GET' || req.method === 'HEAD')) return reply.sendFile('index.html');
    return sendProblem(reply, new AppError('not_found', `No route ${req.method} ${pathname}`));
  });
}
