import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { acceptDeadline, coverStatus } from '../../core/schedule/cover-request.js';
import { acceptCover, askForCover, withdrawCover } from '../../service/cover-requests.js';
import { findCoverRequest, listCoverRequestsFor, listScheduleCoverRequests, stateOf, type CoverRequestRow } from '../../store/cover-requests.js';
import { getScheduleRow } from '../../store/schedules.js';
import type { DB } from '../../store/schema.js';
import { findMembership } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { hasRole } from '../roles.js';
import { directoryFor } from '../schedule-presenter.js';
import { Id, IdParams, Instant, toIso } from '../schemas/common.js';
import { UserRef } from '../schemas/schedule-views.js';

const CoverRequestInput = Type.Object(
  {
    layerId: Type.Union([Id, Type.Null()], { description: 'The layer to be covered on; null: the whole schedule (its primary)' }),
    start: Instant,
    end: Instant,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const CoverRequestView = Type.Object({
  id: Id,
  scheduleId: Id,
  scheduleName: Type.String(),
  layerId: Type.Union([Id, Type.Null()]),
  layerName: Type.Union([Type.String(), Type.Null()]),
  requester: UserRef,
  start: Instant,
  end: Instant,
  note: Type.String(),
  status: Type.Enum(['open', 'accepted', 'withdrawn', 'expired'], { description: 'expired: still open when its deadline passed' }),
  acceptBy: Instant,
  asked: Type.Array(UserRef, { description: 'Who was asked (and may accept)' }),
  acceptedBy: Type.Union([UserRef, Type.Null()]),
  overrideId: Type.Union([Id, Type.Null()], { description: 'The override the accepter got' }),
  createdAt: Instant,
});

const RequestParams = Type.Object({ id: Id, requestId: Id });

export function coverRequestRoutes(api: Api, { database: { db }, clock, config, wakeEngine }: HttpDeps): void {
  const tags = ['cover-requests'];

  async function present(trx: Kysely<DB>, rows: CoverRequestRow[], now: number) {
    const users = await directoryFor(trx, rows.flatMap((r) => [r.requester_id, ...r.candidates, ...(r.accepted_by ? [r.accepted_by] : [])]));
    const scheduleIds = [...new Set(rows.map((r) => r.schedule_id))];
    const layerIds = [...new Set(rows.flatMap((r) => (r.layer_id ? [r.layer_id] : [])))];
    const [schedules, layers] = await Promise.all([
      scheduleIds.length === 0 ? [] : trx.selectFrom('schedules').select(['id', 'name']).where('id', 'in', scheduleIds).execute(),
      layerIds.length === 0 ? [] : trx.selectFrom('schedule_layers').select(['id', 'name']).where('id', 'in', layerIds).execute(),
    ]);
    const scheduleName = new Map(schedules.map((s) => [s.id, s.name]));
    const layerName = new Map(layers.map((l) => [l.id, l.name]));
    return rows.map((r) => ({
      id: r.id,
      scheduleId: r.schedule_id,
      scheduleName: scheduleName.get(r.schedule_id) ?? '',
      layerId: r.layer_id,
      layerName: r.layer_id === null ? null : (layerName.get(r.layer_id) ?? null),
      requester: users(r.requester_id),
      start: toIso(r.start_at),
      end: toIso(r.end_at),
      note: r.note,
      status: coverStatus(stateOf(r), now),
      acceptBy: toIso(acceptDeadline(stateOf(r))),
      asked: r.candidates.map(users),
      acceptedBy: r.accepted_by === null ? null : users(r.accepted_by),
      overrideId: r.override_id,
      createdAt: toIso(r.created_at),
    }));
  }

  async function one(scheduleId: string, requestId: string) {
    const [view] = await present(db, [await findCoverRequest(db, scheduleId, requestId)], clock.now());
    return view as NonNullable<typeof view>;
  }

  api.get(
    '/schedules/:id/cover-requests',
    {
      schema: {
        tags,
        summary: "A schedule's cover requests whose span has not ended: open, accepted, withdrawn or expired",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(CoverRequestView) }) },
      },
    },
    async (req) => {
      await getScheduleRow(db, req.params.id);
      const now = clock.now();
      return { items: await present(db, await listScheduleCoverRequests(db, req.params.id, now), now) };
    },
  );

  api.get(
    '/me/cover-requests',
    {
      schema: {
        tags,
        summary: 'Open cover requests you were asked to take (and can still accept), soonest first',
        response: { 200: Type.Object({ items: Type.Array(CoverRequestView) }) },
      },
    },
    async (req) => {
      const now = clock.now();
      const rows = (await listCoverRequestsFor(db, actorOf(req).user.id, now)).filter((r) => coverStatus(stateOf(r), now) === 'open');
      return { items: await present(db, rows, now) };
    },
  );

  api.post(
    '/schedules/:id/cover-requests',
    {
      schema: {
        tags,
        summary:
          'Ask for cover for a span you are on call for, on one layer or the whole schedule: the layer’s other members (or the team’s) are told, and the first to accept gets it. Expires at the start of the span (one already under way: at its end).',
        params: IdParams,
        body: CoverRequestInput,
        response: { 201: CoverRequestView },
      },
    },
    async (req, reply) => {
      await getScheduleRow(db, req.params.id);
      const { layerId, start, end, note } = req.body;
      const id = await askForCover(
        db,
        { scheduleId: req.params.id, layerId, requesterId: actorOf(req).user.id, start: Date.parse(start), end: Date.parse(end), note: note?.trim() ?? '' },
        clock.now(),
        config,
      );
      wakeEngine();
      return reply.code(201).send(await one(req.params.id, id));
    },
  );

  api.post(
    '/schedules/:id/cover-requests/:requestId/accept',
    {
      schema: {
        tags,
        summary: 'Take a cover request you were asked: you get a replace override for its span (409 cover_request_closed once taken, withdrawn or expired)',
        params: RequestParams,
        response: { 200: CoverRequestView },
      },
    },
    async (req) => {
      await acceptCover(db, req.params.id, req.params.requestId, actorOf(req).user.id, clock.now());
      wakeEngine();
      return one(req.params.id, req.params.requestId);
    },
  );

  api.post(
    '/schedules/:id/cover-requests/:requestId/withdraw',
    {
      schema: { tags, summary: 'Take back an open cover request: whoever asked, a manager of the team, or an admin', params: RequestParams, response: { 200: CoverRequestView } },
    },
    async (req) => {
      const { user } = actorOf(req);
      const row = await getScheduleRow(db, req.params.id);
      const isManager = hasRole(user.role, 'admin') || (hasRole(user.role, 'responder') && (await findMembership(db, row.team_id, user.id)) === 'manager');
      await withdrawCover(db, req.params.id, req.params.requestId, user.id, isManager, clock.now());
      return one(req.params.id, req.params.requestId);
    },
  );
}
