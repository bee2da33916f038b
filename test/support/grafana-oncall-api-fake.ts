import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GoDay, GoEscalationChain, GoEscalationPolicy, GoFinalShift, GoIntegration, GoSchedule, GoShift, GoTeam, GoUser } from '../../src/core/import/grafana/types.js';
import { wallAt } from './fake-wall-clock.js';

/** What the fake serves: a Grafana OnCall organization's configuration. */
export interface GrafanaOnCallInstance {
  teams: GoTeam[];
  users: GoUser[];
  schedules: GoSchedule[];
  shifts: GoShift[];
  chains: GoEscalationChain[];
  policies: GoEscalationPolicy[];
  integrations: GoIntegration[];
}

/**
 * A local Grafana OnCall public API (grafana/oncall docs/sources/oncall-api-reference: users.md,
 * teams.md, schedules.md, on_call_shifts.md, escalation_chains.md, escalation_policies.md,
 * integrations.md).
 * It checks what OnCall checks: the API token as the whole `Authorization` header (no scheme;
 * 401 otherwise), GET only, lists paged by `?page=N` (Django REST framework's page-number
 * pagination: `count`, `next`, `previous`, `results`, `page_size`, `current_page_number`,
 * `total_pages`; a page past the last is 404 "Invalid page."), escalation_policies filtered
 * by escalation_chain_id, final_shifts requiring start_date ≤ end_date (dates) at most 365 days
 * apart. final_shifts is OnCall's own answer, computed from the shifts' recurrence rules as
 * OnCall's iCal does (see `finalShifts`) without any of Vigil's code.
 */
