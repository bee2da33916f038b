import { ApiError, type Problem } from './ApiError';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | null = null;

/** The session's CSRF token, echoed in X-CSRF-Token on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// A proxy or an outage page may answer instead of Vigil: every field may be missing.
type ProblemBody = Partial<Problem>;

async function toApiError(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as ProblemBody;
  return new ApiError(
    response.status,
    problem.code ?? 'http_error',
    problem.detail ?? problem.title ?? response.statusText,
    Array.isArray(problem.errors) ? problem.errors : [],
    Array.isArray(problem.references) ? problem.references : [],
  );
}

/**
 * Calls the Vigil REST API under /api/v1 and returns the parsed JSON body (undefined for 204).
 * A Blob (an uploaded file) is sent as it is, with its own type; anything else as JSON.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json';
  if (!safeMethods.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The Vigil server cannot be reached.');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A guarded DELETE: `force` deletes despite what relies on it (see docs/API.md). */
export interface DeleteRequest {
  id: string;
  force?: boolean;
}

export const forceQuery = (force: boolean | undefined): string => (force === true ? '?force=true' : '');

/** Query string from defined values only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
