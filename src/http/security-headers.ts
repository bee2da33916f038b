import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer (UI, API, /docs) through @fastify/helmet. The
 * Content-Security-Policy allows only this origin's scripts, no framing and no plugins.
 * Styles may be inline because Mantine sets CSS variables in <style> tags and style
 * attributes at run time; scripts may not, and the built UI and Swagger UI (/docs) need
 * none. Over https, browsers are also told to stay on https.
 *
 * Helmet itself, not @fastify/helmet: that plugin builds a new Helmet (parsing the policy
 * again) on every request, about 4 % of the CPU of an ingested event.
 */
export function registerSecurityHeaders(app: FastifyInstance, baseUrl: string): void {
  const https = baseUrl.startsWith('https://');
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        ...(https && { 'upgrade-insecure-requests': [] }),
      },
    },
    // Older browsers that ignore frame-ancestors.
    frameguard: { action: 'deny' },
    // Signed ack links carry their token in the URL: never send it on to another site.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    setHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
