import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { hiddenUrl } from '../../core/hidden-url.js';
import { changeTimeOff } from '../../service/time-off.js';
import { findMembership, teamIdsOf } from '../../store/teams.js';
import {
  deleteTimeOff,
  findTimeOff,
  getTimeOffCalendar,
  insertTimeOff,
  listTimeOff,
  putTimeOffCalendar,
  updateTimeOff,
  type TimeOffCalendar,
  type TimeOffRow,
} from '../../store/time-off.js';
import { getUser } from '../../store/users.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { hostOfUrl, refuseDeniedDestinations } from '../destination-fields.js';
import { hasRole } from '../roles.js';
import { IdParams, toIso } from '../schemas/common.js';
import { ItemParams } from '../schemas/schedule.js';
import { TimeOffCalendarInput, TimeOffCalendarView, TimeOffInput, TimeOffPatch, TimeOffQuery, TimeOffView } from '../schemas/time-off.js';
import { checkSpanBounds } from '../span-bounds.js';

const HTTP_URL = /^https?:\/\/\S+$/;

/** The address often carries the calendar's own token: in full only for the person and admins (managers may still replace it). */
const calendarView = (c: TimeOffCalendar | null, showUrl: boolean) => ({
  url: c === null ? null : showUrl ? c.url : hiddenUrl(c.url),
  urlHidden: c !== null && !showUrl,
  syncedAt: c === null || c.syncedAt === null ? null : toIso(c.syncedAt),
  error: c?.error ?? null,
});

const view = (t: TimeOffRow) => ({ id: t.id, userId: t.userId, start: toIso(t.start), end: toIso(t.end), note: t.note, source: t.source, createdAt: toIso(t.createdAt) });

