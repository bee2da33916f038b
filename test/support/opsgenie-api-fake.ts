import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  OgContact,
  OgEscalation,
  OgNotificationRule,
  OgOverride,
  OgParticipant,
  OgRestriction,
  OgRotation,
  OgSchedule,
  OgTeam,
  OgTimeline,
  OgTimelinePeriod,
  OgUser,
} from '../../src/core/import/opsgenie/types.js';
import { wallAt } from './fake-wall-clock.js';

/** What the fake serves: an Opsgenie account's configuration. */
export interface OpsgenieAccount {
  users: OgUser[];
  /** By user id. */
  contacts: Record<string, OgContact[]>;
  /** By user id, whole (with steps). */
  notificationRules: Record<string, OgNotificationRule[]>;
  /** With members. */
  teams: OgTeam[];
  schedules: OgSchedule[];
  /** By schedule id. */
  overrides: Record<string, OgOverride[]>;
  escalations: OgEscalation[];
}

/**
 * A local Opsgenie REST API (https://docs.opsgenie.com/docs/api-overview) serving an account.
 * It checks what Opsgenie checks: `Authorization: GenieKey <key>` (401 with Opsgenie's
 * `{ message, took, requestId }` otherwise); every answer wraps its payload in `data`.
 * Shapes follow the documentation pages named at each route: the users list pages with
 * limit and offset (`paging.next` while more remain; limit capped at `maxLimit`, 500 like
 * Opsgenie unless a test forces small pages), the teams list has no members (GET
 * /v2/teams/{id} has them), schedules carry rotations only with `expand=rotation`, the
 * notification rules list has no steps. The timeline (Schedule API, "Get Schedule
 * Timeline": date, interval, intervalUnit) is Opsgenie's own answer, computed from the
 * account minute by minute (see `finalTimeline`) without any of Vigil's code. It can answer
 * 429 once, as Opsgenie does past its per-minute request limit.
 */
export interface OpsgenieFake {
  url: string;
  apiKey: string;
  /** Paths (with query) of the requests served, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface OpsgenieFakeOptions {
  apiKey?: string;
  maxLimit?: number;
  /** Answer 429 (Opsgenie's rate limit) to the first request for this path, once. */
  throttleOnce?: string;
}

const MINUTE = 60_000;
const DAY_MIN = 1440;
const WEEK_MIN = 7 * DAY_MIN;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const mod = (a: number, b: number) => ((a % b) + b) % b;

/** Minutes into the week (Monday 00:00 = 0) of an Opsgenie day, hour and minute. */
const weekMinute = (day: string | undefined, hour: number, minute: number) => DAYS.indexOf(day ?? '') * DAY_MIN + hour * 60 + minute;

/** Whether the local minute of the week `m` is inside the span [start, end), which may wrap. */
const inside = (m: number, start: number, end: number, period: number) => mod(m - start, period) < mod(end - start, period);

function restricted(rotation: OgRotation, wall: number): boolean {
  const r = rotation.timeRestriction;
  if (!r) return true;
  const m = mod(Math.floor(wall / MINUTE) + 3 * DAY_MIN, WEEK_MIN); // 1970-01-01 was a Thursday.
  if (r.type === 'time-of-day') {
    const x = r.restriction as OgRestriction;
    return inside(m % DAY_MIN, x.startHour * 60 + x.startMin, x.endHour * 60 + x.endMin, DAY_MIN);
  }
  return (r.restrictions ?? []).some((x) => inside(m, weekMinute(x.startDay, x.startHour, x.startMin), weekMinute(x.endDay, x.endHour, x.endMin), WEEK_MIN));
}

/**
 * The participant of `rotation` at the minute `at`, or null: Opsgenie counts turns from the
 * rotation's start, days and weeks on the schedule's local calendar (handoffs keep their local
 * time across DST) and hours in elapsed time; a time restriction leaves the rotation on call
 * only inside its local windows (a time of day every day, or weekday spans; either may wrap).
 */
