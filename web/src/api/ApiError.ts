import type { components } from './generated/openapi';

/** The problem+json body every error answer of the API has. */
export type Problem = components['schemas']['Problem'];
/** JSON pointer into the request ("/body/email") and what is wrong there. */
export type FieldError = NonNullable<Problem['errors']>[number];
/** Something that relies on what a refused DELETE would remove (see docs/API.md). */
export type InUseReference = NonNullable<Problem['references']>[number];

/** An application/problem+json answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
    /** A refused deletion: what still relies on it. */
    readonly references: InUseReference[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Field errors on the request body keyed by top-level field: "/body/email" → "email". */
export function fieldMessages(error: Error | null): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!(error instanceof ApiError)) return messages;
  for (const { path, message } of error.fieldErrors) {
    const field = /^\/body\/([^/]+)/.exec(path)?.[1];
    if (field !== undefined && !(field in messages)) messages[field] = message;
  }
  return messages;
}

/**
 * Field errors under a JSON pointer prefix keyed by the rest of the path:
 * under "/body/layers/0", "/body/layers/0/rotation/handoffTime" → "rotation/handoffTime".
 */
export function fieldMessagesUnder(error: Error | null, prefix: string): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!(error instanceof ApiError)) return messages;
  for (const { path, message } of error.fieldErrors) {
    if (!path.startsWith(`${prefix}/`)) continue;
    const field = path.slice(prefix.length + 1);
    if (!(field in messages)) messages[field] = message;
  }
  return messages;
}

/** Of messages keyed by path, those under one field, keyed by the rest of their path ('' for the field itself). */
export function messagesUnder(messages: Record<string, string>, field: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages)
      .filter(([path]) => path === field || path.startsWith(`${field}/`))
      .map(([path, message]) => [path.slice(field.length + 1), message]),
  );
}

/** The first message on a field or anything inside it, for inputs that edit a whole list or map. */
export const firstMessageUnder = (messages: Record<string, string>, field: string): string | undefined => Object.values(messagesUnder(messages, field))[0];
