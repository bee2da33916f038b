import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import type { Absence, FixedShift, Instant, LayerVersion, Override, OverrideMode } from '../core/schedule/types.js';
import { DEFAULT_GAP_ALERT_DAYS } from '../core/schedule/upcoming-gaps.js';
import { calendarColumns, type HolidayCalendar } from './holiday-calendars.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { Dialect } from './database.js';
import type { DB, SchedulesTable } from './schema.js';
import { absencesOf } from './time-off.js';

export type ScheduleRow = SchedulesTable;

export interface StoredLayer {
  id: string;
  name: string;
  versions: LayerVersion[];
}

export interface Structure {
  effectiveFrom: Instant;
  layerIds: string[];
}

/** Everything needed to answer "who is on call" for a schedule, past, present and future. */
export interface StoredSchedule {
  row: ScheduleRow;
  layers: StoredLayer[];
  structures: Structure[];
  overrides: (Override & { createdBy: string | null; mode: OverrideMode })[];
  fixedShifts: (FixedShift & { id: string })[];
  /** Time off of everyone any layer version names, over the same range as the overrides. */
  timeOff: Absence[];
}

type Db = Kysely<DB>;

export async function insertSchedule(
  db: Db,
  input: { teamId: string; name: string; description: string; timeZone: string },
  now: number,
): Promise<ScheduleRow> {
  const row: ScheduleRow = {
    id: newId(),
    team_id: input.teamId,
    name: input.name,
    description: input.description,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
    gap_alert_days: DEFAULT_GAP_ALERT_DAYS,
    holiday_country: null,
    holiday_region: null,
    holiday_ical_url: null,
  };
  await db.insertInto('schedules').values(row).execute();
  return row;
}

export async function getScheduleRow(db: Db, id: string): Promise<ScheduleRow> {
  const row = await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No schedule ${id}`);
  return row;
}

/**
 * Serialises edits of one schedule: PostgreSQL locks its row; SQLite already runs
 * one write transaction at a time.
 */
export async function lockSchedule(trx: Transaction<DB>, dialect: Dialect, id: string): Promise<ScheduleRow> {
  let query = trx.selectFrom('schedules').selectAll().where('id', '=', id);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', `No schedule ${id}`);
  return row;
}

export function listSchedules(db: Db, page: PageRequest, teamId?: string): Promise<Page<ScheduleRow>> {
  return keysetPage(page, (after, limit) =>
    db
      .selectFrom('schedules')
      .selectAll()
      .$if(after !== undefined, (q) => q.where('id', '>', after as string))
      .$if(teamId !== undefined, (q) => q.where('team_id', '=', teamId as string))
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
}

export function listAllScheduleIds(db: Db): Promise<{ id: string }[]> {
  return db.selectFrom('schedules').select('id').orderBy('name').execute();
}

export async function updateScheduleRow(
  db: Db,
  id: string,
  patch: {
    name?: string | undefined;
    description?: string | undefined;
    timeZone?: string | undefined;
    teamId?: string | undefined;
    gapAlertDays?: number | undefined;
    holidays?: HolidayCalendar | undefined;
  },
  now: number,
): Promise<void> {
  await audited(db, { entity: 'schedule', id, action: 'update' }, (trx) =>
    trx
      .updateTable('schedules')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        ...(patch.teamId !== undefined && { team_id: patch.teamId }),
        ...(patch.gapAlertDays !== undefined && { gap_alert_days: patch.gapAlertDays }),
        ...(patch.holidays !== undefined && calendarColumns(patch.holidays)),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute(),
  );
}

export function deleteScheduleRow(db: Db, id: string): Promise<void> {
  return audited(db, { entity: 'schedule', id, action: 'delete' }, async (trx) => {
    const result = await trx.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No schedule ${id}`);
  });
}

