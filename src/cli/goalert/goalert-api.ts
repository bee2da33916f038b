import type { GaEscalationPolicy, GaOnCallShift, GaRotation, GaSchedule, GaService, GaUser, GaUserOverride } from '../../core/import/goalert/types.js';
import { CliError } from '../cli-error.js';

/** Items a page: GoAlert's searches answer at most 150. */
const PAGE = 100;
/** GoAlert's most handoff times a rotation gives at once. */
export const MAX_HANDOFFS = 50;

/** What the import reads from GoAlert's GraphQL API. */
export interface GoAlertData {
  users: GaUser[];
  rotations: GaRotation[];
  schedules: GaSchedule[];
  /** By schedule id. */
  overrides: Map<string, GaUserOverride[]>;
  escalationPolicies: GaEscalationPolicy[];
  services: GaService[];
}

const PAGE_INFO = 'pageInfo { endCursor hasNextPage }';
// The selections follow GoAlert's graphql2/schema.graphql (object types) and graphql2/graph/_Query.graphqls (roots).
const LISTS = {
  users: 'id name email role contactMethods { id name type value disabled } notificationRules { id delayMinutes contactMethodID }',
  rotations: 'id name description start timeZone type shiftLength activeUserIndex userIDs',
  schedules: 'id name description timeZone targets { target { id type name } rules { start end weekdayFilter } } temporarySchedules { start end shifts { userID start end truncated } }',
  userOverrides: 'id start end addUserID removeUserID target { id type name }',
  escalationPolicies: 'id name description repeat steps { id stepNumber delayMinutes targets { id type name } }',
  services: 'id name description escalationPolicyID integrationKeys { id type name href }',
} as const;
const INPUTS = {
  users: 'UserSearchOptions',
  rotations: 'RotationSearchOptions',
  schedules: 'ScheduleSearchOptions',
  userOverrides: 'UserOverrideSearchOptions',
  escalationPolicies: 'EscalationPolicySearchOptions',
  services: 'ServiceSearchOptions',
} as const;

/** A read-only client of GoAlert's GraphQL API (POST /api/graphql) with an API key or session token. */
export class GoAlertApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async query<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const url = new URL('api/graphql', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ operationName, query, variables }),
      });
    } catch (err) {
      throw new CliError(`cannot reach GoAlert at ${this.baseUrl}`, 1, 'check --url and the network', { cause: err });
    }
    if (res.status === 401 || res.status === 403) {
      throw new CliError(`GoAlert refused the token (${res.status})`, 1, 'pass a GoAlert API key (GoAlert: Admin → API Keys, with read access) with --goalert-token or GOALERT_API_TOKEN');
    }
    if (!res.ok) throw new CliError(`GoAlert answered ${res.status} to ${operationName}: ${res.statusText}`, 1);
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string; path?: (string | number)[] }[] };
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      throw new CliError(`GoAlert answered ${operationName} with an error: ${first ? `${first.message}${first.path ? ` (at ${first.path.join('.')})` : ''}` : 'no data'}`, 1);
    }
    return body.data;
  }

  /** Every node of a connection, following pageInfo's cursor. */
  private async all<K extends keyof typeof LISTS, T>(root: K, extra: Record<string, unknown> = {}): Promise<T[]> {
    const query = `query ${root}($input: ${INPUTS[root]}) { ${root}(input: $input) { nodes { ${LISTS[root]} } ${PAGE_INFO} } }`;
    const nodes: T[] = [];
    let after = '';
    for (;;) {
      const data = await this.query<Record<K, { nodes: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>>(root, query, { input: { ...extra, first: PAGE, after } });
      const page = data[root];
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  async read(now: number, horizon: number): Promise<GoAlertData> {
    const users = await this.all<'users', GaUser>('users');
    const rotations = await this.all<'rotations', GaRotation>('rotations');
    const schedules = await this.all<'schedules', GaSchedule>('schedules');
    const overrides = new Map<string, GaUserOverride[]>();
    for (const s of schedules) {
      overrides.set(s.id, await this.all<'userOverrides', GaUserOverride>('userOverrides', { scheduleID: s.id, start: new Date(now).toISOString(), end: new Date(horizon).toISOString() }));
    }
    const escalationPolicies = await this.all<'escalationPolicies', GaEscalationPolicy>('escalationPolicies');
    const services = await this.all<'services', GaService>('services');
    return { users, rotations, schedules, overrides, escalationPolicies, services };
  }

  /** GoAlert's own answer: the schedule's shifts over [start, end), several at once where several are on call. */
  async shifts(scheduleId: string, start: number, end: number): Promise<GaOnCallShift[]> {
    const query = 'query shifts($id: ID!, $start: ISOTimestamp!, $end: ISOTimestamp!) { schedule(id: $id) { shifts(start: $start, end: $end) { userID start end truncated } } }';
    const data = await this.query<{ schedule: { shifts: GaOnCallShift[] } | null }>('shifts', query, { id: scheduleId, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    return data.schedule?.shifts ?? [];
  }

  /** GoAlert's own answer for a rotation: its next handoffs (at most 50) and whose shift is in force. */
  async handoffs(rotationId: string): Promise<{ nextHandoffTimes: string[]; activeUserIndex: number; userIDs: string[] } | null> {
    const query = 'query handoffs($id: ID!, $num: Int) { rotation(id: $id) { nextHandoffTimes(num: $num) activeUserIndex userIDs } }';
    return (await this.query<{ rotation: { nextHandoffTimes: string[]; activeUserIndex: number; userIDs: string[] } | null }>('handoffs', query, { id: rotationId, num: MAX_HANDOFFS })).rotation;
  }
}
