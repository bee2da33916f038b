import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';
import { sendProblem } from './problem.js';

// src/http and dist/http sit at the same depth, so this finds web/dist from both.
const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the built UI with a fallback to index.html for client-side routes;
 * unknown API paths still answer problem+json.
 */
export async function registerWebUi(app: FastifyInstance, webDir = defaultWebDir): Promise<void> {
  const hasUi = existsSync(path.join(webDir, 'index.html'));
  if (hasUi) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  else app.log.warn({ webDir }, 'web UI not built (npm run build:web); serving the API only');

  app.setNotFoundHandler((req, reply) => {
    const apiLike = req.url.startsWith('/api/') || req.url === '/api';
    if (hasUi && !apiLike && (req.method === 'GET' || req.method === 'HEAD')) return reply.sendFile('index.html');
    return sendProblem(reply, new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}
