import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import type { Target } from '../../core/escalation/types.js';
import { assertSettled, badReplacement } from '../../core/in-use.js';
import { draftAt, type ScheduleEdit } from '../../core/schedule/edit.js';
import type { ScheduleHistory } from '../../core/schedule/history.js';
import type { Layer, LayerDraft, Restriction } from '../../core/schedule/types.js';
import { assertValidDraft, checkDraft, checkMembers, createSchedule, editSchedule, effectiveTime, rotationStartOf } from '../../service/schedule-edits.js';
import { refreshOpenGaps } from '../../service/coverage-gaps.js';
import { tellShiftsGone } from '../../service/shift-change-notices.js';
import { newId } from '../../store/ids.js';
import { retargetPolicies } from '../../store/policy-retarget.js';
import { isScheduleTarget, layerReferences, lockForDeletion, scheduleReferences } from '../../store/references.js';
import { deleteScheduleRow, getScheduleRow, listSchedules, loadSchedule, renameLayer, updateScheduleRow } from '../../store/schedules.js';
import type { DB } from '../../store/schema.js';
import { refuseTakenName, sameName } from '../../store/team-scoped-names.js';
import { getTeam } from '../../store/teams.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { editableTeams, requireTeamMember } from '../permissions.js';
import { directoryFor, presentDetail, presentHolidays, presentSummary, userIdsOf } from '../schedule-presenter.js';
import { Id, IdParams, Page, PageQuery } from '../schemas/common.js';
import { deleteOptions, Force, InUseProblem, ReplaceWith } from '../schemas/in-use.js';
import { CreateSchedule, LayerInput, LayerOrder, LayerParams, LayerPatch, PatchSchedule } from '../schemas/schedule.js';
import { ScheduleDetail, ScheduleSummary } from '../schemas/schedule-views.js';
import { checkCalendar } from '../../service/holiday-calendar.js';
import { calendarOf } from '../../store/holiday-calendars.js';
import { transact } from '../../store/transact.js';

type LayerFields = Omit<Static<typeof LayerInput>, 'effectiveAt'>;

export function draftOf(input: LayerFields, scheduleZone: string): LayerDraft {
  return {
    timeZone: input.timeZone ?? scheduleZone,
    rotation: input.rotation,
    restriction: input.restriction ?? { kind: 'always' },
    members: input.members,
  };
}

/**
 * The edit a layer patch describes, against the layer's configuration in force at `at`,
 * and the restriction it had (what validation lets through unchanged).
 */
export function patchEdit(
  history: ScheduleHistory,
  layerId: string,
  patch: Static<typeof LayerPatch>,
  at: number,
): { edit: Extract<ScheduleEdit, { kind: 'update_layer' }>; kept: Restriction } {
  const layer = history.layers.find((l) => l.id === layerId) as Layer | undefined;
  if (!layer) throw new AppError('not_found', `No layer ${layerId} in this schedule`);
  const current = draftAt(layer, at);
  const draft = {
    timeZone: patch.timeZone ?? current.timeZone,
    rotation: patch.rotation ?? current.rotation,
    restriction: patch.restriction ?? current.restriction,
    members: patch.members ?? current.members,
  };
  return { edit: { kind: 'update_layer', layerId, draft }, kept: current.restriction };
}

const changesConfig = (p: Static<typeof LayerPatch>) =>
  p.timeZone !== undefined || p.rotation !== undefined || p.restriction !== undefined || p.members !== undefined || p.rotationStart !== undefined;