export function timeOffRoutes(api: Api, { database: { db }, clock, config, wakeEngine }: HttpDeps): void {
  const tags = ['time off'];

  /**
   * Time off is the person's own, and their team's business: they, managers of a team
   * they are in, and admins record it; anyone sharing a team with them sees it.
   */
  async function access(req: FastifyRequest, userId: string): Promise<'write' | 'read'> {
    const { user: actor } = actorOf(req);
    await getUser(db, userId);
    if (actor.id === userId || hasRole(actor.role, 'admin')) return 'write';
    const theirs = await teamIdsOf(db, userId);
    const shared = [...(await teamIdsOf(db, actor.id))].filter((t) => theirs.has(t));
    if (shared.length === 0) throw new AppError('forbidden', "Only people who share a team with this user can see their time off");
    if (hasRole(actor.role, 'responder')) {
      for (const teamId of shared) if ((await findMembership(db, teamId, actor.id)) === 'manager') return 'write';
    }
    return 'read';
  }

  function seesCalendarUrl(req: FastifyRequest, userId: string): boolean {
    const { user: actor } = actorOf(req);
    return actor.id === userId || hasRole(actor.role, 'admin');
  }

  async function writable(req: FastifyRequest, userId: string): Promise<void> {
    if ((await access(req, userId)) !== 'write') throw new AppError('forbidden', 'Only the person, a manager of their team or an admin can change their time off');
  }

  /** Runs the change, telling whoever's shifts the covers move, and wakes the engine: who is paged may have changed now. */
  async function changing<T>(req: FastifyRequest, userId: string, change: (trx: typeof db) => Promise<T>): Promise<T> {
    const result = await changeTimeOff(db, userId, clock.now(), actorOf(req).user.id, change);
    wakeEngine();
    return result;
  }

  api.get(
    '/users/:id/time-off',
    { schema: { tags, summary: "A user's time off overlapping [from, to), soonest first", params: IdParams, querystring: TimeOffQuery, response: { 200: Type.Object({ items: Type.Array(TimeOffView) }) } } },
    async (req) => {
      await access(req, req.params.id);
      const from = req.query.from === undefined ? clock.now() : Date.parse(req.query.from);
      const to = req.query.to === undefined ? undefined : Date.parse(req.query.to);
      return { items: (await listTimeOff(db, req.params.id, { from, to })).map(view) };
    },
  );

  api.post(
    '/users/:id/time-off',
    {
      schema: {
        tags,
        summary: "Record time off: every rotation turn of theirs in the span is covered by the next member in order who is not away",
        params: IdParams,
        body: TimeOffInput,
        response: { 201: TimeOffView },
      },
    },
    async (req, reply) => {
      await writable(req, req.params.id);
      const now = clock.now();
      const start = Date.parse(req.body.start);
      const end = Date.parse(req.body.end);
      checkSpanBounds(start, end, now, 'Time off');
      const note = req.body.note?.trim() ?? '';
      const id = await changing(req, req.params.id, (trx) => insertTimeOff(trx, { userId: req.params.id, start, end, note }, now));
      return reply.code(201).send(view({ id, userId: req.params.id, start, end, note, source: 'manual', createdAt: now }));
    },
  );

  api.patch(
    '/users/:id/time-off/:itemId',
    { schema: { tags, summary: 'Change time off entered by hand (the past of one under way stays)', params: ItemParams, body: TimeOffPatch, response: { 200: TimeOffView } } },
    async (req) => {
      await writable(req, req.params.id);
      const row = await findTimeOff(db, req.params.id, req.params.itemId);
      if (row.source === 'calendar') throw new AppError('time_off_imported', 'Change this time off in the calendar it was imported from');
      const now = clock.now();
      const start = req.body.start === undefined ? row.start : Date.parse(req.body.start);
      const end = req.body.end === undefined ? row.end : Date.parse(req.body.end);
      if (row.end <= now) throw new AppError('past_is_immutable', 'This time off is over; it stays in the history');
      if (row.start < now && start !== row.start) {
        throw new AppError('validation_failed', 'Time off under way keeps its start', [{ path: '/body/start', message: 'cannot move: this time off has begun' }]);
      }
      checkSpanBounds(start, end, now, 'Time off');
      const note = req.body.note === undefined ? row.note : req.body.note.trim();
      await changing(req, req.params.id, (trx) => updateTimeOff(trx, row.id, { start, end, note }));
      return view({ ...row, start, end, note });
    },
  );

  api.delete(
    '/users/:id/time-off/:itemId',
    { schema: { tags, summary: 'Cancel time off entered by hand (one under way ends now)', params: ItemParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await writable(req, req.params.id);
      const row = await findTimeOff(db, req.params.id, req.params.itemId);
      if (row.source === 'calendar') throw new AppError('time_off_imported', 'Remove this time off from the calendar it was imported from');
      const now = clock.now();
      if (row.end <= now) throw new AppError('past_is_immutable', 'This time off is over; it stays in the history');
      await changing(req, req.params.id, (trx) => (row.start >= now ? deleteTimeOff(trx, row.id) : updateTimeOff(trx, row.id, { start: row.start, end: now, note: row.note })));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/users/:id/time-off-calendar',
    { schema: { tags, summary: 'The calendar time off is imported from, and how its last fetch went', params: IdParams, response: { 200: TimeOffCalendarView } } },
    async (req) => {
      await writable(req, req.params.id);
      return calendarView(await getTimeOffCalendar(db, req.params.id), seesCalendarUrl(req, req.params.id));
    },
  );

  api.put(
    '/users/:id/time-off-calendar',
    { schema: { tags, summary: 'Set or clear the iCalendar address time off is imported from', params: IdParams, body: TimeOffCalendarInput, response: { 200: TimeOffCalendarView } } },
    async (req) => {
      await writable(req, req.params.id);
      const url = req.body.url === null ? null : req.body.url.trim();
      if (url !== null) {
        if (!HTTP_URL.test(url) || !URL.canParse(url)) throw new AppError('validation_failed', 'Bad address', [{ path: '/body/url', message: 'must be an http(s) URL' }]);
        refuseDeniedDestinations(config.destinationPolicy, [['/body/url', hostOfUrl(url)]]);
      }
      // Clearing removes the imported time off, which can move shifts.
      await changing(req, req.params.id, (trx) => putTimeOffCalendar(trx, req.params.id, url, clock.now()));
      return calendarView(await getTimeOffCalendar(db, req.params.id), seesCalendarUrl(req, req.params.id));
    },
  );
}
