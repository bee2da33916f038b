import { AppError } from '../errors.js';
import { type ScheduleHistory, type Structure } from './history.js';
import { editLayer } from './layer-version.js';
import { startRotation } from './rotation-start.js';
import type { Instant, Layer, LayerDraft, LayerVersion, RotationStart } from './types.js';

/**
 * A change to a schedule's layers, taking effect at an instant; the past is never touched.
 * With a rotation `start`, the layer's new version begins at `start.at` instead (an added
 * layer is part of the schedule from the edit's instant but has nobody until then).
 */
export type ScheduleEdit =
  | { kind: 'add_layer'; layerId: string; name: string; draft: LayerDraft; start?: RotationStart }
  | { kind: 'update_layer'; layerId: string; draft: LayerDraft; start?: RotationStart }
  | { kind: 'reorder_layers'; layerIds: string[] }
  | { kind: 'remove_layer'; layerId: string };

export interface EditResult {
  history: ScheduleHistory;
  /** What storage must write: versions and structures supersede those at or after their start. */
  layerVersion: { layerId: string; version: LayerVersion } | null;
  structure: Structure | null;
}

/** The layer ids in force at `at` (the last structure starting at or before it). */
export function layerIdsAt(history: Pick<ScheduleHistory, 'structures'>, at: Instant): string[] {
  let ids: string[] = [];
  for (const s of history.structures) if (s.effectiveFrom <= at) ids = s.layerIds;
  return ids;
}

function withStructure(history: ScheduleHistory, structure: Structure): ScheduleHistory {
  return { ...history, structures: [...history.structures.filter((s) => s.effectiveFrom < structure.effectiveFrom), structure] };
}

function requireLayer(ids: string[], layerId: string, path: string): void {
  if (!ids.includes(layerId)) {
    throw new AppError('validation_failed', 'That layer is not part of the schedule at that time', [
      { path, message: 'is not a layer of this schedule' },
    ]);
  }
}

function versionsAfter(versions: LayerVersion[], draft: LayerDraft, at: Instant, start: RotationStart | undefined): LayerVersion[] {
  return start ? startRotation(versions, draft, start) : editLayer(versions, draft, at);
}

export function applyEdit(history: ScheduleHistory, edit: ScheduleEdit, at: Instant): EditResult {
  const ids = layerIdsAt(history, at);
  switch (edit.kind) {
    case 'add_layer': {
      const layer: Layer = { id: edit.layerId, name: edit.name, versions: versionsAfter([], edit.draft, at, edit.start) };
      const structure = { effectiveFrom: at, layerIds: [...ids, edit.layerId] };
      const next = withStructure({ ...history, layers: [...history.layers, layer] }, structure);
      return { history: next, layerVersion: { layerId: layer.id, version: layer.versions[0] as LayerVersion }, structure };
    }
    case 'update_layer': {
      requireLayer(ids, edit.layerId, '/params/layerId');
      const layer = history.layers.find((l) => l.id === edit.layerId) as Layer;
      const versions = versionsAfter(layer.versions, edit.draft, at, edit.start);
      const layers = history.layers.map((l) => (l.id === layer.id ? { ...l, versions } : l));
      return { history: { ...history, layers }, layerVersion: { layerId: layer.id, version: versions.at(-1) as LayerVersion }, structure: null };
    }
    case 'reorder_layers': {
      const same = edit.layerIds.length === ids.length && ids.every((id) => edit.layerIds.includes(id));
      if (!same) {
        throw new AppError('validation_failed', 'The new order must list every current layer exactly once', [
          { path: '/body/layerIds', message: `must be a permutation of the ${ids.length} current layers` },
        ]);
      }
      const structure = { effectiveFrom: at, layerIds: [...edit.layerIds] };
      return { history: withStructure(history, structure), layerVersion: null, structure };
    }
    case 'remove_layer': {
      requireLayer(ids, edit.layerId, '/params/layerId');
      if (ids.length === 1) throw new AppError('last_layer', 'This is the only layer: add another before deleting it, or delete the schedule');
      const structure = { effectiveFrom: at, layerIds: ids.filter((id) => id !== edit.layerId) };
      return { history: withStructure(history, structure), layerVersion: null, structure };
    }
  }
}

/** The draft in force for a layer at `at` (or its first scheduled one), for patching. */
export function draftAt(layer: Layer, at: Instant): LayerDraft {
  let current = layer.versions[0];
  for (const v of layer.versions) if (v.effectiveFrom <= at) current = v;
  if (!current) throw new Error(`layer ${layer.id} has no versions`);
  return { timeZone: current.timeZone, rotation: current.rotation, restriction: current.restriction, members: current.members };
}
