import type { GoEscalationChain, GoEscalationPolicy, GoFinalShift, GoIntegration, GoPage, GoSchedule, GoShift, GoTeam, GoUser } from '../../core/import/grafana/types.js';
import { CliError } from '../cli-error.js';

/** Pages followed at most a list: a guard against a `next` that never ends. */
const MAX_PAGES = 1000;

/** What the import reads from Grafana OnCall. */
export interface GrafanaOnCallData {
  teams: GoTeam[];
  users: GoUser[];
  schedules: GoSchedule[];
  shifts: GoShift[];
  chains: GoEscalationChain[];
  policies: GoEscalationPolicy[];
  integrations: GoIntegration[];
}

/**
 * A read-only client of Grafana OnCall's public API (/api/v1/, docs/sources/oncall-api-reference
 * in grafana/oncall): the API token goes in `Authorization` as it is (no scheme), and lists
 * are paged by page number (`?page=N`, answered with `next` until the last page).
 */
export class GrafanaOnCallApi {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    this.base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  }

  private async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(`api/v1/${path}`, this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: this.token, accept: 'application/json' } });
    } catch (err) {
      throw new CliError(`cannot reach Grafana OnCall at ${this.base}`, 1, 'check --url (the OnCall API base, e.g. https://oncall.example.com) and the network', { cause: err });
    }
    if (res.status === 401 || res.status === 403) {
      throw new CliError(`Grafana OnCall refused the token (${res.status})`, 1, 'pass a Grafana OnCall API key (OnCall → Settings) with --oncall-token or GRAFANA_ONCALL_API_TOKEN');
    }
    if (res.status === 429) throw new CliError('Grafana OnCall answered 429: its limit of 300 API requests per key in 5 minutes was reached', 1, 'wait 5 minutes and run the import again');
    if (!res.ok) {
      const detail = ((await res.json().catch(() => ({}))) as { detail?: string }).detail;
      throw new CliError(`Grafana OnCall answered ${res.status} to GET /api/v1/${path}${detail ? `: ${detail}` : ''}`, 1);
    }
    return (await res.json()) as T;
  }

  /** Every item of a list, page by page. */
  private async all<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await this.get<GoPage<T>>(path, { ...query, page: String(page) });
      items.push(...body.results);
      if (body.next === null || page >= body.total_pages) return items;
    }
    throw new CliError(`Grafana OnCall's ${path} list has over ${MAX_PAGES} pages`, 1);
  }

  async read(): Promise<GrafanaOnCallData> {
    const teams = await this.all<GoTeam>('teams/');
    const users = await this.all<GoUser>('users/');
    const schedules = await this.all<GoSchedule>('schedules/');
    const shifts = await this.all<GoShift>('on_call_shifts/');
    const chains = await this.all<GoEscalationChain>('escalation_chains/');
    const policies: GoEscalationPolicy[] = [];
    for (const c of chains) policies.push(...(await this.all<GoEscalationPolicy>('escalation_policies/', { escalation_chain_id: c.id })));
    const integrations = await this.all<GoIntegration>('integrations/');
    return { teams, users, schedules, shifts, chains, policies, integrations };
  }

  /** Grafana OnCall's own answer: the schedule's final shifts from start_date to end_date (dates, UTC). */
  finalShifts(scheduleId: string, startDate: string, endDate: string): Promise<GoFinalShift[]> {
    return this.all<GoFinalShift>(`schedules/${encodeURIComponent(scheduleId)}/final_shifts`, { start_date: startDate, end_date: endDate });
  }
}
