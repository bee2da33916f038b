import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { errorHandler, sendProblem } from './problem.js';

const messages: Record<string, string> = {
  FST_ERR_BAD_URL: 'is not valid percent-encoded UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'has a segment longer than 100 characters',
};

/**
 * Fastify's router answers a path it cannot decode, or a path parameter over its length
 * limit, by itself in its own JSON shape; these become a problem+json 400 like any
 * other bad input.
 */
export function urlErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const message = messages[err.code];
  if (!message) return errorHandler(err, req, reply);
  return sendProblem(reply, new AppError('validation_failed', `The URL path ${message}`, [{ path: '/params', message }]));
}
