import { AppError } from '../core/errors.js';
import { applyEdit, type EditResult, type ScheduleEdit } from '../core/schedule/edit.js';
import type { ScheduleHistory } from '../core/schedule/history.js';
import { nextHandoff } from '../core/schedule/rotation-start.js';
import type { Instant, LayerDraft, Restriction, RotationStart } from '../core/schedule/types.js';
import { validateLayerDraft } from '../core/schedule/validate.js';
import { parseWallDateTime } from '../core/time/wall-clock.js';
import { zone } from '../core/time/zone.js';
import { audited, type AuditedChange } from '../store/audit.js';
import type { Database } from '../store/database.js';
import { newId } from '../store/ids.js';
import {
  insertLayer,
  insertSchedule,
  loadSchedule,
  lockSchedule,
  putLayerVersion,
  putStructure,
  renameLayer,
  type StoredSchedule,
} from '../store/schedules.js';
import { findMissingUsers } from '../store/users.js';
import { currentChangeOrigin } from '../kernel/change-origin.js';
import { finalRowsOfHistory, queueShiftChangeNotices } from './shift-change-notices.js';
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.js';
import { transact } from '../store/transact.js';

export function toHistory(stored: StoredSchedule): ScheduleHistory {
  return {
    timeZone: stored.row.time_zone,
    layers: stored.layers,
    structures: stored.structures,
    overrides: stored.overrides,
    fixedShifts: stored.fixedShifts,
    timeOff: stored.timeOff,
  };
}

/** Edits may be scheduled for later but never backdated; a minute of client clock skew is forgiven. */
export function effectiveTime(requested: string | undefined, now: Instant, path = '/body/effectiveAt'): Instant {
  if (requested === undefined) return now;
  const at = Date.parse(requested);
  if (at < now - 60_000) throw new AppError('validation_failed', 'Changes cannot take effect in the past', [{ path, message: 'must not be in the past' }]);
  return Math.max(at, now);
}