export interface GrafanaOnCallFake {
  url: string;
  token: string;
  /** Paths (with query) of the requests served, in order. */
  requests: string[];
  close(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const mod = (a: number, b: number) => ((a % b) + b) % b;

/** The instant of the local time `wall` in `timeZone` (the earlier of two; a time DST skips moves on by the gap, as Python's zoneinfo does). */
function instantOf(wall: number, timeZone: string): number {
  const before = wall - (wallAt(wall - DAY, timeZone) - (wall - DAY));
  const after = wall - (wallAt(wall + DAY, timeZone) - (wall + DAY));
  for (const guess of [Math.min(before, after), Math.max(before, after)]) if (wallAt(guess, timeZone) === wall) return guess;
  // In the gap: read with the offset before the change, as fold=0 does.
  return before;
}

const wallOf = (local: string) => Date.parse(`${local.slice(0, 19)}Z`);
const DAYS: GoDay[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const PERIOD: Record<string, number> = { hourly: HOUR, daily: DAY, weekly: WEEK };

interface Event {
  start: number;
  end: number;
  level: number;
  users: string[];
}

/**
 * A shift's events overlapping [from, to). OnCall turns a shift into iCal events (one
 * recurrence rule a group of rolling users, the groups taking turns event by event): events
 * recur on the local clock of the shift's zone from `start`, every `interval` × `frequency`,
 * or with `by_day` on those days of every `interval`-th week (weeks beginning on
 * `week_start`); none starts after `until`. OnCall (custom_on_call_shift.py) writes each
 * group's first event with DTEND = DTSTART + `duration` on the local clock, and
 * recurring-ical-events 2.1.0 (what OnCall pins, with pytz) ends every later event that
 * event's elapsed length after its start: so a 20:00 + 12 h night ends at 09:00 or 07:00
 * on the nights the clock changes.
 */
function eventsOf(shift: GoShift, scheduleZone: string, from: number, to: number): Event[] {
  const zone = shift.time_zone ?? scheduleZone;
  const duration = shift.duration * 1000;
  const wallStart = wallOf(shift.start);
  if (shift.type === 'single_event') return [{ start: instantOf(wallStart, zone), end: instantOf(wallStart + duration, zone), level: shift.level, users: shift.users ?? [] }];
  const groups = shift.type === 'rolling_users' ? (shift.rolling_users ?? []) : shift.type === 'recurrent_event' ? [shift.users ?? []] : [];
  const period = PERIOD[shift.frequency ?? ''];
  if (groups.length === 0 || period === undefined) throw new Error(`the fake does not compute ${shift.type} shifts repeating ${shift.frequency}`);
  const interval = Math.max(1, shift.interval ?? 1);
  const startIndex = shift.start_rotation_from_user_index ?? 0;
  const until = shift.until ? wallOf(shift.until) : Infinity;
  const elapsed = instantOf(wallStart + duration, zone) - instantOf(wallStart, zone);
  const event = (wall: number, turn: number): Event => ({
    start: instantOf(wall, zone),
    end: instantOf(wall, zone) + elapsed,
    level: shift.level,
    users: groups[mod(startIndex + turn, groups.length)] as string[],
  });
  const out: Event[] = [];
  const [lo, hi] = [wallAt(from, zone) - duration - 2 * DAY, wallAt(to, zone) + 2 * DAY];
  if (shift.by_day?.length) {
    if (shift.frequency !== 'weekly') throw new Error('the fake computes by_day for weekly shifts only');
    const weekStart = DAYS.indexOf(shift.week_start ?? 'SU');
    const firstWeek = Math.floor(wallStart / DAY) * DAY - mod(new Date(wallStart).getUTCDay() - weekStart, 7) * DAY;
    const timeOfDay = mod(wallStart, DAY);
    for (let w = Math.max(0, Math.floor((lo - firstWeek) / WEEK)); firstWeek + w * WEEK <= hi; w++) {
      if (w % interval !== 0) continue;
      for (const d of shift.by_day) {
        const wall = firstWeek + w * WEEK + mod(DAYS.indexOf(d) - weekStart, 7) * DAY + timeOfDay;
        if (wall >= wallStart && wall <= until && wall >= lo && wall <= hi) out.push(event(wall, w / interval));
      }
    }
    return out;
  }
  const step = interval * period;
  for (let k = Math.max(0, Math.floor((lo - wallStart) / step)); wallStart + k * step <= hi; k++) {
    const wall = wallStart + k * step;
    if (wall <= until) out.push(event(wall, k));
  }
  return out;
}

/**
 * OnCall's final schedule over [from, to): at every moment, the users of the events in force
 * with the highest level (several where events of that level overlap, or a group has several),
 * as each user's shifts, evaluated between consecutive event boundaries.
 */
export function finalShifts(instance: GrafanaOnCallInstance, schedule: GoSchedule, from: number, to: number): GoFinalShift[] {
  const zone = schedule.time_zone ?? 'UTC';
  const events = (schedule.shifts ?? []).flatMap((id) => {
    const shift = instance.shifts.find((s) => s.id === id);
    return shift ? eventsOf(shift, zone, from, to) : [];
  });
  const edges = [...new Set([from, to, ...events.flatMap((e) => [e.start, e.end]).filter((t) => t > from && t < to)])].sort((a, b) => a - b);
  const open = new Map<string, number>();
  const done: { user: string; start: number; end: number }[] = [];
  edges.forEach((at, i) => {
    const inForce = i === edges.length - 1 ? [] : events.filter((e) => e.start <= at && at < e.end);
    const top = Math.max(...inForce.map((e) => e.level));
    const who = new Set(inForce.filter((e) => e.level === top).flatMap((e) => e.users));
    for (const [user, since] of open) {
      if (!who.has(user)) {
        done.push({ user, start: since, end: at });
        open.delete(user);
      }
    }
    for (const user of who) if (!open.has(user)) open.set(user, at);
  });
  return done
    .sort((a, b) => a.start - b.start || a.user.localeCompare(b.user))
    .map((s) => {
      const user = instance.users.find((u) => u.id === s.user);
      return { user_pk: s.user, user_email: user?.email ?? '', user_username: user?.username ?? '', shift_start: new Date(s.start).toISOString().replace('.000Z', 'Z'), shift_end: new Date(s.end).toISOString().replace('.000Z', 'Z') };
    });
}

export interface GrafanaOnCallFakeOptions {
  token?: string;
  /** Items a page (OnCall's default is 50; tests force paging with small pages). */
  pageSize?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export async function startGrafanaOnCallFake(instance: GrafanaOnCallInstance, options: GrafanaOnCallFakeOptions = {}): Promise<GrafanaOnCallFake> {
  const token = options.token ?? 'oncall-fake-token-0123456789abcdef';
  const size = options.pageSize ?? 50;
  const requests: string[] = [];
  let base = '';

  function page<T>(url: URL, items: T[]) {
    const raw = url.searchParams.get('page') ?? '1';
    const number = Number(raw);
    const total = Math.max(1, Math.ceil(items.length / size));
    if (!/^\d+$/.test(raw) || number < 1 || number > total) throw new HttpError(404, 'Invalid page.');
    const at = (n: number) => {
      const next = new URL(url.pathname + url.search, base);
      next.searchParams.set('page', String(n));
      return next.toString();
    };
    return {
      count: items.length,
      next: number < total ? at(number + 1) : null,
      previous: number > 1 ? at(number - 1) : null,
      results: items.slice((number - 1) * size, number * size),
      page_size: size,
      current_page_number: number,
      total_pages: total,
    };
  }

  function answer(url: URL): unknown {
    const path = url.pathname;
    const lists: Record<string, unknown[]> = {
      '/api/v1/teams/': instance.teams,
      '/api/v1/users/': instance.users,
      '/api/v1/schedules/': instance.schedules,
      '/api/v1/on_call_shifts/': instance.shifts,
      '/api/v1/escalation_chains/': instance.chains,
      '/api/v1/integrations/': instance.integrations,
    };
    const list = lists[path];
    if (list) return page(url, list);
    if (path === '/api/v1/escalation_policies/') {
      const chain = url.searchParams.get('escalation_chain_id');
      return page(url, instance.policies.filter((p) => chain === null || p.escalation_chain_id === chain));
    }
    const final = /^\/api\/v1\/schedules\/([^/]+)\/final_shifts\/?$/.exec(path);
    if (final) {
      const schedule = instance.schedules.find((s) => s.id === decodeURIComponent(final[1] as string));
      if (!schedule) throw new HttpError(404, 'Not found.');
      const [start, end] = ['start_date', 'end_date'].map((k) => url.searchParams.get(k) ?? '');
      if (!/^\d{4}-\d\d-\d\d$/.test(start as string) || !/^\d{4}-\d\d-\d\d$/.test(end as string)) throw new HttpError(400, 'start_date and end_date are required ISO 8601 dates');
      const [from, to] = [Date.parse(`${start}T00:00:00Z`), Date.parse(`${end}T00:00:00Z`) + DAY];
      if (to - DAY < from) throw new HttpError(400, 'end_date must be greater than or equal to start_date');
      if (to - DAY - from > 365 * DAY) throw new HttpError(400, 'end_date cannot be more than 365 days in the future from start_date');
      return page(url, finalShifts(instance, schedule, from, to));
    }
    throw new HttpError(404, 'Not found.');
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, body: unknown) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(req.url ?? '/', base);
    if (req.headers.authorization !== token) return send(401, { detail: 'Invalid token.' });
    if (req.method !== 'GET') return send(405, { detail: `Method "${req.method}" not allowed.` });
    requests.push(url.pathname + url.search);
    try {
      send(200, answer(url));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      send(err.status, { detail: err.detail });
    }
  }

  const server: Server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return { url: base, token, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
