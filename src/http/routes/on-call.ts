import { Type } from 'typebox';
import { csvCell } from '../../core/csv.js';
import { AppError } from '../../core/errors.js';
import { applyEdit, type ScheduleEdit } from '../../core/schedule/edit.js';
import { fairnessReport } from '../../core/schedule/fairness.js';
import { historyHours, historyTimelineRows } from '../../core/schedule/history.js';
import { primaryChanges } from '../../core/schedule/primary-changes.js';
import { configuredChannels } from '../../app/configured-channels.js';
import { reachabilityOf } from '../../service/reachability.js';
import { holidaysIn } from '../../service/schedule-holidays.js';
import { checkDraft, rotationStartOf, toHistory } from '../../service/schedule-edits.js';
import { newId } from '../../store/ids.js';
import { listAllScheduleIds, loadSchedule } from '../../store/schedules.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { directoryFor, lastWritableInstant, presentOnCall, presentRows, userIdsOf } from '../schedule-presenter.js';
import { Discriminated, Id, IdParams, Instant, toIso } from '../schemas/common.js';
import { AtQuery, LayerInput, LayerOrder, LayerPatch, RangeQuery } from '../schemas/schedule.js';
import { HoursRow, OnCall, Preview, Timeline } from '../schemas/schedule-views.js';
import { presentMeasure } from './fairness.js';
import { draftOf, patchEdit } from './schedules.js';
import { DAY } from '../../core/time/units.js';


/** Parses and bounds a [from, to) query so one request cannot ask for decades of segments. */
export function rangeOf(query: { from: string; to: string }, maxDays: number): { from: number; to: number } {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (!(to > from)) throw new AppError('validation_failed', 'The range is empty', [{ path: '/querystring/to', message: 'must be after from' }]);
  if (to - from > maxDays * DAY) {
    throw new AppError('validation_failed', 'The range is too long', [{ path: '/querystring/to', message: `must be within ${maxDays} days of from` }]);
  }
  return { from, to };
}

const PreviewEdit = Type.Object(
  {
    edit: Discriminated('kind', [
      Type.Object({ kind: Type.Literal('add_layer'), layer: LayerInput }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('update_layer'), layerId: Id, patch: LayerPatch }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('reorder_layers'), layerIds: LayerOrder.properties.layerIds }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('remove_layer'), layerId: Id }, { additionalProperties: false }),
    ]),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

