import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';

/** No request Vigil understands nests deeper; an alert group with labels is about 5. */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests at most `maxDepth` objects and arrays deep, by one pass over
 * its characters (skipping strings); malformed text is left for JSON.parse to refuse.
 * About a millisecond per megabyte, where parsing and validating a deeply nested body
 * costs most of a second.
 */
export function withinJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return true;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses deep nesting before
 * parsing. The body limit still applies while the body is read, before this runs, and
 * Fastify's own parser (with its __proto__ and constructor checks) does the parsing.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (!withinJsonDepth(text, MAX_JSON_DEPTH)) {
      const message = `nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`;
      done(new AppError('validation_failed', `The JSON body ${message}`, [{ path: '/body', message }]), undefined);
      return;
    }
    parse(req, text, done);
  });
}
