import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GaEscalationPolicy, GaOnCallShift, GaRotation, GaSchedule, GaService, GaUser, GaUserOverride } from '../../src/core/import/goalert/types.js';
import { wallAt } from './fake-wall-clock.js';

/** What the fake serves: a GoAlert instance's configuration, with its rotations' state as of `now`. */
export interface GoAlertInstance {
  now: number;
  users: GaUser[];
  rotations: GaRotation[];
  schedules: GaSchedule[];
  userOverrides: GaUserOverride[];
  escalationPolicies: GaEscalationPolicy[];
  services: GaService[];
}

/**
 * A local GoAlert GraphQL endpoint (POST /api/graphql, GoAlert's graphql2/schema.graphql and
 * graphql2/graph/_Query.graphqls). It checks what GoAlert checks: `Authorization: Bearer
 * <token>` (401 otherwise), a JSON POST with a query, connections paged with
 * `input: {first, after}` answering `pageInfo {endCursor hasNextPage}` (first above
 * GoAlert's 150 is a GraphQL error, as are unknown ids), userOverrides filtered by
 * scheduleID and the start/end window. It does not parse GraphQL: it answers each named
 * operation the importer sends, after checking the query asks for that root field.
 * `shifts` is GoAlert's own answer, computed minute by minute from the rules, rotations,
 * overrides and temporary schedules (see `onCallAt`) without any of Vigil's code.
 */
