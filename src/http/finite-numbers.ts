import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

function infinitePaths(value: unknown, base: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [base];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => infinitePaths(v, `${base}/${k}`));
  return [];
}

/**
 * Ajv coerces "1e400" (a query string, a path parameter, a string in a body) to
 * Infinity and then skips minimum and maximum, which only test finite numbers; such a
 * value would reach the handlers and the database. Checked once here, after validation.
 */
export function registerFiniteNumbers(api: FastifyInstance): void {
  // A callback hook: it runs on every API request and has nothing to wait for.
  api.addHook('preHandler', (req: FastifyRequest, _reply, done) => {
    const paths = [...infinitePaths(req.params, '/params'), ...infinitePaths(req.query, '/querystring'), ...infinitePaths(req.body, '/body')];
    if (paths.length === 0) return done();
    done(new AppError('validation_failed', 'Numbers must be finite', paths.slice(0, 20).map((path) => ({ path, message: 'must be a finite number' }))));
  });
}
