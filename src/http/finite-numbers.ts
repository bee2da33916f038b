import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

// Every API request passes here, an alert storm's events included: the walk that finds
// nothing builds no paths (a path string per field cost 2 % of a dedup hit's CPU).
function hasInfinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  for (const v of Object.values(value)) if (hasInfinite(v)) return true;
  return false;
}

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
    if (!hasInfinite(req.params) && !hasInfinite(req.query) && !hasInfinite(req.body)) return done();
    const paths = [...infinitePaths(req.params, '/params'), ...infinitePaths(req.query, '/querystring'), ...infinitePaths(req.body, '/body')];
    done(new AppError('validation_failed', 'Numbers must be finite', paths.slice(0, 20).map((path) => ({ path, message: 'must be a finite number' }))));
  });
}
