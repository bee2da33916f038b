import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  PdEscalationPolicy,
  PdLayer,
  PdOnCall,
  PdOverride,
  PdSchedule,
  PdService,
  PdTeam,
  PdUser,
} from '../../src/core/import/pagerduty/types.js';
import { wallAt } from './fake-wall-clock.js';

/** What the fake serves: a PagerDuty account's configuration. */
export interface PagerDutyAccount {
  users: PdUser[];
  teams: PdTeam[];
  schedules: PdSchedule[];
  /** By schedule id. */
  overrides: Record<string, PdOverride[]>;
  escalationPolicies: PdEscalationPolicy[];
  services: PdService[];
}

/**
 * A local PagerDuty REST API v2 (https://developer.pagerduty.com/api-reference/) serving an
 * account. It checks what PagerDuty checks: `Authorization: Token token=<key>` (401
 * otherwise) and the v2 media type in Accept (406 otherwise); lists page with limit, offset
 * and more (limit capped at `maxLimit`, 100 like PagerDuty unless a test forces small pages);
 * includes (contact methods, notification rules, integrations) come whole only when asked
 * for, references otherwise; overrides and on-calls need since and until (400 otherwise).
 * `/oncalls` is PagerDuty's own answer, computed from the account minute by minute (see
 * `finalSchedule`), without any of Vigil's code.
 */
export interface PagerDutyFake {
  url: string;
  apiKey: string;
  /** Paths (with query) of the requests served, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface PagerDutyFakeOptions {
  apiKey?: string;
  maxLimit?: number;
}

const MINUTE = 60_000;
const DAY_MIN = 1440;
const WEEK_MIN = 7 * DAY_MIN;
const mod = (a: number, b: number) => ((a % b) + b) % b;

/**
 * The user of `layer` at the minute `at`, or null: PagerDuty counts turns from the virtual
 * start, whole days on the schedule's local calendar (handoffs keep their local time across
 * DST) and other lengths in elapsed time; restrictions are local windows from a start time
 * (and weekday) for a duration, the layer on call during any of them.
 */
function layerUserAt(layer: PdLayer, timeZone: string, at: number): string | null {
  if (at < Date.parse(layer.start) || (layer.end !== null && at >= Date.parse(layer.end))) return null;
  if (layer.users.length === 0) return null;
  const wall = wallAt(at, timeZone);
  if (layer.restrictions.length > 0) {
    const minuteOfWeek = mod(Math.floor(wall / MINUTE) + 3 * DAY_MIN, WEEK_MIN); // 1970-01-01 was a Thursday.
    const inside = layer.restrictions.some((r) => {
      const [h, m] = r.start_time_of_day.split(':').map(Number) as [number, number];
      const length = r.duration_seconds / 60;
      if (r.type === 'daily_restriction') return mod(minuteOfWeek - (h * 60 + m), DAY_MIN) < length;
      return mod(minuteOfWeek - (((r.start_day_of_week as number) - 1) * DAY_MIN + h * 60 + m), WEEK_MIN) < length;
    });
    if (!inside) return null;
  }
  const virtualStart = Date.parse(layer.rotation_virtual_start);
  const turnMs = layer.rotation_turn_length_seconds * 1000;
  const turn =
    layer.rotation_turn_length_seconds % 86400 === 0
      ? Math.floor((wall - wallAt(virtualStart, timeZone)) / turnMs)
      : Math.floor((at - virtualStart) / turnMs);
  return (layer.users[mod(turn, layer.users.length)] as { user: { id: string } }).user.id;
}

/**
 * The final schedule over [from, to) as spans of one user: at each minute an override
 * (the latest starting) if one covers it, else the first layer in API order on call then.
 */
export function finalSchedule(schedule: PdSchedule, overrides: PdOverride[], from: number, to: number): { start: number; end: number; userId: string }[] {
  const spans: { start: number; end: number; userId: string }[] = [];
  const spansOf = overrides.map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end), userId: o.user.id })).sort((a, b) => b.start - a.start);
  for (let at = from; at < to; at += MINUTE) {
    let userId = spansOf.find((o) => o.start <= at && at < o.end)?.userId ?? null;
    for (const layer of schedule.schedule_layers) {
      if (userId !== null) break;
      userId = layerUserAt(layer, schedule.time_zone, at);
    }
    const last = spans.at(-1);
    if (userId === null) continue;
    if (last && last.end === at && last.userId === userId) last.end = at + MINUTE;
    else spans.push({ start: at, end: at + MINUTE, userId });
  }
  return spans;
}

const MEDIA_TYPE = 'application/vnd.pagerduty+json;version=2';
/** How far around the asked window on-call spans are followed, as PagerDuty answers whole shifts. */
const SHIFT_REACH = 8 * 86400_000;