/** The version of each schedule among `ids` that exists; see migration 0016. */
export async function scheduleVersions(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('schedule_versions').select(['schedule_id', 'version']).where('schedule_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.schedule_id, r.version]));
}

/**
 * Loads a schedule with all layer versions and structures, and the overrides, fixed
 * shifts and members' time off that touch [from, to) (all of them when no range is given;
 * every one not ended by `from` when the range has no end).
 */
export async function loadSchedule(db: Db, id: string, range?: { from: Instant; to?: Instant }): Promise<StoredSchedule> {
  const row = await getScheduleRow(db, id);
  const [layerRows, versionRows, structureRows, overrideRows, shiftRows] = await Promise.all([
    db.selectFrom('schedule_layers').selectAll().where('schedule_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('layer_versions as v')
      .innerJoin('schedule_layers as l', 'l.id', 'v.layer_id')
      .select(['v.layer_id', 'v.effective_from', 'v.config'])
      .where('l.schedule_id', '=', id)
      .orderBy('v.effective_from')
      .execute(),
    db.selectFrom('schedule_structures').selectAll().where('schedule_id', '=', id).orderBy('effective_from').execute(),
    db
      .selectFrom('schedule_overrides')
      .selectAll()
      .where('schedule_id', '=', id)
      .$if(range !== undefined, (q) => q.where('end_at', '>', range?.from ?? 0))
      .$if(range?.to !== undefined, (q) => q.where('start_at', '<', range?.to ?? 0))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('fixed_shifts')
      .selectAll()
      .where('schedule_id', '=', id)
      .$if(range !== undefined, (q) => q.where('end_at', '>', range?.from ?? 0))
      .$if(range?.to !== undefined, (q) => q.where('start_at', '<', range?.to ?? 0))
      .orderBy('start_at')
      .execute(),
  ]);
  const versionsByLayer = new Map<string, LayerVersion[]>();
  for (const v of versionRows) {
    const list = versionsByLayer.get(v.layer_id) ?? [];
    list.push({ ...(JSON.parse(v.config) as Omit<LayerVersion, 'effectiveFrom'>), effectiveFrom: v.effective_from });
    versionsByLayer.set(v.layer_id, list);
  }
  const members = new Set<string>();
  for (const list of versionsByLayer.values()) {
    for (const v of list) {
      v.members.forEach((m) => members.add(m));
      if (v.carryOver) members.add(v.carryOver.userId);
    }
  }
  const timeOff = await absencesOf(db, [...members], range);
  return {
    row,
    layers: layerRows.map((l) => ({ id: l.id, name: l.name, versions: versionsByLayer.get(l.id) ?? [] })),
    structures: structureRows.map((s) => ({ effectiveFrom: s.effective_from, layerIds: JSON.parse(s.layer_ids) as string[] })),
    // Ordered by creation so "the most recently created wins" is input order for the core.
    overrides: overrideRows.map((o) => ({
      id: o.id,
      layerId: o.layer_id,
      userId: o.user_id,
      start: o.start_at,
      end: o.end_at,
      createdAt: o.created_at,
      createdBy: o.created_by,
      mode: o.mode,
    })),
    fixedShifts: shiftRows.map((f) => ({ id: f.id, layerId: f.layer_id, userId: f.user_id, start: f.start_at, end: f.end_at })),
    timeOff,
  };
}

export async function insertLayer(trx: Db, scheduleId: string, layer: { id: string; name: string }, now: number): Promise<void> {
  await trx.insertInto('schedule_layers').values({ id: layer.id, schedule_id: scheduleId, name: layer.name, created_at: now }).execute();
}

export async function renameLayer(db: Db, layerId: string, name: string): Promise<void> {
  await audited(db, { entity: 'layer', id: layerId, action: 'update' }, (trx) => trx.updateTable('schedule_layers').set({ name }).where('id', '=', layerId).execute());
}

/** Stores a new version; versions scheduled at or after it are superseded. */
export async function putLayerVersion(trx: Db, layerId: string, version: LayerVersion, now: number): Promise<void> {
  const { effectiveFrom, ...config } = version;
  await trx.deleteFrom('layer_versions').where('layer_id', '=', layerId).where('effective_from', '>=', effectiveFrom).execute();
  await trx
    .insertInto('layer_versions')
    .values({ layer_id: layerId, effective_from: effectiveFrom, config: JSON.stringify(config), created_at: now })
    .execute();
}

/** Stores which layers exist, in order, from an instant on; later scheduled structures are superseded. */
export async function putStructure(trx: Db, scheduleId: string, structure: Structure, now: number): Promise<void> {
  await trx
    .deleteFrom('schedule_structures')
    .where('schedule_id', '=', scheduleId)
    .where('effective_from', '>=', structure.effectiveFrom)
    .execute();
  await trx
    .insertInto('schedule_structures')
    .values({ schedule_id: scheduleId, effective_from: structure.effectiveFrom, layer_ids: JSON.stringify(structure.layerIds), created_at: now })
    .execute();
}

export async function insertOverride(
  db: Db,
  scheduleId: string,
  o: { layerId: string | null; userId: string; mode?: OverrideMode; start: Instant; end: Instant; createdBy: string | null },
  now: number,
): Promise<string> {
  const id = newId();
  await audited(db, { entity: 'override', id, action: 'create' }, (trx) =>
    trx
      .insertInto('schedule_overrides')
      .values({ id, schedule_id: scheduleId, layer_id: o.layerId, user_id: o.userId, mode: o.mode ?? 'replace', start_at: o.start, end_at: o.end, created_at: now, created_by: o.createdBy })
      .execute(),
  );
  return id;
}

export async function findOverride(db: Db, scheduleId: string, id: string) {
  const row = await db.selectFrom('schedule_overrides').selectAll().where('schedule_id', '=', scheduleId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No override ${id} on this schedule`);
  return row;
}

export async function deleteOverrideRow(db: Db, id: string): Promise<void> {
  await audited(db, { entity: 'override', id, action: 'delete' }, (trx) => trx.deleteFrom('schedule_overrides').where('id', '=', id).execute());
}

export async function endOverrideAt(db: Db, id: string, end: Instant): Promise<void> {
  await audited(db, { entity: 'override', id, action: 'update' }, (trx) => trx.updateTable('schedule_overrides').set({ end_at: end }).where('id', '=', id).execute());
}

export async function insertFixedShift(
  db: Db,
  scheduleId: string,
  f: { layerId: string; userId: string; start: Instant; end: Instant },
  now: number,
): Promise<string> {
  const id = newId();
  await audited(db, { entity: 'fixed_shift', id, action: 'create' }, (trx) =>
    trx
      .insertInto('fixed_shifts')
      .values({ id, schedule_id: scheduleId, layer_id: f.layerId, user_id: f.userId, start_at: f.start, end_at: f.end, created_at: now })
      .execute(),
  );
  return id;
}

export async function findFixedShift(db: Db, scheduleId: string, id: string) {
  const row = await db.selectFrom('fixed_shifts').selectAll().where('schedule_id', '=', scheduleId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No fixed shift ${id} on this schedule`);
  return row;
}

export async function deleteFixedShiftRow(db: Db, id: string): Promise<void> {
  await audited(db, { entity: 'fixed_shift', id, action: 'delete' }, (trx) => trx.deleteFrom('fixed_shifts').where('id', '=', id).execute());
}

export async function endFixedShiftAt(db: Db, id: string, end: Instant): Promise<void> {
  await audited(db, { entity: 'fixed_shift', id, action: 'update' }, (trx) => trx.updateTable('fixed_shifts').set({ end_at: end }).where('id', '=', id).execute());
}
