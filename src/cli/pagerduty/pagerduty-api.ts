import type { PdEscalationPolicy, PdOnCall, PdOverride, PdSchedule, PdService, PdTeam, PdUser } from '../../core/import/pagerduty/types.js';
import { CliError } from '../cli-error.js';

/** PagerDuty's largest page. */
const PAGE = 100;

/** What the import reads from PagerDuty's REST API v2. */
export interface PagerDutyAccountData {
  users: PdUser[];
  teams: PdTeam[];
  schedules: PdSchedule[];
  overrides: Map<string, PdOverride[]>;
  escalationPolicies: PdEscalationPolicy[];
  services: PdService[];
}

/** A read-only client of PagerDuty's REST API v2 with a REST API key. */
export class PagerDutyApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  private async get<T>(path: string, query: [string, string][] = []): Promise<T> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Token token=${this.apiKey}`, accept: 'application/vnd.pagerduty+json;version=2' } });
    } catch (err) {
      throw new CliError(`cannot reach PagerDuty at ${this.baseUrl}`, 1, 'check --url and the network', { cause: err });
    }
    if (res.status === 401 || res.status === 403) {
      throw new CliError(`PagerDuty refused the API key (${res.status})`, 1, 'pass a REST API key (PagerDuty: Integrations → API Access Keys) with --api-key; a read-only key is enough');
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new CliError(`PagerDuty answered ${res.status} to GET ${url.pathname}: ${body?.error?.message ?? res.statusText}`, 1);
    }
    return (await res.json()) as T;
  }

  /** Every item of a classic-paginated list (limit, offset, more). */
  private async all<T>(path: string, key: string, query: [string, string][] = []): Promise<T[]> {
    const items: T[] = [];
    for (let offset = 0; ; ) {
      const page = await this.get<Record<string, unknown> & { more?: boolean }>(path, [...query, ['limit', String(PAGE)], ['offset', String(offset)]]);
      const got = (page[key] ?? []) as T[];
      items.push(...got);
      if (!page.more || got.length === 0) return items;
      offset += got.length;
    }
  }

  async account(now: number, horizon: number): Promise<PagerDutyAccountData> {
    const users = await this.all<PdUser>('users', 'users', [
      ['include[]', 'contact_methods'],
      ['include[]', 'notification_rules'],
    ]);
    const teams = await this.all<PdTeam>('teams', 'teams');
    const schedules: PdSchedule[] = [];
    const overrides = new Map<string, PdOverride[]>();
    const window: [string, string][] = [
      ['since', new Date(now).toISOString()],
      ['until', new Date(horizon).toISOString()],
    ];
    for (const listed of await this.all<{ id: string }>('schedules', 'schedules')) {
      schedules.push((await this.get<{ schedule: PdSchedule }>(`schedules/${encodeURIComponent(listed.id)}`)).schedule);
      overrides.set(listed.id, (await this.get<{ overrides: PdOverride[] }>(`schedules/${encodeURIComponent(listed.id)}/overrides`, window)).overrides);
    }
    const escalationPolicies = await this.all<PdEscalationPolicy>('escalation_policies', 'escalation_policies');
    const services = await this.all<PdService>('services', 'services', [['include[]', 'integrations']]);
    return { users, teams, schedules, overrides, escalationPolicies, services };
  }

  /** PagerDuty's own answer: who is on call on `scheduleIds` over [since, until). */
  onCalls(scheduleIds: string[], since: number, until: number): Promise<PdOnCall[]> {
    return this.all<PdOnCall>('oncalls', 'oncalls', [
      ['since', new Date(since).toISOString()],
      ['until', new Date(until).toISOString()],
      ...scheduleIds.map((id): [string, string] => ['schedule_ids[]', id]),
    ]);
  }
}