export async function startPagerDutyFake(account: PagerDutyAccount, options: PagerDutyFakeOptions = {}): Promise<PagerDutyFake> {
  const apiKey = options.apiKey ?? 'u+pd-fake-key-1234567890';
  const maxLimit = options.maxLimit ?? 100;
  const requests: string[] = [];
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string, code: number) => send(res, status, { error: { message, code } });
  const ref = (type: string, o: { id: string; name?: string; label?: string }) => ({ id: o.id, type: `${type}_reference`, summary: o.name ?? o.label ?? o.id });

  function page<T>(res: ServerResponse, query: URLSearchParams, key: string, items: T[]): void {
    const limit = Math.min(Number(query.get('limit') ?? 25), maxLimit);
    const offset = Number(query.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) return error(res, 400, 'Invalid Input Provided', 2001);
    const slice = items.slice(offset, offset + limit);
    send(res, 200, { [key]: slice, limit, offset, more: offset + limit < items.length, total: query.get('total') === 'true' ? items.length : null });
  }

  const range = (query: URLSearchParams): [number, number] | null => {
    const since = Date.parse(query.get('since') ?? '');
    const until = Date.parse(query.get('until') ?? '');
    return Number.isNaN(since) || Number.isNaN(until) || until <= since ? null : [since, until];
  };

  // Each page of a listing asks the same question: it is answered once.
  const answered = new Map<string, PdOnCall[]>();
  function onCalls(query: URLSearchParams): PdOnCall[] | null {
    const window = range(query);
    if (!window) return null;
    const question = `${window.join(' ')} ${query.getAll('schedule_ids[]').join(',')}`;
    const known = answered.get(question);
    if (known) return known;
    const [since, until] = window;
    const wanted = query.getAll('schedule_ids[]');
    const from = Math.floor((since - SHIFT_REACH) / MINUTE) * MINUTE;
    const to = until + SHIFT_REACH;
    const entries: PdOnCall[] = [];
    // One entry per on-call span, per policy rule that targets the schedule, as PagerDuty lists them.
    for (const policy of account.escalationPolicies) {
      policy.escalation_rules.forEach((rule, level) => {
        for (const target of rule.targets) {
          const schedule = account.schedules.find((s) => s.id === target.id && target.type === 'schedule_reference');
          if (!schedule || (wanted.length > 0 && !wanted.includes(schedule.id))) continue;
          for (const span of finalSchedule(schedule, account.overrides[schedule.id] ?? [], from, to)) {
            if (span.end <= since || span.start >= until) continue;
            const user = account.users.find((u) => u.id === span.userId) as PdUser;
            entries.push({
              escalation_policy: ref('escalation_policy', policy),
              escalation_level: level + 1,
              schedule: ref('schedule', schedule),
              user: ref('user', user),
              start: new Date(span.start).toISOString(),
              end: new Date(span.end).toISOString(),
            });
          }
        }
      });
    }
    answered.set(question, entries);
    return entries;
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Token token=${apiKey}`) return error(res, 401, 'Unauthorized', 2006);
    if (!String(req.headers.accept ?? '').includes(MEDIA_TYPE)) return error(res, 406, 'Not Acceptable: send Accept: application/vnd.pagerduty+json;version=2', 2001);
    if (req.method !== 'GET') return error(res, 405, 'Method Not Allowed', 2000);
    const q = url.searchParams;
    const includes = q.getAll('include[]');
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (path === '/users') {
      const users = account.users.map((u) => ({
        ...u,
        contact_methods: includes.includes('contact_methods') ? u.contact_methods : u.contact_methods.map((c) => ref(c.type, c)),
        notification_rules: includes.includes('notification_rules')
          ? u.notification_rules.map((r) => ({ ...r, contact_method: includes.includes('contact_methods') ? u.contact_methods.find((c) => c.id === r.contact_method.id) : r.contact_method }))
          : u.notification_rules.map((r) => ({ id: r.id, type: 'assignment_notification_rule_reference' })),
      }));
      return page(res, q, 'users', users);
    }
    if (path === '/teams') return page(res, q, 'teams', account.teams);
    // Listed schedules carry no layers: GET /schedules/{id} has them.
    if (path === '/schedules') return page(res, q, 'schedules', account.schedules.map(({ schedule_layers: _layers, ...s }) => s));
    if ((m = /^\/schedules\/([^/]+)$/.exec(path))) {
      const schedule = account.schedules.find((s) => s.id === m?.[1]);
      return schedule ? send(res, 200, { schedule }) : error(res, 404, 'Not Found', 2100);
    }
    if ((m = /^\/schedules\/([^/]+)\/overrides$/.exec(path))) {
      const window = range(q);
      if (!window) return error(res, 400, 'Invalid Input Provided: since and until are required', 2001);
      const overrides = (account.overrides[m[1] as string] ?? []).filter((o) => Date.parse(o.end) > window[0] && Date.parse(o.start) < window[1]);
      return send(res, 200, { overrides });
    }
    if (path === '/escalation_policies') return page(res, q, 'escalation_policies', account.escalationPolicies);
    if (path === '/services') {
      const services = account.services.map((s) => ({ ...s, integrations: includes.includes('integrations') ? s.integrations : s.integrations.map((i) => ref(i.type.replace(/_integration$/, ''), i)) }));
      return page(res, q, 'services', services);
    }
    if (path === '/oncalls') {
      const entries = onCalls(q);
      return entries ? page(res, q, 'oncalls', entries) : error(res, 400, 'Invalid Input Provided: since and until are required', 2001);
    }
    return error(res, 404, 'Not Found', 2100);
  }

  const server: Server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