export function onCallRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  const tags = ['on-call'];
  const atOf = (at: string | undefined) => (at === undefined ? clock.now() : Date.parse(at));
  const configured = configuredChannels(config);

  async function onCall(scheduleId: string, at: number) {
    // Every override and fixed shift not ended by `at`, not just those covering it: one that
    // starts later is where the answer changes, so `until` cannot be right without it.
    const stored = await loadSchedule(db, scheduleId, { from: at });
    const view = presentOnCall(stored, toHistory(stored), at, await directoryFor(db, userIdsOf(stored)));
    const named = [view.primary?.user.id, ...view.shadows.map((x) => x.user.id), ...view.layers.flatMap((l) => [l.user?.id, ...l.shadows.map((x) => x.user.id)])].filter(
      (id): id is string => id !== undefined,
    );
    // Contact methods as they are now, whatever `at` asks about: they have no history.
    const reachability = await reachabilityOf(db, named, clock.now(), configured);
    // A team that owns schedules cannot be deleted, so the schedule's team is always there.
    const team = await getTeam(db, stored.row.team_id);
    return { ...view, team: { id: team.id, name: team.name }, reachability: [...reachability.values()] };
  }

  api.get(
    '/on-call',
    { schema: { tags, summary: 'Who is on call now (or at ?at=) on every schedule', querystring: AtQuery, response: { 200: Type.Object({ items: Type.Array(OnCall) }) } } },
    async (req) => {
      const at = atOf(req.query.at);
      const ids = await listAllScheduleIds(db);
      const items = [];
      for (const { id } of ids) items.push(await onCall(id, at));
      return { items };
    },
  );

  api.get(
    '/schedules/:id/on-call',
    { schema: { tags, summary: 'Who is on call now (or at ?at=): the primary and every layer', params: IdParams, querystring: AtQuery, response: { 200: OnCall } } },
    (req) => onCall(req.params.id, atOf(req.query.at)),
  );

  api.get(
    '/schedules/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Per-layer and final timeline over [from, to) with coverage gaps (at most 92 days)',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: Timeline },
      },
    },
    async (req) => {
      const { from, to } = rangeOf(req.query, 92);
      const stored = await loadSchedule(db, req.params.id, { from, to });
      const rows = historyTimelineRows(toHistory(stored), from, to);
      return presentRows(rows, stored, from, to, await directoryFor(db, userIdsOf(stored)));
    },
  );

  api.post(
    '/schedules/:id/preview',
    {
      schema: {
        tags,
        summary: 'What an unsaved layer edit would do: timelines before and after, gaps, and whose shifts move',
        params: IdParams,
        body: PreviewEdit,
        response: { 200: Preview },
      },
    },
    async (req) => {
      const now = clock.now();
      const from = req.body.from === undefined ? now : Math.max(now, Date.parse(req.body.from));
      // Two weeks by default, but never past what RFC 3339 can write (a `from` late in 9999).
      const { to } = rangeOf({ from: toIso(from), to: req.body.to ?? toIso(Math.min(from + 14 * DAY, lastWritableInstant)) }, 92);
      const stored = await loadSchedule(db, req.params.id, { from, to });
      const history = toHistory(stored);
      const input = req.body.edit;
      let edit: ScheduleEdit;
      switch (input.kind) {
        case 'add_layer': {
          const draft = draftOf(input.layer, stored.row.time_zone);
          await checkDraft(db, draft, '/body/edit/layer');
          const start = rotationStartOf(input.layer.rotationStart, draft, from, '/body/edit/layer/rotationStart');
          edit = { kind: 'add_layer', layerId: newId(), name: input.layer.name, draft, start };
          break;
        }
        case 'update_layer': {
          const update = patchEdit(history, input.layerId, input.patch, from);
          await checkDraft(db, update.edit.draft, '/body/edit/patch', update.kept);
          edit = { ...update.edit, start: rotationStartOf(input.patch.rotationStart, update.edit.draft, from, '/body/edit/patch/rotationStart') };
          break;
        }
        default:
          edit = input;
      }
      const after = applyEdit(history, edit, from).history;
      const { holidays } = await holidaysIn(db, stored.row, from, to, now, config.destinationPolicy);
      const holidayDates = new Set(holidays.map((h) => h.date));
      const beforeRows = historyTimelineRows(history, from, to);
      const afterRows = historyTimelineRows(after, from, to);
      const mentioned = userIdsOf(stored);
      if (edit.kind === 'add_layer' || edit.kind === 'update_layer') edit.draft.members.forEach((m) => mentioned.add(m));
      const users = await directoryFor(db, mentioned);
      const named = { ...stored, layers: [...stored.layers, ...(edit.kind === 'add_layer' ? [{ id: edit.layerId, name: edit.name, versions: [] }] : [])] };
      return {
        before: presentRows(beforeRows, named, from, to, users),
        after: presentRows(afterRows, named, from, to, users),
        changes: primaryChanges(beforeRows.final, afterRows.final).map((c) => ({
          start: toIso(c.start),
          end: toIso(c.end),
          before: c.before === null ? null : users(c.before),
          after: c.after === null ? null : users(c.after),
        })),
        fairness: { before: presentMeasure(fairnessReport(history, from, to, holidayDates).measure), after: presentMeasure(fairnessReport(after, from, to, holidayDates).measure) },
      };
    },
  );

  async function hoursReport(scheduleId: string, query: { from: string; to: string }) {
    const { from, to } = rangeOf(query, 366);
    const stored = await loadSchedule(db, scheduleId, { from, to });
    const hours = historyHours(toHistory(stored), from, to);
    const users = await directoryFor(db, hours.map((h) => h.userId));
    const round = (n: number) => Math.round(n * 100) / 100;
    const items = hours
      .map((h) => ({ user: users(h.userId), total: round(h.total), businessHours: round(h.businessHours), nights: round(h.nights), weekends: round(h.weekends) }))
      .sort((a, b) => b.total - a.total || a.user.name.localeCompare(b.user.name));
    return { from: toIso(from), to: toIso(to), timeZone: stored.row.time_zone, name: stored.row.name, items };
  }

  api.get(
    '/schedules/:id/hours',
    {
      schema: {
        tags,
        summary: 'On-call hours per person over [from, to) (at most 366 days): business hours (Mon–Fri 09–17), nights, weekends',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: Type.Object({ from: Instant, to: Instant, timeZone: Type.String(), items: Type.Array(HoursRow) }) },
      },
    },
    (req) => hoursReport(req.params.id, req.query),
  );

  api.get(
    '/schedules/:id/hours.csv',
    {
      schema: {
        tags,
        summary: 'The on-call hours report as CSV',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: { description: 'name,email,total_hours,business_hours,night_hours,weekend_hours; one row per person', content: { 'text/csv': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const report = await hoursReport(req.params.id, req.query);
      const lines = ['name,email,total_hours,business_hours,night_hours,weekend_hours'];
      for (const i of report.items) lines.push([i.user.name, i.user.email, i.total, i.businessHours, i.nights, i.weekends].map(csvCell).join(','));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="on-call-hours-${report.name.replace(/[^\w-]+/g, '_')}.csv"`)
        .send(`${lines.join('\r\n')}\r\n`);
    },
  );
}
