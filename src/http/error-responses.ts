import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorCatalogue, type ErrorCode } from '../core/errors.js';
import { operationIdOf } from './operation-id.js';
import { ProblemRef, ProblemSchema } from './schemas/problem.js';

const problemMediaType = 'application/problem+json';

/**
 * Operations whose rules can refuse a change with 409 (email or name taken, last owner,
 * rewriting the past, still in use, incident already resolved, two-factor already on/off),
 * as `METHOD /path` patterns like the access rules. A schedule edit's preview answers as the
 * edit would (removing the last layer: 409 last_layer).
 */
const conflicting = [
  /^(POST|PATCH|PUT|DELETE) \/users(\/|$)/,
  /^(POST|PATCH|PUT|DELETE) \/teams(\/|$)/,
  /^(POST|PATCH|PUT|DELETE) \/schedules\/\{id\}/,
  /^POST \/schedules$/,
  /^(PUT|DELETE) \/escalation-policies\/\{id\}$/,
  /^POST \/escalation-policies$/,
  /^POST \/incidents\/\{id\}\//,
  // A team's Manual pages monitor is refused to every change (system_monitor), and has no paging plan of its own.
  /^(PATCH|DELETE) \/monitors\/\{id\}$/,
  /^POST \/monitors\/\{id\}\/(alerts|integration-key)$/,
  /^GET \/monitors\/\{id\}\/paging-plan$/,
  /^POST \/me\/two-factor/,
  /^POST \/setup$/,
];

/** PagerDuty-compatible: a wrong routing_key gets PagerDuty's own 400, never a 401. */
const refusesKeysWith400 = new Set(['POST /integrations/pagerduty/v2/enqueue', 'POST /integrations/pagerduty/v2/change/enqueue']);

/** Public operations that can still refuse with 403: a password login while VIGIL_OIDC_ONLY=1. */
const publicButRefusing = new Set(['POST /auth/login']);

/** Operations behind a counter of attempts (FixedWindowCounter) that answer 429 with Retry-After. */
const rateLimited = new Set([
  'POST /auth/login',
  'POST /auth/login/second-factor',
  'POST /setup',
  'PATCH /users/{id}',
  'POST /me/two-factor',
  'POST /me/two-factor/confirm',
  'POST /me/two-factor/recovery-codes',
  'POST /me/two-factor/disable',
  'POST /users/{id}/contact-methods/{itemId}/send-verification',
  'POST /users/{id}/contact-methods/{itemId}/test',
  'POST /integrations/pagerduty/v2/enqueue',
  'POST /integrations/pagerduty/v2/change/enqueue',
  'POST /integrations/webhook',
  'POST /integrations/alertmanager',
  'POST /integrations/grafana',
  'POST /incidents',
]);

type ResponseSchema = Record<string, unknown>;

const retryAfter = { 'Retry-After': { type: 'integer', description: 'Seconds to wait before retrying' } };

const codesWithStatus = (status: number) =>
  (Object.keys(errorCatalogue) as ErrorCode[]).filter((code) => errorCatalogue[code].status === status).join(', ');

function problemResponse(status: number, why: string, schema: unknown = ProblemRef): ResponseSchema {
  return {
    description: `${why} (code: ${codesWithStatus(status)})`,
    content: { [problemMediaType]: { schema } },
    ...((status === 429 || status === 503) && { headers: retryAfter }),
  };
}

interface RouteShape {
  public: boolean;
  /** Declares parameters or a body in its schema: a public one carries its credential there. */
  declaresInput: boolean;
  /** POST, PUT, PATCH or a body schema: Fastify parses whatever JSON comes. */
  takesBody: boolean;
}

/** The error statuses an operation can answer, from its shape and the tables above; see docs/API.md. */
function standardErrors(method: string, path: string, route: RouteShape): Record<number, string> {
  const key = `${method} ${path}`;
  const errors: Record<number, string> = {};
  if (route.declaresInput || route.takesBody) errors[400] = 'A parameter or field is not valid';
  // Public operations that take input carry their own credential in it (a key, a token, a password).
  if (!route.public || (route.declaresInput && !refusesKeysWith400.has(key))) errors[401] = 'Not logged in, or the credential is unknown';
  if (!route.public || publicButRefusing.has(key)) errors[403] = 'Your role or team may not do this, the CSRF token is missing, or two-factor must be set up first';
  if (path.includes('{')) errors[404] = 'No such thing, or not visible to you';
  if (conflicting.some((pattern) => pattern.test(key))) errors[409] = 'The change conflicts with the current state';
  if (route.takesBody) {
    errors[413] = 'The body is larger than 1 MiB or nested too deeply';
    errors[415] = 'The body is not JSON';
  }
  if (rateLimited.has(key)) errors[429] = 'Too many attempts; retry after Retry-After seconds';
  errors[503] = 'The database is unreachable (or other changes to the same records kept going first, or too many password checks at once); retry after Retry-After seconds';
  return errors;
}

/**
 * Documents every operation of the API uniformly as it is added: an operationId (see
 * operation-id.ts) and its problem+json error responses with the shared Problem schema.
 * A status the route documents itself is kept; a bare error schema it gives (e.g. 409
 * with references) is served as problem+json, like every other error.
 */
export function registerErrorResponses(app: FastifyInstance, prefix: string): void {
  app.addSchema(ProblemSchema);
  app.addHook('onRoute', (route: RouteOptions) => {
    const method = [route.method].flat()[0] ?? 'GET';
    if (method === 'HEAD' || route.schema?.hide) return;
    const inApi = route.url.startsWith(`${prefix}/`);
    const path = (inApi ? route.url.slice(prefix.length) : route.url).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const schema = route.schema ?? {};
    const isPublic = Boolean(route.config?.public);
    // Public operations override the document's default security (a token or a session).
    const documented = { ...schema, operationId: schema.operationId ?? operationIdOf(method, path), ...(isPublic && { security: [] }) };
    if (!inApi) {
      route.schema = documented;
      return;
    }
    // Fastify parses a JSON body on any POST, PUT or PATCH, so each can refuse a malformed, huge or non-JSON one.
    const takesBody = Boolean(schema.body) || ['POST', 'PUT', 'PATCH'].includes(method);
    const declaresInput = Boolean(schema.querystring ?? schema.params ?? schema.headers ?? schema.body);
    const errors = standardErrors(method, path, { public: isPublic, declaresInput, takesBody });
    const responses: Record<string, unknown> = { ...(schema.response as Record<string, unknown> | undefined) };
    for (const [status, own] of Object.entries(responses)) {
      if (Number(status) >= 400 && !(own as ResponseSchema)['content']) responses[status] = problemResponse(Number(status), errors[Number(status)] ?? 'Refused', own);
    }
    for (const [status, why] of Object.entries(errors)) {
      const own = responses[status] as ResponseSchema | undefined;
      if (!own) responses[status] = problemResponse(Number(status), why);
      else if (!(own['content'] as Record<string, unknown>)[problemMediaType]) {
        own['content'] = { ...(own['content'] as object), ...(problemResponse(Number(status), why)['content'] as object) };
      }
    }
    route.schema = { ...documented, response: responses };
  });
}
