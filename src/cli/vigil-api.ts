import { CliError } from './cli-error.js';

interface Problem {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** A client of Vigil's HTTP API with a personal API token. */
export class VigilApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/api/v1${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new CliError(`cannot reach Vigil at ${this.baseUrl}`, 1, 'check --vigil-url', { cause: err });
    }
    if (res.status === 401) throw new CliError('Vigil refused the API token (401)', 1, 'pass an admin\'s personal API token (Vigil: Profile → API tokens) with --token');
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as Problem;
      const fields = (problem.errors ?? []).map((e) => `${e.path} ${e.message}`).join('; ');
      // The detail says which object is in the way (a 409 names the policy that still pages a schedule).
      const detail = problem.detail && problem.detail !== problem.title ? `: ${problem.detail}` : '';
      throw new CliError(`Vigil answered ${res.status} to ${method} ${path}: ${problem.title ?? res.statusText}${detail}${fields ? ` (${fields})` : ''}`, 1);
    }
    return (res.status === 204 ? null : await res.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete(path: string): Promise<null> {
    return this.request<null>('DELETE', path);
  }

  /** Every item of a cursor-paginated list. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await this.get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
