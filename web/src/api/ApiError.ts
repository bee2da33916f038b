export interface FieldError {
  /** JSON pointer into the request, e.g. "/body/email". */
  path: string;
  message: string;
}

/** An application/problem+json answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
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