function participantAt(rotation: OgRotation, timeZone: string, at: number): OgParticipant | null {
  const start = Date.parse(rotation.startDate);
  if (at < start || (rotation.endDate !== undefined && at >= Date.parse(rotation.endDate))) return null;
  const wall = wallAt(at, timeZone);
  if (!restricted(rotation, wall)) return null;
  const length = rotation.length ?? 1;
  const turn =
    rotation.type === 'hourly'
      ? Math.floor((at - start) / (length * 3_600_000))
      : Math.floor((wall - wallAt(start, timeZone)) / (length * (rotation.type === 'daily' ? 1 : 7) * 86_400_000));
  const p = rotation.participants[mod(turn, rotation.participants.length)] as OgParticipant;
  return p.type === 'none' ? null : p;
}

/**
 * The final timeline over [from, to): per rotation, the periods of one recipient. An override
 * naming rotations replaces those rotations' participant while they are on call; one naming
 * none takes the whole schedule over for its span (as Opsgenie says, it "takes precedence over
 * all rotations"), so it stands in every rotation then. Opsgenie notifies everyone on call in
 * any rotation: the rotations are not ranked.
 */
export function finalTimeline(schedule: OgSchedule, overrides: OgOverride[], from: number, to: number): OgTimeline['finalTimeline'] {
  const spans = overrides.map((o) => ({ start: Date.parse(o.startDate), end: Date.parse(o.endDate), user: o.user, rotations: (o.rotations ?? []).map((r) => r.id) }));
  return {
    rotations: schedule.rotations.map((rotation, order) => {
      const periods: OgTimelinePeriod[] = [];
      for (let at = from; at < to; at += MINUTE) {
        const whole = spans.find((o) => o.rotations.length === 0 && o.start <= at && at < o.end);
        let recipient = whole?.user ?? participantAt(rotation, schedule.timezone, at);
        let type = whole ? 'override' : 'default';
        const scoped = !whole && recipient ? spans.find((o) => o.rotations.includes(rotation.id) && o.start <= at && at < o.end) : undefined;
        if (scoped) {
          recipient = scoped.user;
          type = 'override';
        }
        if (!recipient) continue;
        const last = periods.at(-1);
        if (last && Date.parse(last.endDate) === at && last.type === type && last.recipient.id === recipient.id) last.endDate = new Date(at + MINUTE).toISOString();
        else periods.push({ startDate: new Date(at).toISOString(), endDate: new Date(at + MINUTE).toISOString(), type, recipient: { ...recipient } });
      }
      return { id: rotation.id, name: rotation.name, order: order + 1, periods };
    }),
  };
}

const UNIT_DAYS: Record<string, number> = { days: 1, weeks: 7 };

