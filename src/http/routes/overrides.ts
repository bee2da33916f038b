import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { layerIdsAt } from '../../core/schedule/edit.js';
import { checkMembers } from '../../service/schedule-edits.js';
import {
  deleteFixedShiftRow,
  deleteOverrideRow,
  endFixedShiftAt,
  endOverrideAt,
  findFixedShift,
  findOverride,
  getScheduleRow,
  insertFixedShift,
  insertOverride,
  loadSchedule,
} from '../../store/schedules.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamMember } from '../permissions.js';
import { directoryFor } from '../schedule-presenter.js';
import { IdParams, toIso } from '../schemas/common.js';
import { FixedShiftInput, ItemParams, OverrideInput, RangeQuery } from '../schemas/schedule.js';
import { FixedShiftView, OverrideView } from '../schemas/schedule-views.js';
import type { FastifyRequest } from 'fastify';
import { DAY } from '../../core/time/units.js';

const MAX_SPAN_DAYS = 366;
const MAX_AHEAD_DAYS = 2 * 366;

export function overrideRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['overrides'];

  async function writable(req: FastifyRequest, scheduleId: string) {
    const row = await getScheduleRow(db, scheduleId);
    await requireTeamMember(db, req, row.team_id);
  }

  /**
   * A span someone takes over: must be non-empty, must not end in the past, and name a
   * current layer. Overrides and fixed shifts cover days or weeks, so a year is the most
   * one may span and two years ahead the furthest it may reach: an 8,000-year override is
   * a typo, and every timeline would carry it.
   */
  async function checkSpan(scheduleId: string, body: { layerId?: string | null | undefined; userId: string; start: string; end: string }) {
    const now = clock.now();
    const start = Date.parse(body.start);
    const end = Date.parse(body.end);
    if (!(end > start)) throw new AppError('validation_failed', 'The span is empty', [{ path: '/body/end', message: 'must be after start' }]);
    if (end <= now) throw new AppError('validation_failed', 'Overrides cannot end in the past', [{ path: '/body/end', message: 'must be in the future' }]);
    if (end - start > MAX_SPAN_DAYS * DAY) throw new AppError('validation_failed', 'The span is too long', [{ path: '/body/end', message: `must be within ${MAX_SPAN_DAYS} days of start` }]);
    if (end > now + MAX_AHEAD_DAYS * DAY) throw new AppError('validation_failed', 'The span is too far ahead', [{ path: '/body/end', message: `must be within ${MAX_AHEAD_DAYS} days from now` }]);
    await checkMembers(db, [body.userId], '/body/userId');
    if (body.layerId) {
      const stored = await loadSchedule(db, scheduleId, { from: now, to: now + 1 });
      const ids = new Set([...layerIdsAt(stored, now), ...layerIdsAt(stored, start)]);
      if (!ids.has(body.layerId)) {
        throw new AppError('validation_failed', 'That layer is not part of this schedule', [{ path: '/body/layerId', message: 'is not a layer of this schedule' }]);
      }
    }
    return { start, end };
  }

  /**
   * Removing a span never rewrites the past: one not yet started is deleted, one under
   * way is cut short at now, one already over is refused.
   */
  async function removeSpan(row: { start_at: number; end_at: number; id: string }, remove: (id: string) => Promise<void>, endAt: (id: string, end: number) => Promise<void>) {
    const now = clock.now();
    if (row.start_at >= now) await remove(row.id);
    else if (row.end_at > now) await endAt(row.id, now);
    else throw new AppError('past_is_immutable', 'This span is over; it stays in the history');
  }

  api.get(
    '/schedules/:id/overrides',
    { schema: { tags, summary: 'Overrides touching [from, to)', params: IdParams, querystring: RangeQuery, response: { 200: Type.Object({ items: Type.Array(OverrideView) }) } } },
    async (req) => {
      const stored = await loadSchedule(db, req.params.id, { from: Date.parse(req.query.from), to: Date.parse(req.query.to) });
      const users = await directoryFor(db, stored.overrides.map((o) => o.userId));
      return {
        items: stored.overrides.map((o) => ({
          id: o.id,
          layerId: o.layerId,
          user: users(o.userId),
          mode: o.mode,
          start: toIso(o.start),
          end: toIso(o.end),
          createdAt: toIso(o.createdAt),
        })),
      };
    },
  );

  api.post(
    '/schedules/:id/overrides',
    {
      schema: {
        tags,
        summary:
          'Put someone on call for a span: on one layer, or schedule-wide (replaces the primary; latest created wins), or with mode shadow page them alongside whoever is on call there.',
        params: IdParams,
        body: OverrideInput,
        response: { 201: OverrideView },
      },
    },
    async (req, reply) => {
      await writable(req, req.params.id);
      const { start, end } = await checkSpan(req.params.id, req.body);
      const now = clock.now();
      const layerId = req.body.layerId ?? null;
      const mode = req.body.mode ?? 'replace';
      const id = await insertOverride(db, req.params.id, { layerId, userId: req.body.userId, mode, start, end, createdBy: actorOf(req).user.id }, now);
      const users = await directoryFor(db, [req.body.userId]);
      return reply.code(201).send({ id, layerId, user: users(req.body.userId), mode, start: toIso(start), end: toIso(end), createdAt: toIso(now) });
    },
  );

  api.delete(
    '/schedules/:id/overrides/:itemId',
    { schema: { tags, summary: 'Cancel an override (one under way ends now)', params: ItemParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await writable(req, req.params.id);
      const row = await findOverride(db, req.params.id, req.params.itemId);
      await removeSpan(row, (id) => deleteOverrideRow(db, id), (id, end) => endOverrideAt(db, id, end));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/schedules/:id/fixed-shifts',
    { schema: { tags, summary: 'Fixed shifts touching [from, to)', params: IdParams, querystring: RangeQuery, response: { 200: Type.Object({ items: Type.Array(FixedShiftView) }) } } },
    async (req) => {
      const stored = await loadSchedule(db, req.params.id, { from: Date.parse(req.query.from), to: Date.parse(req.query.to) });
      const users = await directoryFor(db, stored.fixedShifts.map((f) => f.userId));
      return { items: stored.fixedShifts.map((f) => ({ id: f.id, layerId: f.layerId, user: users(f.userId), start: toIso(f.start), end: toIso(f.end) })) };
    },
  );

  api.post(
    '/schedules/:id/fixed-shifts',
    { schema: { tags, summary: 'A fixed shift on a layer: beats the rotation, loses to overrides', params: IdParams, body: FixedShiftInput, response: { 201: FixedShiftView } } },
    async (req, reply) => {
      await writable(req, req.params.id);
      const { start, end } = await checkSpan(req.params.id, req.body);
      const id = await insertFixedShift(db, req.params.id, { layerId: req.body.layerId, userId: req.body.userId, start, end }, clock.now());
      const users = await directoryFor(db, [req.body.userId]);
      return reply.code(201).send({ id, layerId: req.body.layerId, user: users(req.body.userId), start: toIso(start), end: toIso(end) });
    },
  );

  api.delete(
    '/schedules/:id/fixed-shifts/:itemId',
    { schema: { tags, summary: 'Cancel a fixed shift (one under way ends now)', params: ItemParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await writable(req, req.params.id);
      const row = await findFixedShift(db, req.params.id, req.params.itemId);
      await removeSpan(row, (id) => deleteFixedShiftRow(db, id), (id, end) => endFixedShiftAt(db, id, end));
      return reply.code(204).send(null);
    },
  );
}