/** A rotation start as a request gives it: `at` an RFC 3339 instant or a local date-time in the layer's zone. */
export interface RequestedStart {
  at?: string;
  member?: number | string;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The rotation start a request asks for, on a draft already validated. It may not come
 * before `from` (when the change takes effect; a minute of clock skew is forgiven) and
 * defaults to the first handoff at or after it, with the first member.
 */
export function rotationStartOf(requested: RequestedStart | undefined, draft: LayerDraft, from: Instant, path: string): RotationStart | undefined {
  if (requested === undefined) return undefined;
  const refuse = (field: string, message: string): never => {
    throw new AppError('validation_failed', 'The rotation start is not valid', [{ path: `${path}/${field}`, message }]);
  };
  const { members } = draft;
  if (members.length === 0) refuse('member', 'needs someone to start with: the layer has no members');
  const wanted = requested.member ?? 0;
  const member = typeof wanted === 'number' ? wanted : members.indexOf(wanted);
  if (typeof wanted === 'string' && member < 0) refuse('member', 'is not a member of this layer');
  if (member >= members.length) refuse('member', `must be a position in members, 0 to ${members.length - 1}`);
  if (requested.at === undefined) return { at: nextHandoff(draft, from), member };
  let at = Date.parse(requested.at);
  if (LOCAL_DATE_TIME.test(requested.at)) {
    try {
      // Read like a handoff: a time skipped by DST is the first instant after the gap.
      at = zone(draft.timeZone).fromWall(parseWallDateTime(requested.at), 'start');
    } catch {
      refuse('at', 'is not a real date');
    }
  }
  if (at < from - 60_000) refuse('at', 'must not be before the change takes effect (now, or effectiveAt)');
  return { at: Math.max(at, from), member };
}

/** Checks what the JSON schema cannot: that members are real users. */
export async function checkMembers(db: Kysely<DB>, members: string[], path: string): Promise<void> {
  const missing = new Set(await findMissingUsers(db, members));
  const errors = members.flatMap((id, i) => (missing.has(id) ? [{ path: `${path}/${i}`, message: 'is not an existing user' }] : []));
  if (errors.length > 0) throw new AppError('validation_failed', 'Some members are not users', errors);
}

/**
 * Checks what the JSON schema cannot (real calendar dates, known zones), as field errors
 * under `path`. `kept`: the layer's restriction before the edit (see validateLayerDraft).
 */
export function assertValidDraft(draft: LayerDraft, path: string, kept?: Restriction): void {
  const problems = validateLayerDraft(draft, kept);
  if (problems.length === 0) return;
  // The core names fields like "rotation.days[0]"; the API speaks JSON pointers.
  const pointer = (p: string) => p.replace(/\[(\d+)\]/g, '.$1').split('.').join('/');
  throw new AppError('validation_failed', 'Some fields are not valid', problems.map((p) => ({ path: `${path}/${pointer(p.path)}`, message: p.message })));
}

export async function checkDraft(db: Kysely<DB>, draft: LayerDraft, path: string, kept?: Restriction): Promise<void> {
  assertValidDraft(draft, path, kept);
  await checkMembers(db, draft.members, `${path}/members`);
}

async function persist(trx: Kysely<DB>, scheduleId: string, result: EditResult, newLayer: { id: string; name: string } | null, now: Instant) {
  if (newLayer) await insertLayer(trx, scheduleId, newLayer, now);
  if (result.layerVersion) await putLayerVersion(trx, result.layerVersion.layerId, result.layerVersion.version, now);
  if (result.structure) await putStructure(trx, scheduleId, result.structure, now);
}

export interface NewSchedule {
  teamId: string;
  name: string;
  description: string;
  timeZone: string;
  layers: { name: string; draft: LayerDraft; rotationStart?: RequestedStart }[];
}

export async function createSchedule({ db }: Database, input: NewSchedule, now: Instant): Promise<string> {
  const starts: (RotationStart | undefined)[] = [];
  for (const [i, layer] of input.layers.entries()) {
    await checkDraft(db, layer.draft, `/body/layers/${i}`);
    starts.push(rotationStartOf(layer.rotationStart, layer.draft, now, `/body/layers/${i}/rotationStart`));
  }
  return audited(db, { entity: 'schedule', id: (id: string) => id, action: 'create' }, async (trx) => {
    const { id } = await insertSchedule(trx, input, now);
    let history: ScheduleHistory = { timeZone: input.timeZone, layers: [], structures: [], overrides: [], fixedShifts: [] };
    for (const [i, layer] of input.layers.entries()) {
      const layerId = newId();
      const result = applyEdit(history, { kind: 'add_layer', layerId, name: layer.name, draft: layer.draft, start: starts[i] }, now);
      await audited(trx, { entity: 'layer', id: layerId, action: 'create' }, (t) => persist(t, id, result, { id: layerId, name: layer.name }, now));
      history = result.history;
    }
    return id;
  });
}

/** What the audit log records for an edit: the layer it adds, changes or removes, or the schedule's layer order. */
function auditOf(scheduleId: string, edit: ScheduleEdit): AuditedChange<EditResult> {
  switch (edit.kind) {
    case 'add_layer':
      return { entity: 'layer', id: edit.layerId, action: 'create' };
    case 'update_layer':
      return { entity: 'layer', id: edit.layerId, action: 'update' };
    // The layer's past stays answerable, so its row is kept; from now on it is gone.
    case 'remove_layer':
      return { entity: 'layer', id: edit.layerId, action: 'delete' };
    case 'reorder_layers':
      return { entity: 'schedule', id: scheduleId, action: 'update' };
  }
}

/** Builds an edit against the history as it stands (inside the lock) and applies it at `at`. */
export type EditFor = (history: ScheduleHistory) => ScheduleEdit;

/**
 * Applies one layer edit atomically: the schedule is locked, its history loaded, the
 * pure edit applied, and only the resulting version/structure written. `alongside` runs
 * in the same transaction, after the edit is known to be valid (e.g. updating policies).
 * Whoever's shifts in the next 28 days it moves is told (the editor is not).
 */
export async function editSchedule(
  { db, dialect }: Database,
  scheduleId: string,
  editFor: EditFor,
  at: Instant,
  now: Instant,
  rename?: { layerId: string; name: string },
  alongside?: (trx: Kysely<DB>) => Promise<void>,
): Promise<EditResult> {
  return transact(db, async (trx) => {
    await lockSchedule(trx, dialect, scheduleId);
    const history = toHistory(await loadSchedule(trx, scheduleId));
    const edit = editFor(history);
    const result = applyEdit(history, edit, at);
    if (alongside) await alongside(trx);
    const newLayer = edit.kind === 'add_layer' ? { id: edit.layerId, name: edit.name } : null;
    const saved = await audited(trx, auditOf(scheduleId, edit), async (t) => {
      await persist(t, scheduleId, result, newLayer, now);
      if (rename) await renameLayer(t, rename.layerId, rename.name);
      return result;
    });
    const rows = (h: ScheduleHistory) => new Map([[scheduleId, finalRowsOfHistory(h, now)]]);
    await queueShiftChangeNotices(trx, [scheduleId], rows(history), rows(result.history), now, currentChangeOrigin().actorId);
    return saved;
  });
}
