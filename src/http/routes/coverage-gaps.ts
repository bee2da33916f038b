import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { DEFAULT_GAP_ALERT_DAYS } from '../../core/schedule/upcoming-gaps.js';
import { DAY } from '../../core/time/units.js';
import { gapsAhead, listCoverageGaps, refreshOpenGaps } from '../../service/coverage-gaps.js';
import { deleteIntendedGap, findIntendedGap, insertIntendedGap, listIntendedGaps, type IntendedGapRow } from '../../store/intended-gaps.js';
import { getScheduleRow } from '../../store/schedules.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamManager } from '../permissions.js';
import { directoryFor, type Directory } from '../schedule-presenter.js';
import { IdParams, toIso } from '../schemas/common.js';
import { CoverageGapsView, GapsQuery, GapsView, IntendedGapInput, IntendedGapView } from '../schemas/coverage-gaps.js';
import { ItemParams } from '../schemas/schedule.js';

/** Like overrides: a year at most, two years ahead at the furthest (a longer span is a typo). */
const MAX_SPAN_DAYS = 366;
const MAX_AHEAD_DAYS = 2 * 366;

function present(row: IntendedGapRow, users: Directory) {
  return {
    id: row.id,
    start: toIso(row.start_at),
    end: toIso(row.end_at),
    note: row.note,
    createdBy: row.created_by === null ? null : users(row.created_by),
    createdAt: toIso(row.created_at),
  };
}

export function coverageGapRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  const tags = ['coverage gaps'];

  api.get(
    '/schedules/:id/gaps',
    { schema: { tags, summary: 'Coverage gaps ahead: where nobody would be paged, and which of them are marked intended', params: IdParams, querystring: GapsQuery, response: { 200: GapsView } } },
    async (req) => {
      const row = await getScheduleRow(db, req.params.id);
      const days = req.query.days ?? (row.gap_alert_days > 0 ? row.gap_alert_days : DEFAULT_GAP_ALERT_DAYS);
      const now = clock.now();
      const gaps = (await gapsAhead(db, [{ id: row.id, days }], now)).get(row.id) ?? [];
      return { from: toIso(now), to: toIso(now + days * DAY), days, items: gaps.map((g) => ({ start: toIso(g.start), end: toIso(g.end), intended: g.intended })) };
    },
  );

  api.get(
    '/coverage-gaps',
    { schema: { tags, summary: 'Schedules a policy pages through that have unintended coverage gaps within their gapAlertDays', response: { 200: CoverageGapsView } } },
    async () => ({
      items: (await listCoverageGaps(db, clock.now())).map((s) => ({ ...s, gaps: s.gaps.map((g) => ({ start: toIso(g.start), end: toIso(g.end) })) })),
    }),
  );

  api.get(
    '/schedules/:id/intended-gaps',
    { schema: { tags, summary: 'Spans marked as left uncovered on purpose (not over yet)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(IntendedGapView) }) } } },
    async (req) => {
      await getScheduleRow(db, req.params.id);
      const rows = await listIntendedGaps(db, req.params.id, clock.now());
      const users = await directoryFor(db, rows.flatMap((r) => (r.created_by === null ? [] : [r.created_by])));
      return { items: rows.map((r) => present(r, users)) };
    },
  );

  api.post(
    '/schedules/:id/intended-gaps',
    {
      schema: {
        tags,
        summary: 'Mark a span as left uncovered on purpose: coverage gaps inside it stop alerting (parts of a gap outside it still do)',
        params: IdParams,
        body: IntendedGapInput,
        response: { 201: IntendedGapView },
      },
    },
    async (req, reply) => {
      const schedule = await getScheduleRow(db, req.params.id);
      await requireTeamManager(db, req, schedule.team_id);
      const now = clock.now();
      const start = Date.parse(req.body.start);
      const end = Date.parse(req.body.end);
      if (!(end > start)) throw new AppError('validation_failed', 'The span is empty', [{ path: '/body/end', message: 'must be after start' }]);
      if (end <= now) throw new AppError('validation_failed', 'The span is over', [{ path: '/body/end', message: 'must be in the future' }]);
      if (end - start > MAX_SPAN_DAYS * DAY) throw new AppError('validation_failed', 'The span is too long', [{ path: '/body/end', message: `must be within ${MAX_SPAN_DAYS} days of start` }]);
      if (end > now + MAX_AHEAD_DAYS * DAY) throw new AppError('validation_failed', 'The span is too far ahead', [{ path: '/body/end', message: `must be within ${MAX_AHEAD_DAYS} days from now` }]);
      const actor = actorOf(req).user.id;
      const row = await insertIntendedGap(db, { scheduleId: schedule.id, start, end, note: req.body.note ?? '', createdBy: actor }, now);
      await refreshOpenGaps(db, schedule.id, now);
      return reply.code(201).send(present(row, await directoryFor(db, [actor])));
    },
  );

  api.delete(
    '/schedules/:id/intended-gaps/:itemId',
    { schema: { tags, summary: 'Unmark an intended span: its gaps alert again', params: ItemParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      const schedule = await getScheduleRow(db, req.params.id);
      await requireTeamManager(db, req, schedule.team_id);
      const row = await findIntendedGap(db, schedule.id, req.params.itemId);
      await deleteIntendedGap(db, row.id);
      await refreshOpenGaps(db, schedule.id, clock.now());
      return reply.code(204).send(null);
    },
  );
}
