import type { OgContact, OgEscalation, OgNotificationRule, OgOverride, OgSchedule, OgTeam, OgTimeline, OgUser } from '../../core/import/opsgenie/types.js';
import { CliError } from '../cli-error.js';

/** The users list's page size (Opsgenie allows up to 500). */
const PAGE = 100;
/** Tries of a throttled request, waiting 1, 2, 3… seconds between them. */
const RETRIES = 5;
const RETRY_MS = 1000;

/** What the import reads from Opsgenie's REST API, keyed by user or schedule id where per item. */
export interface OpsgenieAccountData {
  users: OgUser[];
  contacts: Map<string, OgContact[]>;
  notificationRules: Map<string, OgNotificationRule[]>;
  teams: OgTeam[];
  schedules: OgSchedule[];
  overrides: Map<string, OgOverride[]>;
  escalations: OgEscalation[];
}

/** Every answer of the API: the payload in `data`; lists that page add `paging.next`. */
interface Envelope<T> {
  data: T;
  paging?: { next?: string };
}

/** A read-only client of Opsgenie's REST API (v2) with an API key (`Authorization: GenieKey <key>`). */
export class OpsgenieApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  private async request<T>(path: string, query: [string, string][] = []): Promise<Envelope<T>> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    let res: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await fetch(url, { headers: { authorization: `GenieKey ${this.apiKey}` } });
      } catch (err) {
        throw new CliError(`cannot reach Opsgenie at ${this.baseUrl}`, 1, 'check --url (https://api.opsgenie.com, or https://api.eu.opsgenie.com for the EU instance) and the network', { cause: err });
      }
      // Opsgenie throttles per minute (429): the import reads a few requests a user, so it waits and tries again.
      if (res.status !== 429 || attempt === RETRIES) break;
      await res.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, attempt * RETRY_MS));
    }
    if (res.status === 401 || res.status === 403) {
      throw new CliError(
        `Opsgenie refused the API key (${res.status})`,
        1,
        'pass the key of an API integration allowed to read configuration (Opsgenie: Settings → API key management) with --api-key',
      );
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { message?: string } | null;
      throw new CliError(`Opsgenie answered ${res.status} to GET ${url.pathname}: ${body?.message ?? res.statusText}`, 1);
    }
    return (await res.json()) as Envelope<T>;
  }

  private async get<T>(path: string, query: [string, string][] = []): Promise<T> {
    return (await this.request<T>(path, query)).data;
  }

  /** Every user, paging with limit and offset while Opsgenie gives a next page. */
  private async users(): Promise<OgUser[]> {
    const users: OgUser[] = [];
    for (;;) {
      const page = await this.request<OgUser[]>('v2/users', [
        ['limit', String(PAGE)],
        ['offset', String(users.length)],
      ]);
      users.push(...page.data);
      if (!page.paging?.next || page.data.length === 0) return users;
    }
  }

  async account(): Promise<OpsgenieAccountData> {
    const users = await this.users();
    const contacts = new Map<string, OgContact[]>();
    const notificationRules = new Map<string, OgNotificationRule[]>();
    for (const u of users) {
      const id = encodeURIComponent(u.id);
      contacts.set(u.id, await this.get<OgContact[]>(`v2/users/${id}/contacts`));
      // The list has no steps: each rule is read whole.
      const listed = await this.get<{ id: string }[]>(`v2/users/${id}/notification-rules`);
      const rules: OgNotificationRule[] = [];
      for (const r of listed) rules.push(await this.get<OgNotificationRule>(`v2/users/${id}/notification-rules/${encodeURIComponent(r.id)}`));
      notificationRules.set(u.id, rules);
    }
    const teams: OgTeam[] = [];
    for (const t of await this.get<OgTeam[]>('v2/teams')) teams.push(await this.get<OgTeam>(`v2/teams/${encodeURIComponent(t.id)}`, [['identifierType', 'id']]));
    const schedules = await this.get<OgSchedule[]>('v2/schedules', [['expand', 'rotation']]);
    const overrides = new Map<string, OgOverride[]>();
    for (const s of schedules) overrides.set(s.id, await this.get<OgOverride[]>(`v2/schedules/${encodeURIComponent(s.id)}/overrides`, [['scheduleIdentifierType', 'id']]));
    const escalations = await this.get<OgEscalation[]>('v2/escalations');
    return { users, contacts, notificationRules, teams, schedules, overrides, escalations };
  }

  /** Opsgenie's own answer: a schedule's timeline over `days` days from `from`. */
  timeline(scheduleId: string, from: number, days: number): Promise<OgTimeline> {
    return this.get<OgTimeline>(`v2/schedules/${encodeURIComponent(scheduleId)}/timeline`, [
      ['identifierType', 'id'],
      ['date', new Date(from).toISOString()],
      ['interval', String(days)],
      ['intervalUnit', 'days'],
    ]);
  }
}
