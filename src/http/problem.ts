import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, RetryLaterError, type ErrorCode, type FieldError } from '../core/errors.js';
import { InUseError, type Reference } from '../core/in-use.js';
import { isDatabaseUnavailable, isLockConflict } from '../store/database-fault.js';

/** Seconds a client is asked to wait when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  /** A refused deletion: what still relies on it. */
  references?: Reference[];
}

export function problemOf(err: AppError): Problem {
  return {
    type: `https://vigil.dev/errors/${err.code}`,
    title: errorCatalogue[err.code].title,
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(err.errors.length > 0 && { errors: err.errors }),
    ...(err instanceof InUseError && { references: err.references }),
  };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  if (err instanceof RetryLaterError) reply.header('retry-after', String(err.retryAfterSeconds));
  else if (err.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(err.status).type('application/problem+json').send(problemOf(err));
}

interface AjvIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

// Ajv reports a missing or unexpected property on its parent; pointing at the
// property itself is what a client can act on.
function fieldErrors(issues: AjvIssue[], context: string): FieldError[] {
  return issues.map((i) => {
    // Ajv reports an unknown discriminator value on the object; the culprit is its tag.
    const child = i.params['missingProperty'] ?? i.params['additionalProperty'] ?? (i.keyword === 'discriminator' ? i.params['tag'] : undefined);
    const path = `/${context}${i.instancePath}${typeof child === 'string' ? `/${child}` : ''}`;
    const message = i.keyword === 'additionalProperties' ? 'is not a known field' : (i.message ?? 'is invalid');
    return { path, message };
  });
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Turns anything thrown in a route or by Fastify itself into a catalogued AppError. */
export function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError('unavailable', 'The database is unreachable; nothing was stored. Retry shortly.');
  // What transact() could not settle in its attempts: logged, since it should not happen.
  if (isLockConflict(err)) return new AppError('unavailable', 'Other changes to the same records kept going first; nothing was stored. Retry shortly.');
  if (err.validation) {
    return new AppError('validation_failed', 'Some fields are not valid', fieldErrors(err.validation as AjvIssue[], err.validationContext ?? 'body'));
  }
  const status = err.statusCode ?? 500;
  if (status === 400) {
    // Fastify's body parser errors: malformed JSON, empty body with a JSON content type.
    return new AppError('validation_failed', err.message, [{ path: '/body', message: err.message }]);
  }
  const code = statusCodes[status];
  return code ? new AppError(code, err.message) : new AppError('internal', 'Something went wrong on our side; it has been logged.');
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(err);
  // A database outage is logged once by the loops that notice it, not once per request.
  if (appError.status >= 500 && !isDatabaseUnavailable(err)) req.log.error({ err }, 'request failed');
  return sendProblem(reply, appError);
}