export interface GoAlertFake {
  url: string;
  token: string;
  /** Operation names of the requests served, in order. */
  requests: string[];
  close(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MAX_FIRST = 150;
const mod = (a: number, b: number) => ((a % b) + b) % b;

/** The first instant whose local time in `timeZone` is `wall` (or, if DST skips it, the first after). */
function instantOf(wall: number, timeZone: string): number {
  let guess = wall - (wallAt(wall, timeZone) - wall);
  guess = wall - (wallAt(guess, timeZone) - guess);
  for (const earlier of [guess - HOUR, guess]) if (wallAt(earlier, timeZone) === wall) return earlier;
  return wallAt(guess, timeZone) < wall ? guess + HOUR : guess;
}

/** GoAlert's shift length in clock time (rotation.go shiftClock); monthly is not served. */
const shiftOf = (r: GaRotation) => Math.max(1, r.shiftLength) * (r.type === 'hourly' ? HOUR : r.type === 'daily' ? DAY : WEEK);
/** Shifts since the rotation's start in clock time (timeutil.ClockDiff): local differences. */
const turnAt = (r: GaRotation, at: number) => Math.floor((wallAt(at, r.timeZone) - Math.floor(wallAt(Date.parse(r.start), r.timeZone) / MINUTE) * MINUTE) / shiftOf(r));

/** GoAlert's on-call answers for `instance`, computed from its own rules. */
export function goAlertAnswers(instance: GoAlertInstance) {
  /** The rotation's user at `at`: activeUserIndex now, one on at each handoff (oncall/state.go). */
  function rotationUser(r: GaRotation, at: number): string | null {
    if (r.userIDs.length === 0) return null;
    if (r.type === 'monthly') throw new Error('the fake does not compute monthly rotations');
    return r.userIDs[mod(r.activeUserIndex + turnAt(r, at) - turnAt(r, instance.now), r.userIDs.length)] as string;
  }

  /** A rule is active from its start on each flagged day (Sunday first) to its end, that day or the next (rule.go). */
  function ruleActive(rule: GaSchedule['targets'][number]['rules'][number], wall: number): boolean {
    const day = mod(Math.floor(wall / DAY) + 4, 7); // 1970-01-01 was a Thursday; Sunday = 0.
    const minute = mod(Math.floor(wall / MINUTE), 1440);
    const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const [s, e] = [clock(rule.start), clock(rule.end)];
    const on = (d: number) => rule.weekdayFilter[mod(d, 7)] === true;
    if (rule.weekdayFilter.every(Boolean) && s === e) return true;
    if (s < e) return on(day) && s <= minute && minute < e;
    return (on(day) && minute >= s) || (on(day - 1) && minute < e);
  }

  /** Who GoAlert has on call on `schedule` at the minute `at`. */
  function onCallAt(schedule: GaSchedule, at: number): Set<string> {
    const temporary = schedule.temporarySchedules.find((t) => Date.parse(t.start) <= at && at < Date.parse(t.end));
    if (temporary) return new Set(temporary.shifts.filter((s) => Date.parse(s.start) <= at && at < Date.parse(s.end)).map((s) => s.userID));
    const wall = wallAt(at, schedule.timeZone);
    const who = new Set<string>();
    for (const { target, rules } of schedule.targets) {
      if (!rules.some((r) => ruleActive(r, wall))) continue;
      const user = target.type === 'user' ? target.id : rotationUser(instance.rotations.find((r) => r.id === target.id) as GaRotation, at);
      if (user) who.add(user);
    }
    for (const o of instance.userOverrides) {
      if (o.target.id !== schedule.id || at < Date.parse(o.start) || at >= Date.parse(o.end)) continue;
      if (o.removeUserID && o.addUserID) {
        if (who.delete(o.removeUserID)) who.add(o.addUserID);
      } else if (o.addUserID) who.add(o.addUserID);
      else who.delete(o.removeUserID);
    }
    return who;
  }

  /** Each user's shifts overlapping [start, end), whole (truncated where the 8 days around it end them). */
  function shifts(schedule: GaSchedule, start: number, end: number): GaOnCallShift[] {
    const from = Math.floor((start - 8 * DAY) / MINUTE) * MINUTE;
    const to = end + 8 * DAY;
    const open = new Map<string, number>();
    const done: { userID: string; start: number; end: number }[] = [];
    for (let at = from; at <= to; at += MINUTE) {
      const who = at < to ? onCallAt(schedule, at) : new Set<string>();
      for (const [user, since] of open) {
        if (!who.has(user)) {
          done.push({ userID: user, start: since, end: at });
          open.delete(user);
        }
      }
      for (const user of who) if (!open.has(user)) open.set(user, at);
    }
    return done
      .filter((s) => s.end > start && s.start < end)
      .sort((a, b) => a.start - b.start || a.userID.localeCompare(b.userID))
      .map((s) => ({ userID: s.userID, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), truncated: s.start === from || s.end === to }));
  }

  /** The next `num` handoffs after now (rotation.go EndTime, stepped). */
  function nextHandoffTimes(r: GaRotation, num: number): string[] {
    const wallStart = Math.floor(wallAt(Date.parse(r.start), r.timeZone) / MINUTE) * MINUTE;
    const turn = turnAt(r, instance.now);
    return Array.from({ length: num }, (_, i) => new Date(instantOf(wallStart + (turn + i + 1) * shiftOf(r), r.timeZone)).toISOString());
  }

  return { onCallAt, shifts, nextHandoffTimes };
}

type Vars = Record<string, unknown>;
class GraphQLError extends Error {}

export interface GoAlertFakeOptions {
  token?: string;
  /** At most this many nodes a page whatever `first` asks (tests force paging with small pages). */
  pageSize?: number;
}

export async function startGoAlertFake(instance: GoAlertInstance, options: GoAlertFakeOptions = {}): Promise<GoAlertFake> {
  const token = options.token ?? 'ga-fake-api-key-0123456789';
  const requests: string[] = [];
  const state = goAlertAnswers(instance);

  /** A connection page: the cursor is the offset, opaque to clients as GoAlert's are. */
  function page<T>(items: T[], input: Vars | undefined): { nodes: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } {
    const first = (input?.first as number | undefined) ?? 15;
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw new GraphQLError(`First must be between 1 and ${MAX_FIRST}`);
    const after = (input?.after as string | undefined) ?? '';
    const offset = after === '' ? 0 : Number(Buffer.from(after, 'base64').toString('utf8').replace(/^offset:/, ''));
    if (!Number.isInteger(offset) || offset < 0) throw new GraphQLError('invalid cursor');
    const size = Math.min(first, options.pageSize ?? MAX_FIRST);
    const nodes = items.slice(offset, offset + size);
    const more = offset + size < items.length;
    return { nodes, pageInfo: { endCursor: more ? Buffer.from(`offset:${offset + size}`).toString('base64') : null, hasNextPage: more } };
  }

  function answer(operationName: string, query: string, v: Vars): unknown {
    const input = v.input as Vars | undefined;
    const needs = (root: string) => {
      if (!new RegExp(`\\b${root}\\s*\\(`).test(query)) throw new GraphQLError(`operation ${operationName} does not select ${root}`);
    };
    switch (operationName) {
      case 'users':
      case 'rotations':
      case 'schedules':
      case 'escalationPolicies':
      case 'services': {
        needs(operationName);
        return { [operationName]: page(instance[operationName] as unknown[], input) };
      }
      case 'userOverrides': {
        needs('userOverrides');
        const start = input?.start ? Date.parse(input.start as string) : -Infinity;
        const end = input?.end ? Date.parse(input.end as string) : Infinity;
        const matching = instance.userOverrides.filter((o) => (!input?.scheduleID || o.target.id === input.scheduleID) && Date.parse(o.end) > start && Date.parse(o.start) < end);
        return { userOverrides: page(matching, input) };
      }
      case 'shifts': {
        needs('schedule');
        const schedule = instance.schedules.find((s) => s.id === v.id);
        const [start, end] = [Date.parse(v.start as string), Date.parse(v.end as string)];
        if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw new GraphQLError('invalid start or end');
        return { schedule: schedule ? { shifts: state.shifts(schedule, start, end) } : null };
      }
      case 'handoffs': {
        needs('rotation');
        const rotation = instance.rotations.find((r) => r.id === v.id);
        const num = (v.num as number | undefined) ?? rotation?.userIDs.length ?? 0;
        if (!Number.isInteger(num) || num < 0 || num > 50) throw new GraphQLError('num must be between 0 and 50');
        return { rotation: rotation ? { nextHandoffTimes: state.nextHandoffTimes(rotation, num), activeUserIndex: rotation.activeUserIndex, userIDs: rotation.userIDs } : null };
      }
      default:
        throw new GraphQLError(`the fake does not answer ${operationName}`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== '/api/graphql') return void res.writeHead(404).end('not found');
    if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) return void res.writeHead(400).end('POST a JSON body');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: { operationName?: string; query?: string; variables?: Vars };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, { errors: [{ message: 'invalid JSON' }] });
    }
    if (typeof body.query !== 'string' || !body.operationName) return send(200, { errors: [{ message: 'a query and its operationName are required' }], data: null });
    requests.push(body.operationName);
    try {
      send(200, { data: answer(body.operationName, body.query, body.variables ?? {}) });
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      send(200, { errors: [{ message: err.message, path: [body.operationName] }], data: null });
    }
  }

  const server: Server = createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, token, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