export async function startOpsgenieFake(account: OpsgenieAccount, options: OpsgenieFakeOptions = {}): Promise<OpsgenieFake> {
  const apiKey = options.apiKey ?? 'eb243592-faa2-4ba2-a551q-1afdf565c889';
  const maxLimit = options.maxLimit ?? 500;
  const requests: string[] = [];
  let origin = '';
  const send = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ...body, took: 0.01, requestId: randomUUID() }));
  };
  const data = (res: ServerResponse, payload: unknown) => send(res, 200, { data: payload });
  const error = (res: ServerResponse, status: number, message: string) => send(res, status, { message });
  const answered = new Map<string, OgTimeline>();
  let throttle = options.throttleOnce;

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    if (req.headers.authorization !== `GenieKey ${apiKey}`) return error(res, 401, 'Could not authenticate');
    if (url.pathname === throttle) {
      throttle = undefined;
      return error(res, 429, 'You are making too many requests! To avoid errors, we recommend you limit requests.');
    }
    if (req.method !== 'GET') return error(res, 405, 'Method Not Allowed');
    const q = url.searchParams;
    const path = url.pathname;
    let m: RegExpExecArray | null;
    // User API, "List User": limit (default 20, at most 500), offset, paging links.
    if (path === '/v2/users') {
      const limit = Math.min(Number(q.get('limit') ?? 20), maxLimit);
      const offset = Number(q.get('offset') ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) return error(res, 422, 'Invalid limit or offset');
      const link = (o: number) => `${origin}/v2/users?limit=${limit}&offset=${o}`;
      const more = offset + limit < account.users.length;
      const paging = { first: link(0), last: link(Math.max(0, Math.floor((account.users.length - 1) / limit) * limit)), ...(more && { next: link(offset + limit) }), ...(offset > 0 && { prev: link(Math.max(0, offset - limit)) }) };
      return send(res, 200, { totalCount: account.users.length, data: account.users.slice(offset, offset + limit), paging });
    }
    // Contact API, "List Contacts".
    if ((m = /^\/v2\/users\/([^/]+)\/contacts$/.exec(path))) return data(res, account.contacts[m[1] as string] ?? []);
    // Notification Rule API: the list has no steps; "Get Notification Rule" has them.
    if ((m = /^\/v2\/users\/([^/]+)\/notification-rules$/.exec(path))) {
      return data(res, (account.notificationRules[m[1] as string] ?? []).map((r, i) => ({ id: r.id, name: r.name, actionType: r.actionType, order: i + 1, enabled: r.enabled })));
    }
    if ((m = /^\/v2\/users\/([^/]+)\/notification-rules\/([^/]+)$/.exec(path))) {
      const rule = (account.notificationRules[m[1] as string] ?? []).find((r) => r.id === m?.[2]);
      return rule ? data(res, rule) : error(res, 404, 'Notification rule not found');
    }
    // Team API: "List Teams" without members, "Get Team" with them.
    if (path === '/v2/teams') return data(res, account.teams.map(({ members: _members, ...t }) => t));
    if ((m = /^\/v2\/teams\/([^/]+)$/.exec(path))) {
      const team = account.teams.find((t) => t.id === m?.[1]);
      return team ? data(res, team) : error(res, 404, 'No team exists with id');
    }
    // Schedule API, "List Schedules": rotations only with expand=rotation.
    if (path === '/v2/schedules') {
      const expand = (q.get('expand') ?? '').split(',').includes('rotation');
      return send(res, 200, { data: account.schedules.map(({ rotations, ...s }) => (expand ? { ...s, rotations } : s)), expandable: ['rotation'] });
    }
    // Schedule Override API, "List Schedule Overrides".
    if ((m = /^\/v2\/schedules\/([^/]+)\/overrides$/.exec(path))) {
      const schedule = account.schedules.find((s) => s.id === m?.[1]);
      if (!schedule) return error(res, 404, 'Schedule not found');
      return data(res, (account.overrides[schedule.id] ?? []).map((o) => ({ _parent: { id: schedule.id, name: schedule.name, enabled: schedule.enabled }, ...o })));
    }
    // Schedule API, "Get Schedule Timeline": from `date`, `interval` × `intervalUnit` (days, weeks).
    if ((m = /^\/v2\/schedules\/([^/]+)\/timeline$/.exec(path))) {
      const schedule = account.schedules.find((s) => s.id === m?.[1]);
      if (!schedule) return error(res, 404, 'Schedule not found');
      const date = q.has('date') ? Date.parse(q.get('date') as string) : Date.now();
      const interval = Number(q.get('interval') ?? 1);
      const unit = UNIT_DAYS[q.get('intervalUnit') ?? 'weeks'];
      if (Number.isNaN(date) || !Number.isInteger(interval) || interval < 1 || unit === undefined) return error(res, 422, 'Invalid date, interval or intervalUnit');
      const from = Math.floor(date / MINUTE) * MINUTE;
      const to = from + interval * unit * 86_400_000;
      const key = `${schedule.id} ${from} ${to}`;
      const timeline = answered.get(key) ?? {
        startDate: new Date(from).toISOString(),
        endDate: new Date(to).toISOString(),
        finalTimeline: finalTimeline(schedule, account.overrides[schedule.id] ?? [], from, to),
      };
      answered.set(key, timeline);
      return send(res, 200, { data: { _parent: { id: schedule.id, name: schedule.name, enabled: schedule.enabled }, ...timeline }, expandable: ['base', 'forwarding', 'override'] });
    }
    // Escalation API, "List Escalations".
    if (path === '/v2/escalations') return data(res, account.escalations);
    return error(res, 404, 'Not Found');
  }

  const server: Server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    apiKey,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
