import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { toStorableDeep, unstorablePaths } from '../core/storable-text.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Replace unstorable characters instead of refusing the request: set on the
     * integration endpoints, where a stray byte must not lose an alert.
     */
    cleansText?: boolean;
  }
}

/**
 * One rule for every string a request carries (body, query string, path parameters),
 * applied before validation so both databases only ever see storable text. Senders of
 * alerts get their text cleaned; everyone else gets a 400 naming each bad field, since
 * silently changing a name or a login is worse than saying no.
 */
export function registerStorableInput(api: FastifyInstance): void {
  // A callback hook: it runs on every API request and has nothing to wait for.
  api.addHook('preValidation', (req: FastifyRequest, _reply, done) => {
    if (req.routeOptions.config.cleansText) {
      req.body = toStorableDeep(req.body);
      req.query = toStorableDeep(req.query);
      req.params = toStorableDeep(req.params);
      return done();
    }
    // Paths are built only for a request that has a bad string: toStorableDeep gives back
    // what it was given when all of it is storable, without copying or building anything.
    if ([req.params, req.query, req.body].every((part) => toStorableDeep(part) === part)) return done();
    const paths = [...unstorablePaths(req.params, '/params'), ...unstorablePaths(req.query, '/querystring'), ...unstorablePaths(req.body, '/body')];
    done(
      new AppError(
        'validation_failed',
        'Text may not contain NUL characters or unpaired UTF-16 surrogates',
        // The first few are enough to act on; a body of 100,000 such strings gets no 8 MB answer.
        paths.slice(0, 20).map((path) => ({ path, message: 'contains a NUL character or an unpaired surrogate' })),
      ),
    );
  });
}