export function scheduleRoutes(api: Api, { database, clock }: HttpDeps): void {
  const { db, dialect } = database;
  const tags = ['schedules'];

  /** Every route but GET answers those who just changed the schedule, who may see its secrets. */
  async function detail(id: string, canEdit: (teamId: string) => boolean = () => true) {
    const stored = await loadSchedule(db, id, { from: clock.now(), to: clock.now() + 1 });
    const holidays = presentHolidays(calendarOf(stored.row), canEdit(stored.row.team_id));
    return { ...presentDetail(stored, clock.now(), await directoryFor(db, userIdsOf(stored))), holidays };
  }

  async function writable(req: Parameters<typeof requireTeamMember>[1], scheduleId: string) {
    const row = await getScheduleRow(db, scheduleId);
    await requireTeamMember(db, req, row.team_id);
    return row;
  }

  api.get(
    '/schedules',
    {
      schema: {
        tags,
        summary: 'List schedules',
        querystring: Type.Object({ ...PageQuery.properties, teamId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Page(ScheduleSummary) },
      },
    },
    async (req) => {
      const page = await listSchedules(db, req.query, req.query.teamId);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/schedules',
    { schema: { tags, summary: 'Create a schedule with its layers', body: CreateSchedule, response: { 201: ScheduleDetail } } },
    async (req, reply) => {
      const { body } = req;
      await getTeam(db, body.teamId).catch(() => {
        throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
      });
      await requireTeamMember(db, req, body.teamId);
      const id = await transact(db, async (trx) => {
        await refuseTakenName(trx, dialect, 'schedule', body.teamId, body.name);
        return createSchedule(
          { ...database, db: trx },
          {
          teamId: body.teamId,
          name: body.name,
          description: body.description ?? '',
          timeZone: body.timeZone,
            layers: body.layers.map((l) => ({ name: l.name, draft: draftOf(l, body.timeZone), rotationStart: l.rotationStart })),
          },
          clock.now(),
        );
      });
      return reply.code(201).send(await detail(id));
    },
  );

  api.get('/schedules/:id', { schema: { tags, summary: 'A schedule with its current layers', params: IdParams, response: { 200: ScheduleDetail } } }, async (req) =>
    detail(req.params.id, await editableTeams(db, req)),
  );

  api.patch(
    '/schedules/:id',
    { schema: { tags, summary: 'Rename, re-describe, move or re-zone a schedule, or set its coverage-gap alert (gapAlertDays) or its public holidays (holidays)', params: IdParams, body: PatchSchedule, response: { 200: ScheduleDetail } } },
    async (req) => {
      const current = await writable(req, req.params.id);
      if (req.body.teamId !== undefined) {
        await getTeam(db, req.body.teamId).catch(() => {
          throw new AppError('validation_failed', 'Unknown team', [{ path: '/body/teamId', message: 'is not an existing team' }]);
        });
        await requireTeamMember(db, req, req.body.teamId);
      }
      const { name = current.name, teamId = current.team_id } = req.body;
      const holidays = req.body.holidays && checkCalendar(req.body.holidays, '/body/holidays');
      await transact(db, async (trx) => {
        // A name kept as it was (in the same team) is not re-checked: duplicates from before the rule stay editable.
        if (teamId !== current.team_id || !sameName(name, current.name)) await refuseTakenName(trx, dialect, 'schedule', teamId, name, current.id);
        await updateScheduleRow(trx, req.params.id, { ...req.body, holidays }, clock.now());
      });
      // The metric counts gaps within the schedule's own window.
      if (req.body.gapAlertDays !== undefined) await refreshOpenGaps(db, req.params.id, clock.now());
      return detail(req.params.id);
    },
  );

  api.delete(
    '/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a schedule and its history (409 in_use while policies page through it)',
        params: IdParams,
        querystring: Type.Object(
          {
            force: Force('Delete it anyway and remove it from the policy steps that name it'),
            replaceWith: ReplaceWith('Point the policy steps that name it at this schedule instead (a layer target becomes its primary)'),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 409: InUseProblem },
      },
    },
    async (req, reply) => {
      const row = await writable(req, req.params.id);
      const options = deleteOptions(req.query);
      const replacement = options.replaceWith;
      await transact(db, async (trx) => {
        await lockForDeletion(trx, database.dialect, 'schedules', row.id);
        if (replacement !== undefined) {
          if (replacement === row.id) throw badReplacement('is the schedule being deleted');
          await getScheduleRow(trx, replacement).catch(() => {
            throw badReplacement('is not an existing schedule');
          });
        }
        assertSettled('in_use', `Schedule "${row.name}"`, await scheduleReferences(trx, row.id), options);
        const repoint = (t: Target): Target | null | undefined => {
          if (!isScheduleTarget(t) || t.scheduleId !== row.id) return undefined;
          if (replacement === undefined) return null;
          return t.type === 'schedule_all_layers' ? { type: t.type, scheduleId: replacement } : { type: 'schedule', scheduleId: replacement };
        };
        await retargetPolicies(trx, row.id, repoint, clock.now());
        // Queued before the row goes, while the notice can still name the schedule.
        await tellShiftsGone(trx, row.id, clock.now(), actorOf(req).user.id);
        await deleteScheduleRow(trx, row.id);
      });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/schedules/:id/layers',
    { schema: { tags, summary: 'Add a layer at the bottom (now or from effectiveAt; with rotationStart, on call from then)', params: IdParams, body: LayerInput, response: { 201: ScheduleDetail } } },
    async (req, reply) => {
      const row = await writable(req, req.params.id);
      const draft = draftOf(req.body, row.time_zone);
      await checkDraft(db, draft, '/body');
      const now = clock.now();
      const at = effectiveTime(req.body.effectiveAt, now);
      const start = rotationStartOf(req.body.rotationStart, draft, at, '/body/rotationStart');
      const layerId = newId();
      await editSchedule(database, row.id, () => ({ kind: 'add_layer', layerId, name: req.body.name, draft, start }), at, now);
      return reply.code(201).send(await detail(row.id));
    },
  );

  api.patch(
    '/schedules/:id/layers/:layerId',
    {
      schema: {
        tags,
        summary: 'Change a layer: a new version from now or effectiveAt (or restart the rotation at rotationStart); the past is kept',
        params: LayerParams,
        body: LayerPatch,
        response: { 200: ScheduleDetail },
      },
    },
    async (req) => {
      const { id, layerId } = req.params;
      await writable(req, id);
      const now = clock.now();
      const at = effectiveTime(req.body.effectiveAt, now);
      if (req.body.members) await checkMembers(db, req.body.members, '/body/members');
      if (changesConfig(req.body)) {
        const rename = req.body.name === undefined ? undefined : { layerId, name: req.body.name };
        const edit = (history: ScheduleHistory) => {
          const { edit, kept } = patchEdit(history, layerId, req.body, at);
          assertValidDraft(edit.draft, '/body', kept);
          return { ...edit, start: rotationStartOf(req.body.rotationStart, edit.draft, at, '/body/rotationStart') };
        };
        await editSchedule(database, id, edit, at, now, rename);
      } else if (req.body.name !== undefined) {
        const stored = await loadSchedule(db, id, { from: now, to: now + 1 });
        if (!stored.layers.some((l) => l.id === layerId)) throw new AppError('not_found', `No layer ${layerId} in this schedule`);
        await renameLayer(db, layerId, req.body.name);
      }
      return detail(id);
    },
  );

  api.put(
    '/schedules/:id/layer-order',
    { schema: { tags, summary: 'Reorder layers (index 0 becomes Primary) from now on', params: IdParams, body: LayerOrder, response: { 200: ScheduleDetail } } },
    async (req) => {
      await writable(req, req.params.id);
      const now = clock.now();
      await editSchedule(database, req.params.id, () => ({ kind: 'reorder_layers', layerIds: req.body.layerIds }), now, now);
      return detail(req.params.id);
    },
  );

  api.delete(
    '/schedules/:id/layers/:layerId',
    {
      schema: {
        tags,
        summary: 'Remove a layer from now on (409 last_layer for the only one, in_use while policies page it); its past stays answerable',
        params: LayerParams,
        querystring: Type.Object({ force: Force('Remove it anyway and remove it from the policy steps that page it') }, { additionalProperties: false }),
        response: { 200: ScheduleDetail, 409: InUseProblem },
      },
    },
    async (req) => {
      const { id, layerId } = req.params;
      await writable(req, id);
      const now = clock.now();
      const unpage = async (trx: Kysely<DB>) => {
        assertSettled('in_use', 'This layer', await layerReferences(trx, layerId), deleteOptions(req.query));
        await retargetPolicies(trx, layerId, (t) => (t.type === 'schedule_layer' && t.layerId === layerId ? null : undefined), now);
      };
      await editSchedule(database, id, () => ({ kind: 'remove_layer', layerId }), now, now, undefined, unpage);
      return detail(id);
    },
  );
}

