import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { layerIdsAt } from '../../core/schedule/edit.js';
import { checkMembers } from '../../service/schedule-edits.js';
import { withShiftChangeNotices } from '../../service/shift-change-notices.js';
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
import { checkSpanBounds } from '../span-bounds.js';

export function overrideRoutes(api: Api, { database: { db }, clock, wakeEngine }: HttpDeps): void {
  const tags = ['overrides'];

  async function writable(req: FastifyRequest, scheduleId: string) {
    const row = await getScheduleRow(db, scheduleId);
    await requireTeamMember(db, req, row.team_id);
  }

  /** Runs a change to the schedule's spans, telling whoever's shifts it moves (see shift-change-notices). */
  async function changing<T>(req: FastifyRequest, scheduleId: string, change: (trx: typeof db) => Promise<T>): Promise<T> {
    const result = await withShiftChangeNotices(db, [scheduleId], clock.now(), actorOf(req).user.id, change);
    wakeEngine();
    return result;
  }

  /** A span someone takes over: within the bounds of checkSpanBounds, naming a current layer. */
  async function checkSpan(scheduleId: string, body: { layerId?: string | null | undefined; userId: string; start: string; end: string }) {
    const now = clock.now();
    const start = Date.parse(body.start);
    const end = Date.parse(body.end);
    checkSpanBounds(start, end, now, 'Overrides');
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
      const id = await changing(req, req.params.id, (trx) => insertOverride(trx, req.params.id, { layerId, userId: req.body.userId, mode, start, end, createdBy: actorOf(req).user.id }, now));
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
      await changing(req, req.params.id, (trx) => removeSpan(row, (id) => deleteOverrideRow(trx, id), (id, end) => endOverrideAt(trx, id, end)));
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
      const id = await changing(req, req.params.id, (trx) => insertFixedShift(trx, req.params.id, { layerId: req.body.layerId, userId: req.body.userId, start, end }, clock.now()));
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
      await changing(req, req.params.id, (trx) => removeSpan(row, (id) => deleteFixedShiftRow(trx, id), (id, end) => endFixedShiftAt(trx, id, end)));
      return reply.code(204).send(null);
    },
  );
}
